"""`scormkit check` on our own packages, on broken and hostile ones, and its output formats."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from paths import REPO_ROOT

from scormkit import check_package
from scormkit.build import build
from scormkit.check import Limits
from scormkit.targets import TARGETS

from .corpus import CASES, SCO_PAGE, UNREADABLE, Case, manifest_12, manifest_2004

COURSE_SPECS = REPO_ROOT / "course_specs"
SPECS = sorted(COURSE_SPECS.glob("*.yaml"))


def standard_of(target: str) -> str:
    """The standard `check` should detect in a package of `target` ("scorm2004_3rd"...)."""
    return next(s for s in ("scorm12", "scorm2004", "xapi", "cmi5") if target.startswith(s))


def run_check(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scormkit", "check", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_our_own_packages_check_clean(spec: Path, target: str, tmp_path: Path) -> None:
    report = check_package(build(spec, target, tmp_path))
    assert [str(f) for f in report.sorted_findings()] == []
    assert (report.standard, report.schemas_checked) == (standard_of(target), False)


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_our_own_packages_check_clean_against_the_official_schemas(
    spec: Path, target: str, tmp_path: Path, shared_dir: Path
) -> None:
    zip_path = build(spec, target, tmp_path)
    report = check_package(zip_path, shared_dir / "schemas")
    assert [str(f) for f in report.sorted_findings()] == []
    assert report.schemas_checked
    assert report.standard == standard_of(target)


# tincan.xml has one launch for the whole course: xapi builds no package of one per module.
@pytest.mark.parametrize("target", sorted(t for t in TARGETS if t != "xapi"))
def test_our_packages_of_one_launch_per_module_check_clean(
    target: str, tmp_path: Path, shared_dir: Path
) -> None:
    zip_path = build(
        COURSE_SPECS / "healthcare-customer-service.yaml", target, tmp_path, launch_per_module=True
    )
    with zipfile.ZipFile(zip_path) as zf:
        manifest = zf.read("cmi5.xml" if target == "cmi5" else "imsmanifest.xml").decode()
    # Several launches (SCOs or AUs), so the rules about several apply.
    assert manifest.count("<au " if target == "cmi5" else 'identifierref="') > 1
    for schemas in (None, shared_dir / "schemas"):
        report = check_package(zip_path, schemas)
        assert [str(f) for f in report.sorted_findings()] == []
        assert report.standard == standard_of(target)


def test_a_package_shipping_its_control_documents_is_validated_with_them(
    tmp_path: Path, shared_dir: Path
) -> None:
    documents = shared_dir / "schemas" / "scorm12"
    zip_path = build(
        COURSE_SPECS / "minimal.yaml", "scorm12", tmp_path, control_documents=documents
    )
    report = check_package(zip_path)
    assert report.schemas_checked
    assert report.sorted_findings() == []
    assert (report.standard, report.edition, report.label) == ("scorm12", "1.2", "SCORM 1.2")


def test_an_invalid_manifest_gets_xsd_errors_at_its_lines(tmp_path: Path, shared_dir: Path) -> None:
    manifest = manifest_12().replace('adlcp:scormtype="sco"', 'adlcp:scormtype="sco" size="1"')
    zip_path = Case({"imsmanifest.xml": manifest, "index.html": SCO_PAGE}, "").write(
        tmp_path / "x.zip"
    )
    report = check_package(zip_path, shared_dir / "schemas")
    assert [str(f) for f in report.sorted_findings()] == [
        "imsmanifest.xml:12: error: XSD: Element 'resource', attribute 'size': "
        "The attribute 'size' is not allowed."
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_broken_or_hostile_package_gives_exactly_its_findings(name: str, tmp_path: Path) -> None:
    zip_path = CASES[name].write(tmp_path / f"{name}.zip")
    report = check_package(zip_path)
    assert "".join(f"{f}\n" for f in report.sorted_findings()) == CASES[name].expected
    assert report.exit_status == (2 if name in UNREADABLE else 1)


def test_a_zip_unpacking_past_the_total_size_limit_is_refused(tmp_path: Path) -> None:
    zip_path = Case({"a.txt": "x" * 600, "b.txt": "y" * 600}, "").write(tmp_path / "big.zip")
    report = check_package(zip_path, limits=Limits(total_size=1000))
    assert [str(f) for f in report.findings] == [
        "big.zip: error: refused: members unpack to more than 1000 bytes (zip bomb?)"
    ]


def test_the_cli_prints_findings_and_a_summary_and_exits_1_on_errors(tmp_path: Path) -> None:
    zip_path = CASES["default-organization"].write(tmp_path / "org.zip")
    result = run_check(zip_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "imsmanifest.xml:5: error: default organization 'other' does not exist",
        "org.zip: SCORM 1.2, 2 files, 795 B; largest: imsmanifest.xml (652 B), index.html (143 B)",
    ]


def test_the_cli_exits_0_on_a_clean_package_and_2_on_an_unreadable_one(tmp_path: Path) -> None:
    clean = run_check(build(COURSE_SPECS / "minimal.yaml", "scorm12", tmp_path))
    assert (clean.returncode, clean.stdout.count("\n")) == (0, 1)
    (tmp_path / "junk.zip").write_text("not a zip")
    junk = run_check(tmp_path / "junk.zip")
    assert junk.returncode == 2
    assert junk.stdout == "junk.zip: error: not a readable zip file (File is not a zip file)\n"


def test_the_cli_reports_json_for_ci(tmp_path: Path) -> None:
    zip_path = CASES["tincan"].write(tmp_path / "t.zip")
    result = run_check(zip_path, "--json")
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert (data["standard"], data["exit_status"], data["files"]) == ("xapi", 1, 2)
    assert data["findings"][0] == {
        "file": "tincan.xml",
        "line": 4,
        "severity": "error",
        "message": "activity id 'http://' has no host",
    }


@pytest.mark.parametrize(
    ("version", "edition"),
    [("2004 4th Edition", "4th"), ("2004 3rd Edition", "3rd"), ("CAM 1.3", "2nd")],
)
def test_the_scorm_2004_edition_is_read_from_schemaversion(
    version: str, edition: str, tmp_path: Path
) -> None:
    manifest = manifest_2004(version)
    zip_path = tmp_path / "p.zip"
    with zipfile.ZipFile(zip_path, "w") as zf:
        zf.writestr("imsmanifest.xml", manifest)
        zf.writestr("index.html", "<script>window.API_1484_11</script>")
    report = check_package(zip_path)
    assert (report.standard, report.edition) == ("scorm2004", edition)
    assert [str(f) for f in report.sorted_findings()] == [
        "imsmanifest.xml:8: warning: item 'i1' launches a SCO without deliveryControls "
        "completionSetByContent and objectiveSetByContent 'true'; sequencing LMSs mark it "
        "completed and satisfied as soon as it opens"
    ]


def test_a_2004_manifest_naming_no_edition_is_reported_as_edition_unknown(tmp_path: Path) -> None:
    report = check_package(CASES["lengths-2004"].write(tmp_path / "p.zip"))
    assert (report.standard, report.edition, report.label) == (
        "scorm2004",
        "",
        "SCORM 2004 (edition unknown)",
    )


def test_pages_past_the_scan_budget_are_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("scormkit.check.package.SCAN_BUDGET", len(SCO_PAGE) + 10)
    case = Case({"a.html": SCO_PAGE, "b.html": '<script src="https://cdn.example.com/x.js">'}, "")
    report = check_package(case.write(tmp_path / "p.zip"))
    assert "b.html: warning: not scanned: pages and scripts past 153 bytes in all" in [
        str(f) for f in report.findings
    ]
    assert not any("cdn.example.com" in f.message for f in report.findings)


def test_a_missing_schema_folder_is_reported_with_exit_status_2(tmp_path: Path) -> None:
    zip_path = CASES["default-organization"].write(tmp_path / "p.zip")
    result = run_check(zip_path, "--schemas", tmp_path / "nowhere")
    assert (result.returncode, result.stdout) == (
        2,
        f"{tmp_path / 'nowhere'}: error: no such folder of XSD files\n",
    )
