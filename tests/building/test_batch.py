"""Batch builds: specs x targets x LMSs in a process pool, failures kept apart, a true report."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree
from paths import REPO_ROOT

from scormkit import load_course
from scormkit.check import check_package
from scormkit.plan.resume import worst_state_size
from scormkit.targets import TARGETS
from scormkit.xapi_activities import course_activities

ROOT = REPO_ROOT
MINIMAL = ROOT / "course_specs" / "minimal.yaml"
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scormkit", *args], capture_output=True, text=True, check=False
    )


def launchable(zip_path: Path) -> int:
    """SCO items of imsmanifest.xml or AUs of cmi5.xml, counted here from the zip itself."""
    with zipfile.ZipFile(zip_path) as zf:
        if "cmi5.xml" in zf.namelist():
            root = etree.fromstring(zf.read("cmi5.xml"))
            return len(root.xpath("//*[local-name()='au']"))
        root = etree.fromstring(zf.read("imsmanifest.xml"))
        return len(root.xpath("//*[local-name()='item'][@identifierref]"))


def test_two_specs_and_two_targets_on_two_workers_give_four_zips_and_a_true_report(
    tmp_path: Path,
) -> None:
    out, report_path = tmp_path / "out", tmp_path / "r.json"
    result = run("build", str(MINIMAL), str(FLAGSHIP), "-t", "scorm12", "-t", "cmi5",
                 "--jobs", "2", "--report", str(report_path), "-o", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    names = ["healthcare-customer-service-cmi5.zip", "healthcare-customer-service-scorm12.zip",
             "minimal-cmi5.zip", "minimal-scorm12.zip"]  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == names
    report = json.loads(report_path.read_text())
    packages = report["packages"]
    assert [(Path(p["spec"]).name, p["target"], p["lms"]) for p in packages] == [
        ("minimal.yaml", "scorm12", "generic"), ("minimal.yaml", "cmi5", "generic"),
        ("healthcare-customer-service.yaml", "scorm12", "generic"),
        ("healthcare-customer-service.yaml", "cmi5", "generic"),
    ]  # fmt: skip
    for package in packages:
        zip_path = Path(package["zip"])
        course = load_course(Path(package["spec"]))
        with zipfile.ZipFile(zip_path) as zf:
            files = len(zf.namelist())
        assert package["ok"] and package["errors"] == []
        assert package["size"] == zip_path.stat().st_size
        assert package["files"] == files
        assert package["activities"] == launchable(zip_path) >= 1
        assert package["resume_state"] == worst_state_size(course)
        assert package["state_budget"] == TARGETS[package["target"]].state_budget
        interactions = [
            a for a in course_activities(course) if "interactionType" in a["definition"]
        ]
        assert package["interactions"] == len(interactions)
        assert package["findings"] == [str(f) for f in check_package(zip_path).sorted_findings()]
        assert package["seconds"] > 0
        assert f"built {zip_path} (" in result.stdout
    assert report["built"] == 4 and report["failed"] == 0
    assert report["summary"][-1] == "4 built, 0 failed"
    flagship = packages[2]
    assert flagship["interactions"] > 0 and flagship["resume_state"] < flagship["state_budget"]


def test_a_failing_spec_does_not_stop_the_others_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\nmodules: []\n")
    out, report_path = tmp_path / "out", tmp_path / "r.json"
    result = run("build", str(bad), str(MINIMAL), "-t", "scorm12", "-t", "xapi", "--jobs", "2",
                 "--report", str(report_path), "-o", str(out))  # fmt: skip
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["minimal-scorm12.zip", "minimal-xapi.zip"]
    assert f"{bad}:3:10: modules: must not be empty: give at least 1 item\n" in result.stderr
    assert result.stderr.endswith("2 of 4 package(s) failed\n")
    report = json.loads(report_path.read_text())
    failed = [p for p in report["packages"] if not p["ok"]]
    assert [(p["target"], p["errors"][-1]) for p in failed] == [
        ("scorm12", "1 problem"), ("xapi", "1 problem"),
    ]  # fmt: skip
    assert report["summary"][-1] == "2 built, 2 failed"
    assert report["summary"][0].startswith(f"FAILED  {bad}: scorm12 for generic: ")


def test_several_lmss_each_get_a_folder_and_their_own_shaping(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", str(FLAGSHIP), "-t", "scorm2004", "--launch-per-module",
                 "--lms", "generic", "--lms", "moodle", "-o", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    zip_name = "healthcare-customer-service-scorm2004.zip"
    assert launchable(out / "generic" / zip_name) == 6
    assert launchable(out / "moodle" / zip_name) == 1
