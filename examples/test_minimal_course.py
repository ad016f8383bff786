"""A course author's learner-path tests: pin what the course reports to the LMS.

Copy this file beside your own spec and change SPEC and the steps. Run it with
`python -m pytest examples/test_minimal_course.py`; it needs playwright
(pip install 'scormkit[testing]') and Chromium (/usr/bin/chromium, or set SCORMKIT_CHROMIUM).
The LMS side is scormkit's own; set SCORMKIT_SCORM_AGAIN to scorm-again's dist/ folder to
play against scorm-again instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip(
    "playwright.sync_api", reason="needs playwright: pip install 'scormkit[testing]'"
)

from scormkit.testing import CoursePlayer

SPEC = Path(__file__).resolve().parents[1] / "course_specs" / "minimal.yaml"


@pytest.fixture(scope="module")
def player() -> Iterator[CoursePlayer]:
    with CoursePlayer() as course_player:
        yield course_player


def test_a_learner_who_answers_both_questions_right_passes(player: CoursePlayer) -> None:
    run = player.launch(SPEC)
    run.open(2)  # the quiz page
    run.answer("q-identifiers", "b")  # "Two"
    run.answer("q-verify-first", "t")
    run.finish()

    model = run.data_model()
    assert model["cmi.core.lesson_status"] == "passed"
    assert model["cmi.core.score.raw"] == "100"
    assert run.problems() == []


def test_a_learner_who_leaves_midway_resumes_where_they_left(player: CoursePlayer) -> None:
    run = player.launch(SPEC)
    run.open(2)
    run.answer("q-identifiers", "a")  # "One": wrong
    saved = run.close()
    assert saved["cmi.core.entry"] == "resume"

    run = player.launch(SPEC, saved=saved)  # relaunch: "Continue where you left off?"
    run.continue_where_left_off()
    reads = [call.args[0] for call in run.calls() if call.name == "LMSGetValue"]
    assert "cmi.suspend_data" in reads
    assert run.data_model()["cmi.core.lesson_status"] == "incomplete"
