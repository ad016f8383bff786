"""Specs and commands written with a field's or flag's old name keep working, and say so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import spec_path

MINIMAL = spec_path("minimal.yaml")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scormkit", *args], capture_output=True, text=True, check=False
    )


def with_packaging(tmp_path: Path, name: str, packaging: str) -> Path:
    """The minimal spec, with a `packaging` section, written to `tmp_path/name`."""
    spec = tmp_path / name
    spec.write_text(MINIMAL.read_text() + f"packaging:\n{packaging}")
    return spec


def test_sco_per_module_builds_as_launch_per_module_and_validate_says_what_to_write(
    tmp_path: Path,
) -> None:
    old = with_packaging(tmp_path, "old.yaml", "  sco_per_module: true\n")
    new = with_packaging(tmp_path, "new.yaml", "  launch_per_module: true\n")
    line = len(MINIMAL.read_text().splitlines()) + 2
    result = run("validate", str(old), "-t", "scorm12")
    assert result.returncode == 0, result.stderr
    others = run("validate", str(new), "-t", "scorm12").stderr.replace(str(new), str(old))
    assert result.stderr.splitlines() == [
        f"{old}:{line}:3: packaging.sco_per_module: warning: `sco_per_module` is the old name "
        "of this field; write `launch_per_module: true` instead",
        *others.splitlines(),
    ]
    for spec, out in ((old, tmp_path / "old"), (new, tmp_path / "new")):
        built = run("build", str(spec), "-t", "scorm2004", "-o", str(out))
        assert built.returncode == 0, built.stderr
    old_zip = (tmp_path / "old" / "minimal-scorm2004.zip").read_bytes()
    assert old_zip == (tmp_path / "new" / "minimal-scorm2004.zip").read_bytes()


def test_a_spec_giving_both_names_is_refused_at_its_packaging(tmp_path: Path) -> None:
    spec = with_packaging(
        tmp_path, "both.yaml", "  sco_per_module: true\n  launch_per_module: false\n"
    )
    line = len(MINIMAL.read_text().splitlines()) + 2
    result = run("validate", str(spec))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{spec}:{line}:3: packaging: give `launch_per_module` only; `sco_per_module` is its "
        "old name",
        "1 problem",
    ]


def test_the_old_build_flags_still_choose_the_launches(tmp_path: Path) -> None:
    made = {}
    for flag in ("--sco-per-module", "--launch-per-module", "--one-sco", "--launch-per-course"):
        out = tmp_path / flag
        result = run("build", str(MINIMAL), "-t", "scorm2004", flag, "-o", str(out))
        assert result.returncode == 0, result.stderr
        made[flag] = (out / "minimal-scorm2004.zip").read_bytes()
    assert made["--sco-per-module"] == made["--launch-per-module"]
    assert made["--one-sco"] == made["--launch-per-course"]
    assert made["--launch-per-module"] != made["--launch-per-course"]
    assert "--sco-per-module" not in run("build", "--help").stdout


def test_the_json_schema_accepts_the_old_name_marked_deprecated() -> None:
    from scormkit import course_schema

    packaging = course_schema()["$defs"]["Packaging"]["properties"]
    assert packaging["sco_per_module"]["deprecated"] is True
    assert packaging["sco_per_module"]["type"] == "boolean"
    assert "deprecated" not in packaging["launch_per_module"]
