"""One-SCO-per-module SCORM 2004 packages sequenced by a real engine (scorm-again's).

The test LMS reads the manifest's sequencing into scorm-again and plays each SCO the engine
delivers: modules in order, the assessment deciding the course, navigation from the player.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import TESTS

from scormkit import build, load_course
from scormkit.spec import Course
from scormkit.testing.learner import Learner, questions_of

if TYPE_CHECKING:
    from scormkit.testing.lms_session import LmsSession

SPEC = (TESTS / "playing") / "specs" / "three-modules.yaml"


def module_course(course: Course, module_id: str) -> Course:
    return course.model_copy(update={"modules": [m for m in course.modules if m.id == module_id]})


def leave_by(lms: LmsSession, button: str) -> None:
    """Press the player's Next, Previous or Finish and wait for the SCO to terminate."""
    frame = lms.page.frame(name="course")
    assert frame is not None
    frame.locator(button).click()
    lms.wait_for_finish()


@pytest.mark.parametrize("target", ["scorm2004", "scorm2004-3rd"])
def test_modules_open_in_order_and_the_assessment_decides_the_course(
    target: str, lms: LmsSession, tmp_path: Path
) -> None:
    course = load_course(SPEC)
    ordered = course.packaging.model_copy(
        update={"launch_per_module": True, "modules_in_order": True, "assessment": "check"}
    )
    zip_path = build(
        course.model_copy(update={"packaging": ordered}), target, tmp_path, base_dir=SPEC.parent
    )
    wrong = frozenset(q.id for q in questions_of(course))

    # The reading, done: the engine delivers the check.
    frame = lms.launch(zip_path, sequencing=True)
    reader = Learner(frame, module_course(course, "reading"))
    reader.expect_on("greeting")  # the player has started: Initialize has delivered the SCO
    assert lms.sequencing_state()["current"]["id"] == "item-reading"  # type: ignore[index]
    reader.work_through()
    leave_by(lms, "#sk-next")
    assert lms.sequencing_state()["current"]["id"] == "item-check"  # type: ignore[index]

    # The check, failed: the closing module stays disabled and the course is not complete.
    frame = lms.launch_delivered()
    Learner(frame, module_course(course, "check")).work_through(wrong=wrong)
    leave_by(lms, "#sk-next")
    state = lms.sequencing_state()
    assert state["current"]["id"] == "item-check"  # type: ignore[index]
    root = state["root"]
    assert (root["completion"], root["success"]) == ("incomplete", "failed")  # type: ignore[index]

    # The check, passed on a new attempt the learner picks from the LMS menu: the course
    # completes and passes, and the closing opens.
    assert lms.choose("item-check")
    frame = lms.launch_delivered()
    Learner(frame, module_course(course, "check")).work_through()
    leave_by(lms, "#sk-next")
    state = lms.sequencing_state()
    assert state["current"]["id"] == "item-closing"  # type: ignore[index]
    assert (state["root"]["completion"], state["root"]["success"]) == (  # type: ignore[index]
        "completed",
        "passed",
    )

    # Previous from the closing module goes back to the check.
    frame = lms.launch_delivered()
    Learner(frame, module_course(course, "closing")).expect_on("goodbye")  # the player is ready
    leave_by(lms, "#sk-prev")
    assert lms.sequencing_state()["current"]["id"] == "item-check"  # type: ignore[index]
    assert lms.problems() == []


def test_every_module_done_in_turn_completes_the_course_and_scored_modules_pass_it(
    lms: LmsSession, tmp_path: Path
) -> None:
    course = load_course(SPEC)
    zip_path = build(SPEC, "scorm2004", tmp_path, launch_per_module=True)

    frame = lms.launch(zip_path, sequencing=True)
    for module in ("reading", "check", "closing"):
        learner = Learner(frame, module_course(course, module))
        learner.work_through()
        state = lms.sequencing_state()
        assert state["current"]["id"] == f"item-{module}"  # type: ignore[index]
        assert state["root"]["completion"] != "completed"  # type: ignore[index]
        if module != "closing":
            leave_by(lms, "#sk-next")
            frame = lms.launch_delivered()
    # Only the check is scored, so its pass is the course's; every module counts to complete.
    leave_by(lms, "#sk-finish")
    root = lms.sequencing_state()["root"]
    assert (root["completion"], root["success"]) == ("completed", "passed")  # type: ignore[index]
    assert lms.problems() == []
