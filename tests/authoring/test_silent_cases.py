"""What used to pass silently: rules the package cannot keep, and likely mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scormkit.build import build
from scormkit.cli import main
from scormkit.errors import BuildError

SPEC = """\
id: phishing
title: Phishing
{extra}modules:
  - id: spot
    title: Spot it
    pages:
      - id: quiz-page
        title: Quiz
        activity:
          type: quiz
          id: check
          questions:
            - id: q-report
              type: true_false
              prompt: "**Report phish** when a mail asks for a password & runs `<script>`."
              answer: true
              true_feedback: Correct.
"""


def write(tmp_path: Path, extra: str = "") -> Path:
    spec = tmp_path / "course.yaml"
    spec.write_text(SPEC.format(extra=extra))
    return spec


def test_modules_in_order_for_a_course_of_one_launch_is_refused(tmp_path: Path) -> None:
    spec = write(tmp_path, "packaging:\n  modules_in_order: true\n")
    result = CliRunner().invoke(main, ["validate", str(spec)])
    assert result.exit_code == 1
    assert f"{spec}:4:21: packaging.modules_in_order: opening modules in order needs one " in (
        result.output
    )
    with pytest.raises(BuildError, match="need one launch per module"):
        build(spec, "scorm2004", tmp_path)
    assert build(spec, "scorm2004", tmp_path, launch_per_module=True).is_file()


def test_a_missing_iri_and_feedback_that_repeats_the_verdict_are_warnings(tmp_path: Path) -> None:
    spec = write(tmp_path)
    result = CliRunner().invoke(main, ["validate", str(spec), "-t", "xapi"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{spec}:1:5: id: warning: no `iri`: xAPI and cmi5 activity ids are made under "
        "https://example.com/courses, a domain you do not own; set `iri`",
        f"{spec}:17:30: modules[0].pages[0].activity.questions[0].true_feedback: warning: "
        "'Correct.' repeats the verdict the player already shows; say why, or leave it out",
        f"{spec}: ok (1 modules, 1 pages)",
    ]
    result = CliRunner().invoke(main, ["validate", str(spec), "-t", "scorm12"])
    assert "no `iri`" not in result.output


def test_activities_are_named_by_their_text_in_plain_words(tmp_path: Path) -> None:
    spec = write(tmp_path, "iri: https://courses.example.org\n")
    result = CliRunner().invoke(main, ["statements", str(spec)])
    question = next(a for a in json.loads(result.output) if a["id"].endswith("/q-report"))
    words = "Report phish when a mail asks for a password & runs <script>."
    assert question["definition"]["name"] == {"en": words}
    assert question["definition"]["description"] == {"en": words}
