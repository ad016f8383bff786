"""Quizzes drawing from a question bank read from a GIFT file, played against scorm-again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import TESTS

from scormkit.spec import load_course
from scormkit.spec.activities import Quiz
from scormkit.testing.learner import Learner, expected_interaction, pages_of

from .cmi12 import interactions, nonconforming, reported

if TYPE_CHECKING:
    from collections.abc import Callable

    from scormkit.spec.models import Course
    from scormkit.testing import LmsSession

SPEC = TESTS / "questionfiles" / "drawn-from-banks.yaml"


def drawn_questions(learner: Learner, quiz: Quiz) -> list[str]:
    """The ids of the questions the player shows for `quiz`, in the order shown."""
    box = learner.frame.locator(f'[data-quiz="{quiz.id}"] [data-question]:not([hidden])')
    return [str(box.nth(i).get_attribute("data-question")) for i in range(box.count())]


def play_quizzes(learner: Learner, course: Course) -> dict[str, list[str]]:
    """Answer every question shown, right, page by page; return what each quiz asked."""
    asked: dict[str, list[str]] = {}
    for index, page in enumerate(pages_of(course)):
        learner.expect_on(page.id)
        quiz = page.activity
        assert isinstance(quiz, Quiz)
        by_id = {q.id: q for q in quiz.questions}
        asked[quiz.id] = drawn_questions(learner, quiz)
        for question_id in asked[quiz.id]:
            learner.answer(by_id[question_id])
        if index < len(pages_of(course)) - 1:
            learner.next(index)
    return asked


def test_a_quiz_drawing_five_bank_questions_by_tag_reports_each_as_its_own_interaction(
    lms: LmsSession, build_package: Callable[[Path], Path]
) -> None:
    course = load_course(SPEC)
    package = build_package(SPEC)
    learner = Learner(lms.launch(package), course)
    asked = play_quizzes(learner, course)
    learner.finish()
    saved = lms.close()

    assert asked["practice"] == ["practice-match-capitals", "practice-pi"]
    assert len(asked["final"]) == 5 and len(set(asked["final"])) == 5
    assert all(q.startswith("final-") for q in asked["final"])
    values = reported(lms.calls())
    assert nonconforming(values) == []
    keys = ("id", "type", "student_response", "result")
    rows = [{key: row.get(key) for key in keys} for row in interactions(values)]
    assert rows == [expected_interaction(answer) for answer in learner.reports]
    assert [row["id"] for row in rows] == [*asked["practice"], *asked["final"]]
    assert values["cmi.core.lesson_status"] == "passed"
    assert float(values["cmi.core.score.raw"]) == 100
    assert saved["cmi.core.entry"] == ""
    assert lms.problems() == []


def test_a_resumed_learner_sees_the_same_drawn_questions_with_their_answers(
    lms: LmsSession, build_package: Callable[[Path], Path]
) -> None:
    course = load_course(SPEC)
    package = build_package(SPEC)
    learner = Learner(lms.launch(package), course)
    learner.next(0)
    final = pages_of(course)[1].activity
    assert isinstance(final, Quiz)
    drawn = drawn_questions(learner, final)
    by_id = {q.id: q for q in final.questions}
    first = learner.answer(by_id[drawn[0]])
    saved = lms.close()

    resumed = Learner(lms.launch(package, saved=saved), course)
    resumed.continue_where_left_off()
    resumed.expect_on("final-quiz")
    assert drawn_questions(resumed, final) == drawn
    resumed.expect_answer_shown(first)
    lms.close()
    assert lms.problems() == []
