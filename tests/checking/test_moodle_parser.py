"""Moodle's own SCORM manifest parser on our packages (docs/lms.md, "Moodle").

Runs scorm_parse_scorm() from a Moodle checkout's mod/scorm/datamodels/scormlib.php through
tests/moodle/parse_manifest.php. Needs `php` (with the xml extension) and SCORMKIT_MOODLE_DIR
pointing at the Moodle checkout; skips with the reason otherwise. Moodle's code is never part
of this repository.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from paths import REPO_ROOT, TESTS
from third_party import OBJECTIVE_MAP_MANIFEST

from scormkit import build, load_course
from scormkit.batch import Job, run_job

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
HARNESS = TESTS / "moodle" / "parse_manifest.php"
MOODLE_DIR = os.environ.get("SCORMKIT_MOODLE_DIR", "")
SCORMLIB = Path(MOODLE_DIR) / "mod" / "scorm" / "datamodels" / "scormlib.php"
MAP_CRASH = 'Attempt to assign property "mapinfos" on null'

pytestmark = [
    pytest.mark.skipif(shutil.which("php") is None, reason="needs PHP CLI: apt install php-cli"),
    pytest.mark.skipif(
        not MOODLE_DIR or not SCORMLIB.is_file(),
        reason="set SCORMKIT_MOODLE_DIR to a Moodle checkout (mod/scorm/datamodels/scormlib.php)",
    ),
]


def parse(manifest: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["php", str(HARNESS), MOODLE_DIR, str(manifest)],
        capture_output=True,
        text=True,
        check=False,
    )


def parse_package(zip_path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    manifest = tmp_path / "imsmanifest.xml"
    with zipfile.ZipFile(zip_path) as zf:
        manifest.write_bytes(zf.read("imsmanifest.xml"))
    return parse(manifest)


def test_a_manifest_with_an_objective_map_aborts_moodles_upload(tmp_path: Path) -> None:
    manifest = tmp_path / "imsmanifest.xml"
    manifest.write_text(OBJECTIVE_MAP_MANIFEST, encoding="utf-8")
    result = parse(manifest)
    assert result.returncode == 255
    assert f"PHP Fatal error:  Uncaught Error: {MAP_CRASH}" in result.stderr + result.stdout


@pytest.mark.parametrize("target", ["scorm2004", "scorm2004-3rd"])
def test_the_flagship_with_one_launch_per_module_passes_moodles_parser(
    target: str, tmp_path: Path
) -> None:
    zip_path = build(FLAGSHIP, target, tmp_path, launch_per_module=True)
    result = parse_package(zip_path, tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["version"] == "SCORM_1.3"
    modules = load_course(FLAGSHIP).modules
    assert [s["title"] for s in summary["scos"]] == [m.title for m in modules]
    assert "scorm_seq_mapinfo" not in summary["rows"]


@pytest.mark.parametrize("target", ["scorm12", "scorm2004"])
def test_one_sco_packages_pass_moodles_parser(target: str, tmp_path: Path) -> None:
    result = parse_package(build(FLAGSHIP, target, tmp_path), tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["version"] == ("SCORM_1.2" if target == "scorm12" else "SCORM_1.3")
    assert len(summary["scos"]) == 1


@pytest.mark.parametrize("target", ["scorm12", "scorm2004", "scorm2004-3rd"])
@pytest.mark.parametrize("in_order", [False, True], ids=["any-order", "in-order"])
def test_every_per_module_build_for_moodle_passes_moodles_parser(
    target: str, in_order: bool, tmp_path: Path
) -> None:
    course = load_course(FLAGSHIP)
    packaging = course.packaging.model_copy(
        update={"launch_per_module": True, "modules_in_order": in_order}
    )
    spec = tmp_path / "spec.yaml"
    text = FLAGSHIP.read_text(encoding="utf-8")
    assert "\npackaging:" not in text
    spec.write_text(
        text
        + f"packaging:\n  launch_per_module: true\n  modules_in_order: {str(in_order).lower()}\n",
        encoding="utf-8",
    )
    assert load_course(spec).packaging == packaging
    for asset in FLAGSHIP.parent.iterdir():
        if asset.is_dir():
            (tmp_path / asset.name).symlink_to(asset)
    report = run_job(Job(spec, target, "moodle", tmp_path / "dist"))
    assert report.ok, report.errors
    result = parse_package(Path(report.zip), tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert len(summary["scos"]) == (6 if target == "scorm12" else 1)
    if target == "scorm12" and in_order:
        # Moodle keeps each SCO's prerequisite: the module before it.
        assert summary["data"]["prerequisites"] == [f"item-{m.id}" for m in course.modules[:-1]]
