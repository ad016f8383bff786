"""The README's set-up commands and the guide's spec example stay true."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from paths import REPO_ROOT

from scormkit import build
from scormkit.spec.load import course_from_data
from scormkit.spec.source import parse_text

ROOT = REPO_ROOT
README = (ROOT / "README.md").read_text()
GUIDE = (ROOT / "docs" / "guide.md").read_text()


def test_the_guide_spec_example_is_a_valid_course_model() -> None:
    block = re.search(r"## The spec, by example\n\n```yaml\n(.*?)```", GUIDE, re.S)
    assert block, "docs/guide.md lost its spec example"
    data, source = parse_text(block.group(1), "guide.md")
    course = course_from_data(data, source)
    assert course.id == "fire-safety"


def test_the_readme_names_the_test_command_that_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 -m pytest" in README
    assert "python3 -m pytest" in ci


def test_the_guide_error_example_prints_what_the_guide_says(tmp_path: Path) -> None:
    section = GUIDE.split("## When a spec is wrong\n", 1)[1]
    spec = re.search(r"```yaml\n(.*?)```", section, re.S)
    printed = re.search(r"```text\n(.*?)```", section, re.S)
    assert spec and printed, "docs/guide.md lost its error example"
    (tmp_path / "bad.yaml").write_text(spec.group(1))
    result = subprocess.run(
        [sys.executable, "-m", "scormkit", "build", "bad.yaml", "-o", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == printed.group(1)
    assert not (tmp_path / "out").exists()


def _tour() -> tuple[str, str]:
    tour = README.split("## A five-minute tour\n", 1)[1]
    spec = re.search(r"```yaml\n(.*?)```", tour, re.S)
    printed = re.search(r"```text\n(.*?)```", tour, re.S)
    assert spec and printed, "the README's tour lost its spec or its error"
    return spec.group(1), printed.group(1)


def test_the_readme_tour_course_builds_as_the_tour_says(tmp_path: Path) -> None:
    spec, _ = _tour()
    (tmp_path / "course.yaml").write_text(spec)
    built = build(tmp_path / "course.yaml", target="scorm2004", out_dir=tmp_path / "dist")
    assert built.name == "fire-safety-scorm2004.zip"


def test_the_readme_tour_error_is_what_the_typo_prints(tmp_path: Path) -> None:
    spec, printed = _tour()
    typo = spec.replace("    title: When the alarm sounds", "    titel: When the alarm sounds")
    assert typo != spec
    (tmp_path / "course.yaml").write_text(typo)
    result = subprocess.run(
        [sys.executable, "-m", "scormkit", "build", "course.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(printed)
