"""SCORM 2004 packages and one-SCO-per-module packaging: validity, manifest content, determinism."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import spec_path
from manifests import manifest_of, validate
from paths import REPO_ROOT

from scormkit import build, load_course
from scormkit.spec import Course

ROOT = REPO_ROOT
SPECS = sorted((ROOT / "course_specs").glob("*.yaml"))
FLAGSHIP = spec_path("healthcare-customer-service.yaml")
MINIMAL = spec_path("minimal.yaml")
EDITIONS = {
    "scorm2004": ("scorm2004_4th", "2004 4th Edition"),
    "scorm2004-3rd": ("scorm2004_3rd", "2004 3rd Edition"),
}
NS = {
    "cp": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
    "cp12": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp12": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
}


def packaged(course: Course, **packaging: object) -> Course:
    """`course` with its packaging options changed."""
    return course.model_copy(update={"packaging": course.packaging.model_copy(update=packaging)})


def findings(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if ": warning:" in line or ": error:" in line]


@pytest.mark.parametrize("per_module", [False, True], ids=["per-course", "per-module"])
@pytest.mark.parametrize("target", list(EDITIONS))
@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_every_spec_builds_for_both_editions_valid_with_zero_errors_and_warnings(
    spec: Path, target: str, per_module: bool, tmp_path: Path, shared_dir: Path
) -> None:
    documents = shared_dir / "schemas" / EDITIONS[target][0]
    zip_path = build(
        spec, target, tmp_path, control_documents=documents, launch_per_module=per_module
    )
    result = validate(shared_dir, zip_path)
    assert result.returncode == 0, result.stdout
    assert findings(result.stdout) == [], result.stdout
    label = "SCORM 2004 4th Edition" if target == "scorm2004" else "SCORM 2004 3rd Edition"
    assert f"as {label} (0 warning(s))" in result.stdout


@pytest.mark.parametrize("target", list(EDITIONS))
def test_ordered_modules_with_an_assessment_are_valid_too(
    target: str, tmp_path: Path, shared_dir: Path
) -> None:
    course = packaged(
        load_course(FLAGSHIP),
        launch_per_module=True,
        modules_in_order=True,
        assessment="touchpoints",
    )
    documents = shared_dir / "schemas" / EDITIONS[target][0]
    zip_path = build(
        course, target, tmp_path, control_documents=documents, base_dir=FLAGSHIP.parent
    )
    result = validate(shared_dir, zip_path)
    assert result.returncode == 0 and findings(result.stdout) == [], result.stdout


@pytest.mark.parametrize("target", list(EDITIONS))
def test_without_control_documents_the_only_warning_is_that_they_are_missing(
    target: str, tmp_path: Path, shared_dir: Path
) -> None:
    result = validate(shared_dir, build(MINIMAL, target, tmp_path))
    found = findings(result.stdout)
    assert result.returncode == 0, result.stdout
    assert len(found) == 1 and "lacks XSD control document(s)" in found[0], result.stdout


@pytest.mark.parametrize(("target", "edition"), [(t, e[1]) for t, e in EDITIONS.items()])
def test_the_schemaversion_names_the_edition_exactly(
    target: str, edition: str, tmp_path: Path
) -> None:
    root = manifest_of(build(MINIMAL, target, tmp_path))
    assert root.xpath("cp:metadata/cp:schema/text()", namespaces=NS) == ["ADL SCORM"]
    assert root.xpath("cp:metadata/cp:schemaversion/text()", namespaces=NS) == [edition]


def test_control_documents_are_shipped_with_their_subfolders(
    tmp_path: Path, shared_dir: Path
) -> None:
    documents = shared_dir / "schemas" / "scorm2004_4th"
    zip_path = build(MINIMAL, "scorm2004", tmp_path, control_documents=documents)
    names = set(zipfile.ZipFile(zip_path).namelist())
    expected = {
        p.relative_to(documents).as_posix()
        for p in documents.rglob("*")
        if p.suffix in (".xsd", ".dtd")
    }
    assert expected <= names
    assert {"imsss_v1p0.xsd", "common/anyElement.xsd", "vocab/strict.xsd"} <= names


@pytest.mark.parametrize("per_module", [False, True], ids=["per-course", "per-module"])
def test_every_sco_leaves_completion_and_success_to_the_content(
    per_module: bool, tmp_path: Path
) -> None:
    root = manifest_of(build(FLAGSHIP, "scorm2004", tmp_path, launch_per_module=per_module))
    items = root.xpath("//cp:item[@identifierref]", namespaces=NS)
    assert len(items) == (6 if per_module else 1)
    for item in items:
        controls = item.xpath("imsss:sequencing/imsss:deliveryControls", namespaces=NS)
        assert [
            (c.get("completionSetByContent"), c.get("objectiveSetByContent")) for c in controls
        ] == [("true", "true")]


def test_the_organization_offers_flow_and_choice_and_keeps_objectives_to_the_course(
    tmp_path: Path,
) -> None:
    root = manifest_of(build(FLAGSHIP, "scorm2004", tmp_path, launch_per_module=True))
    org = root.xpath("cp:organizations/cp:organization", namespaces=NS)[0]
    assert org.get(f"{{{NS['adlseq']}}}objectivesGlobalToSystem") == "false"
    mode = org.xpath("imsss:sequencing/imsss:controlMode", namespaces=NS)[0]
    assert (mode.get("flow"), mode.get("choice")) == ("true", "true")


def test_one_launch_per_module_launches_each_module_with_its_own_objective(tmp_path: Path) -> None:
    course = load_course(FLAGSHIP)
    root = manifest_of(build(FLAGSHIP, "scorm2004", tmp_path, launch_per_module=True))
    items = root.xpath("//cp:organization/cp:item", namespaces=NS)
    assert [i.get("parameters") for i in items] == [f"?module={m.id}" for m in course.modules]
    assert [i.xpath("string(cp:title)", namespaces=NS) for i in items] == [
        m.title for m in course.modules
    ]
    # No objective maps when no module waits for another: Moodle's parser aborts on them.
    assert root.xpath("//imsss:mapInfo", namespaces=NS) == []
    for item, module in zip(items, course.modules, strict=True):
        own = item.xpath(
            "imsss:sequencing/imsss:objectives/imsss:objective/@objectiveID", namespaces=NS
        )
        assert own == [module.id]
        hidden = item.xpath("adlnav:presentation//adlnav:hideLMSUI/text()", namespaces=NS)
        assert hidden == ["previous", "continue"]
    # Every SCO is the same page; the shared files are one asset all of them depend on.
    hrefs = root.xpath("//cp:resource[@adlcp:scormType='sco']/@href", namespaces=NS)
    assert set(hrefs) == {"index.html"}
    deps = root.xpath(
        "//cp:resource[@adlcp:scormType='sco']/cp:dependency/@identifierref", namespaces=NS
    )
    assert set(deps) == {"files-healthcare-customer-service"}


def test_modules_in_order_disable_a_module_until_the_previous_one_is_satisfied(
    tmp_path: Path,
) -> None:
    course = packaged(load_course(FLAGSHIP), launch_per_module=True, modules_in_order=True)
    root = manifest_of(build(course, "scorm2004", tmp_path, base_dir=FLAGSHIP.parent))
    items = root.xpath("//cp:organization/cp:item", namespaces=NS)
    first_rules = items[0].xpath("imsss:sequencing/imsss:sequencingRules", namespaces=NS)
    assert first_rules == []
    for previous, item in zip(course.modules, items[1:], strict=False):
        rule = item.xpath(
            "imsss:sequencing/imsss:sequencingRules/imsss:preConditionRule", namespaces=NS
        )[0]
        conditions = [
            (c.get("referencedObjective"), c.get("operator"), c.get("condition"))
            for c in rule.xpath("imsss:ruleConditions/imsss:ruleCondition", namespaces=NS)
        ]
        assert conditions == [
            (previous.id, "not", "objectiveStatusKnown"),
            (previous.id, "not", "satisfied"),
        ]
        assert rule.xpath("string(imsss:ruleAction/@action)", namespaces=NS) == "disabled"
        read = item.xpath(
            f"imsss:sequencing/imsss:objectives/imsss:objective[@objectiveID='{previous.id}']/imsss:mapInfo/@targetObjectiveID",
            namespaces=NS,
        )
        written = root.xpath(
            f"//cp:item[@identifier='item-{previous.id}']//imsss:mapInfo[@writeSatisfiedStatus='true']/@targetObjectiveID",
            namespaces=NS,
        )
        assert len(read) == 1 and read == written
    # The last module is read by none, so it shares nothing.
    assert items[-1].xpath(".//imsss:mapInfo[@writeSatisfiedStatus='true']", namespaces=NS) == []


def test_an_assessment_alone_decides_the_courses_completion_and_success(tmp_path: Path) -> None:
    course = packaged(load_course(FLAGSHIP), launch_per_module=True, assessment="privacy-security")
    root = manifest_of(build(course, "scorm2004", tmp_path, base_dir=FLAGSHIP.parent))
    org_rules = root.xpath(
        "//cp:organization/imsss:sequencing/imsss:rollupRules/imsss:rollupRule", namespaces=NS
    )
    assert [
        (
            r.xpath("string(.//imsss:rollupCondition/@operator)", namespaces=NS),
            r.xpath("string(.//imsss:rollupCondition/@condition)", namespaces=NS),
            r.xpath("string(imsss:rollupAction/@action)", namespaces=NS),
        )
        for r in org_rules
    ] == [
        ("noOp", "satisfied", "completed"),
        ("noOp", "satisfied", "satisfied"),
        ("not", "satisfied", "incomplete"),
        ("not", "satisfied", "notSatisfied"),
    ]
    for item in root.xpath("//cp:organization/cp:item", namespaces=NS):
        rollup = item.xpath("imsss:sequencing/imsss:rollupRules", namespaces=NS)
        if item.get("identifier") == "item-privacy-security":
            assert rollup == []
        else:
            assert [
                (r.get("rollupObjectiveSatisfied"), r.get("rollupProgressCompletion"))
                for r in rollup
            ] == [("false", "false")]


def test_scorm12_one_launch_per_module_orders_modules_with_prerequisites(
    tmp_path: Path, shared_dir: Path
) -> None:
    course = packaged(load_course(FLAGSHIP), launch_per_module=True, modules_in_order=True)
    documents = shared_dir / "schemas" / "scorm12"
    zip_path = build(
        course, "scorm12", tmp_path, base_dir=FLAGSHIP.parent, control_documents=documents
    )
    result = validate(shared_dir, zip_path)
    assert result.returncode == 0 and findings(result.stdout) == [], result.stdout
    root = manifest_of(zip_path)
    items = root.xpath("//cp12:organization/cp12:item", namespaces=NS)
    assert [i.get("parameters") for i in items] == [f"?module={m.id}" for m in course.modules]
    prerequisites = [i.xpath("string(adlcp12:prerequisites)", namespaces=NS) for i in items]
    assert prerequisites == ["", *[f"item-{m.id}" for m in course.modules[:-1]]]
    # Only modules whose launch reports a 0-100 score name a mastery score.
    mastery = {
        i.get("identifier"): i.xpath("string(adlcp12:masteryscore)", namespaces=NS) for i in items
    }
    assert mastery["item-touchpoints"] == "80"
    assert mastery["item-roleplay"] == "80"  # its scored role-play reports a score too


@pytest.mark.parametrize("per_module", [False, True], ids=["per-course", "per-module"])
@pytest.mark.parametrize("target", list(EDITIONS))
def test_building_twice_gives_byte_identical_zips(
    target: str, per_module: bool, tmp_path: Path
) -> None:
    first = build(FLAGSHIP, target, tmp_path / "one", launch_per_module=per_module).read_bytes()
    second = build(FLAGSHIP, target, tmp_path / "two", launch_per_module=per_module).read_bytes()
    assert first == second


def test_the_cli_flag_packages_one_launch_per_module_for_scorm2004(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scormkit", "build", str(MINIMAL), "-t", "scorm2004",
         "--launch-per-module", "-o", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    root = manifest_of(tmp_path / "minimal-scorm2004.zip")
    assert root.xpath("//cp:item/@parameters", namespaces=NS) == ["?module=basics"]
