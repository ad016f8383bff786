"""The xAPI (tincan.xml) and cmi5 (cmi5.xml) packages: valid, complete, and the same every build."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import spec_path
from lxml import etree
from paths import REPO_ROOT

from scormkit import build, load_course
from scormkit.spec.models import Completion
from scormkit.xapi_activities import course_activities

ROOT = REPO_ROOT
SPECS = sorted((ROOT / "course_specs").glob("*.yaml"))
FLAGSHIP = spec_path("healthcare-customer-service.yaml")
TC = {"tc": "http://projecttincan.com/tincan.xsd"}
CS = {"cs": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}


def manifest(zip_path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(zip_path) as package:
        return etree.fromstring(package.read(name))


@pytest.mark.parametrize("target", ["xapi", "cmi5"])
@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_every_spec_builds_a_valid_package_twice_with_the_same_bytes(
    spec: Path, target: str, tmp_path: Path, shared_dir: Path
) -> None:
    first = build(spec, target=target, out_dir=tmp_path / "a")
    second = build(spec, target=target, out_dir=tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    result = subprocess.run(
        [sys.executable, str(shared_dir / "schemas" / "validate.py"), str(first)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 warning(s)" in result.stdout


def test_tincan_xml_lists_every_activity_and_only_the_course_launches(tmp_path: Path) -> None:
    course = load_course(FLAGSHIP)
    root = manifest(build(FLAGSHIP, target="xapi", out_dir=tmp_path), "tincan.xml")
    ids = root.xpath("//tc:activity/@id", namespaces=TC)
    assert ids == [a["id"] for a in course_activities(course)]
    assert root.xpath("//tc:activity[tc:launch]/@id", namespaces=TC) == [ids[0]]
    assert root.xpath("string(//tc:launch)", namespaces=TC) == "index.html"
    question = root.xpath(
        "//tc:activity[@id=$id]", id=f"{ids[0]}/question/q-tp-result-call", namespaces=TC
    )[0]
    assert question.xpath("string(tc:interactionType)", namespaces=TC) == "choice"
    patterns = question.xpath("tc:correctResponsePatterns/*/text()", namespaces=TC)
    assert patterns == ["b"]
    assert question.xpath("tc:choices/tc:component/tc:id/text()", namespaces=TC) == ["a", "b", "c"]


def test_the_xapi_package_ships_its_tracker_and_the_module_it_shares(tmp_path: Path) -> None:
    with zipfile.ZipFile(build(FLAGSHIP, target="xapi", out_dir=tmp_path)) as package:
        names = set(package.namelist())
    shared = {
        "runtime/track/xapistatements.js",
        "runtime/track/lrs.js",
        "runtime/track/duration.js",
    }
    assert {"runtime/track/xapi.js", *shared} <= names
    assert "runtime/track/scorm12.js" not in names
    assert "runtime/track/cmi5.js" not in names


def test_cmi5_xml_has_one_au_with_move_on_and_mastery_from_the_spec(tmp_path: Path) -> None:
    root = manifest(build(FLAGSHIP, target="cmi5", out_dir=tmp_path), "cmi5.xml")
    course = load_course(FLAGSHIP)
    aus = root.xpath("//cs:au", namespaces=CS)
    assert len(aus) == 1
    assert aus[0].get("moveOn") == "CompletedAndPassed"
    assert course.completion.passing_score is not None
    assert float(aus[0].get("masteryScore")) == course.completion.passing_score / 100
    assert aus[0].xpath("string(cs:url)", namespaces=CS) == "index.html"
    assert root.xpath("string(//cs:course/@id)", namespaces=CS) == (
        "https://scormkit.dev/courses/healthcare-customer-service"
    )


def test_an_unscored_course_moves_on_when_completed_with_no_mastery_score(
    tmp_path: Path,
) -> None:
    course = load_course(spec_path("minimal.yaml"))
    unscored = course.model_copy(update={"completion": Completion(all_pages=True)})
    zip_path = build(unscored, target="cmi5", out_dir=tmp_path, base_dir=ROOT / "course_specs")
    au = manifest(zip_path, "cmi5.xml").xpath("//cs:au", namespaces=CS)[0]
    assert au.get("moveOn") == "Completed"
    assert au.get("masteryScore") is None


def test_one_au_per_module_launches_each_module_with_its_own_move_on(
    tmp_path: Path, shared_dir: Path
) -> None:
    spec = spec_path("three-modules.yaml")
    course = load_course(spec)
    zip_path = build(spec, target="cmi5", out_dir=tmp_path, launch_per_module=True)
    result = subprocess.run(
        [sys.executable, str(shared_dir / "schemas" / "validate.py"), str(zip_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "0 warning(s)" in result.stdout, result.stdout
    root = manifest(zip_path, "cmi5.xml")
    aus = root.xpath("/cs:courseStructure/cs:au", namespaces=CS)
    base = root.xpath("string(cs:course/@id)", namespaces=CS)
    assert [au.get("id") for au in aus] == [f"{base}/au/{m.id}" for m in course.modules]
    urls = [au.xpath("string(cs:url)", namespaces=CS) for au in aus]
    assert urls == [f"index.html?module={m.id}" for m in course.modules]
    assert [(au.get("moveOn"), au.get("masteryScore")) for au in aus] == [
        ("Completed", None),
        ("CompletedAndPassed", "0.50"),
        ("Completed", None),
    ]
