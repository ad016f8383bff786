"""The README's examples stay true."""

from __future__ import annotations

import re
from pathlib import Path

from scormkit.spec.load import course_from_data
from scormkit.spec.source import parse_text

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_the_readme_spec_example_is_a_valid_course_model() -> None:
    block = re.search(r"## The spec, by example\n\n```yaml\n(.*?)```", README, re.S)
    assert block, "the README lost its spec example"
    data, source = parse_text(block.group(1), "README.md")
    course = course_from_data(data, source)
    assert course.id == "fire-safety"


def test_the_readme_names_the_test_command_that_ci_runs() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "python3 -m pytest" in README
    assert "python3 -m pytest" in ci
