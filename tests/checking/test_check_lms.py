"""`scormkit check --lms`: what one LMS will do wrong, next to the standard findings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from paths import REPO_ROOT
from third_party import OBJECTIVE_MAP_MANIFEST, write_package

from scormkit import build

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
MAP_LINE = next(
    n for n, line in enumerate(OBJECTIVE_MAP_MANIFEST.splitlines(), 1) if "<imsss:mapInfo" in line
)


def check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scormkit", "check", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_moodle_flags_a_third_party_manifest_with_objective_maps(tmp_path: Path) -> None:
    package = write_package(tmp_path / "acme.zip")
    plain = check(str(package))
    assert "mapInfo" not in plain.stdout
    result = check(str(package), "--lms", "moodle")
    assert result.returncode == 1, result.stdout
    assert (
        f"imsmanifest.xml:{MAP_LINE}: error: Moodle (mod_scorm): any <imsss:mapInfo> in an "
        "objective aborts the upload:"
    ) in result.stdout
    assert "source: https://github.com/moodle/moodle/blob/main/mod/scorm/datamodels/" in (
        result.stdout
    )
    # Two SCOs in one SCORM 2004 package: Moodle's sequencing between them is unfinished.
    assert "warning: Moodle (mod_scorm): SCORM 2004 sequencing between several SCOs" in (
        result.stdout
    )
    # An LMS without the defect says nothing more than the standard checks.
    assert check(str(package), "--lms", "scorm-cloud").stdout == plain.stdout


def test_our_per_module_2004_package_warns_of_hidden_continue_but_uploads(tmp_path: Path) -> None:
    package = build(FLAGSHIP, "scorm2004", tmp_path, launch_per_module=True)
    result = check(str(package), "--lms", "moodle")
    assert result.returncode == 0, result.stdout
    lines = [line for line in result.stdout.splitlines() if "Moodle (mod_scorm)" in line]
    assert len(lines) == 2
    assert "warning: Moodle (mod_scorm): a SCO that hides the LMS's Continue" in lines[0]
    assert lines[0].endswith(
        "(6 places); source: https://github.com/moodle/moodle/blob/main/mod/scorm/datamodels/"
        "scormlib.php"
    )


def test_scorm_12_and_one_sco_packages_have_nothing_for_moodle(tmp_path: Path) -> None:
    for target, per_module in (("scorm12", True), ("scorm2004", False)):
        package = build(FLAGSHIP, target, tmp_path / target, launch_per_module=per_module)
        result = check(str(package), "--lms", "moodle")
        assert result.returncode == 0 and "Moodle" not in result.stdout, result.stdout
