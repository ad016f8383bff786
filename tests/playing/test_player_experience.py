"""The player's quizzes, surveys, retries, resume prompt and Spanish text, played in Chromium.

Small purpose-made specs (tests/specs/) keep these quick; the flagship runs in
test_scorm12_player.py and test_accessibility.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import TESTS
from playwright.sync_api import expect

from scormkit.spec import Course, load_course
from scormkit.spec.activities import Quiz, Survey
from scormkit.testing.learner import Learner, pages_of, questions_of

from .cmi12 import interactions, nonconforming, reported

if TYPE_CHECKING:
    from collections.abc import Callable

    from scormkit.testing.lms_session import LmsSession

SPECS = TESTS / "specs"


def spec(name: str) -> tuple[Path, Course]:
    path = SPECS / f"{name}.yaml"
    return path, load_course(path)


@pytest.fixture
def every_question(build_package: Callable[[Path], Path]) -> tuple[Course, Path]:
    """The course with every question type and a survey, and its SCORM 1.2 package."""
    path, course = spec("every-question")
    return course, build_package(path)


def survey_of(course: Course) -> Survey:
    return next(p.activity for p in pages_of(course) if isinstance(p.activity, Survey))


def quiz_of(course: Course) -> Quiz:
    return next(p.activity for p in pages_of(course) if isinstance(p.activity, Quiz))


def test_every_question_type_reports_a_typed_interaction_in_scorm_12_formats(
    every_question: tuple[Course, Path], lms: LmsSession
) -> None:
    course, package = every_question
    learner = Learner(lms.launch(package), course)
    learner.next(0)
    wrong = {"q-multi", "q-match"}
    for question in questions_of(course):
        learner.answer(question, right=question.id not in wrong)
    # Feedback written for the chosen choice and for the whole question is shown.
    single = learner.frame.locator('[data-question="q-single"] [data-feedback]')
    expect(single).to_contain_text("Warm and personal.")
    expect(single).to_contain_text("Using the name makes people feel seen.")
    expect(learner.frame.locator('[data-question="q-tf"] [data-feedback]')).to_contain_text(
        "Right, permission comes first."
    )
    lms.close()

    values = reported(lms.calls())
    assert nonconforming(values) == []
    rows = interactions(values)
    assert [(r["id"], r["type"], r["student_response"], r["result"]) for r in rows] == [
        ("q-single", "choice", "b", "correct"),
        ("q-multi", "choice", "b", "wrong"),
        ("q-tf", "true-false", "f", "correct"),
        ("q-fill", "fill-in", "HIPAA", "correct"),
        ("q-num", "numeric", "10", "correct"),
        ("q-exact", "numeric", "30", "correct"),
        ("q-match", "matching", "1.b,2.a", "wrong"),
        ("q-seq", "sequencing", "a,b,c,d", "correct"),
    ]
    patterns = {r["id"]: r.get("correct_responses.0.pattern") for r in rows}
    assert patterns == {
        "q-single": "b",
        "q-multi": "a,c",
        "q-tf": "f",
        "q-fill": "HIPAA",
        "q-num": None,  # SCORM 1.2 has no pattern for a numeric range
        "q-exact": "30",
        "q-match": "1.a,2.b",
        "q-seq": "a,b,c,d",
    }
    assert {r["id"]: r["weighting"] for r in rows}["q-multi"] == "2"
    assert all(r["latency"] for r in rows)


def test_a_hint_opens_on_request_and_a_finished_quiz_shows_its_review(
    every_question: tuple[Course, Path], lms: LmsSession
) -> None:
    course, package = every_question
    learner = Learner(lms.launch(package), course)
    learner.next(0)
    box = learner.frame.locator('[data-question="q-single"]')
    expect(box.locator("[data-hint]")).to_be_hidden()
    box.locator('[data-action="hint"]').click()
    expect(box.locator("[data-hint]")).to_have_text("Think of the patient's name.")
    review = learner.frame.locator("[data-quiz-review]")
    for question in questions_of(course):
        expect(review).to_be_hidden()
        learner.answer(question, right=question.id != "q-tf")
    expect(review.locator("li")).to_have_count(8)
    expect(review.locator("li.sk-wrong")).to_contain_text("Right answer: False.")
    expect(learner.frame.locator("[data-quiz-result]")).to_contain_text("Score: 8 of 9 points")
    lms.close()


def test_a_question_with_two_tries_takes_a_second_answer_then_shows_the_right_one(
    every_question: tuple[Course, Path], lms: LmsSession
) -> None:
    course, package = every_question
    fill = next(q for q in questions_of(course) if q.id == "q-fill")
    learner = Learner(lms.launch(package), course)
    learner.next(0)
    box = learner.question(fill)
    expect(box.locator("[data-tries]")).to_have_text("2 tries")
    learner.answer(fill, right=False)
    expect(box.locator("[data-feedback]")).to_contain_text("Not quite. Try again.")
    expect(box.locator("[data-tries]")).to_have_text("1 try left")
    expect(box.locator('[data-action="check"]')).to_be_enabled()
    learner.answer(fill, right=False)
    expect(box.locator("[data-feedback]")).to_contain_text("Incorrect.")
    expect(box.locator("[data-feedback]")).to_contain_text("Right answer: HIPAA")
    expect(box.locator('[data-action="check"]')).to_be_hidden()
    expect(box.locator(f'input[name="{fill.id}"]')).to_be_disabled()
    lms.close()

    rows = interactions(reported(lms.calls()))
    assert [(r["id"], r["result"]) for r in rows] == [("q-fill", "wrong"), ("q-fill", "wrong")]


def test_survey_answers_are_reported_unscored_and_come_back_on_resume(
    every_question: tuple[Course, Path], lms: LmsSession
) -> None:
    course, package = every_question
    survey = survey_of(course)
    learner = Learner(lms.launch(package), course)
    learner.go_to("survey-page")
    comment = "Clear | useful, 100% ~ ✓"
    learner.fill_survey(survey, {"useful": "4", "role": "2", "comments": comment})
    saved = lms.close()

    values = reported(lms.calls())
    assert nonconforming(values) == []
    rows = [
        (r["id"], r["type"], r["student_response"], r["result"], r["weighting"])
        for r in interactions(values)
    ]
    assert rows == [
        ("opinion-useful", "likert", "4", "neutral", "0"),
        ("opinion-role", "choice", "2", "neutral", "0"),
        ("opinion-comments", "fill-in", comment, "neutral", "0"),
    ]
    assert "cmi.core.score.raw" not in values

    resumed = Learner(lms.launch(package, saved=saved), course)
    resumed.continue_where_left_off()
    resumed.expect_on("survey-page")
    box = resumed.frame.locator('[data-survey="opinion"]')
    expect(box.locator('input[name="opinion-useful"][value="4"]')).to_be_checked()
    expect(box.locator('input[name="opinion-role"][value="2"]')).to_be_checked()
    expect(box.locator('textarea[name="opinion-comments"]')).to_have_value(comment)
    lms.close()


def test_a_learner_resumes_in_the_middle_of_a_quiz_and_finishes_it(
    every_question: tuple[Course, Path], lms: LmsSession
) -> None:
    course, package = every_question
    questions = questions_of(course)
    learner = Learner(lms.launch(package), course)
    learner.next(0)
    for question in questions[:4]:
        learner.answer(question)
    saved = lms.close()

    resumed = Learner(lms.launch(package, saved=saved), course)
    resumed.continue_where_left_off()
    resumed.expect_on("quiz-page")
    for answer in learner.answers:
        resumed.expect_answer_shown(answer)
    for question in questions[4:]:
        resumed.answer(question)
    resumed.go_to("survey-page")
    resumed.finish()
    lms.close()

    data = lms.data_model()
    assert data["cmi.core.lesson_status"] == "passed"
    assert float(data["cmi.core.score.raw"]) == 100


def test_start_over_asks_for_confirmation_then_clears_progress(
    every_question: tuple[Course, Path], lms: LmsSession
) -> None:
    course, package = every_question
    learner = Learner(lms.launch(package), course)
    learner.next(0)
    first = questions_of(course)[0]
    learner.answer(first)
    saved = lms.close()

    frame = lms.launch(package, saved=saved)
    frame.locator("#sk-resume-restart").click()
    expect(frame.locator("#sk-restart-confirm")).to_be_visible()
    frame.locator("#sk-restart-no").click()
    expect(frame.locator("#sk-restart-confirm")).to_be_hidden()
    expect(frame.locator("#sk-resume")).to_be_visible()
    restarted = Learner(frame, course)
    restarted.start_over()
    restarted.expect_on("intro")
    restarted.go_to("quiz-page")
    expect(restarted.question(first).locator("[data-feedback]")).to_be_empty()
    lms.close()


def drawn(learner: Learner) -> list[str]:
    """Ids of the questions the quiz shows, in the order shown."""
    shown = learner.frame.locator("[data-question]:not([hidden])")
    return [shown.nth(i).get_attribute("data-question") or "" for i in range(shown.count())]


def test_a_drawn_quiz_keeps_its_questions_on_resume_and_allows_only_its_attempts(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    path, course = spec("retry-draw")
    package = build_package(path)
    quiz = quiz_of(course)
    by_id = {q.id: q for q in quiz.questions}
    learner = Learner(lms.launch(package), course)
    learner.expect_on("quiz-page")
    first = drawn(learner)
    assert len(first) == 2 and set(first) <= set(by_id)
    saved = lms.close()

    learner = Learner(lms.launch(package, saved=saved), course)
    learner.continue_where_left_off()
    assert drawn(learner) == first
    retry = learner.frame.locator('[data-action="retry"]')
    for attempt in (1, 2):
        for question_id in drawn(learner):
            expect(retry).to_be_hidden()
            learner.answer(by_id[question_id], right=False)
        if attempt == 1:
            expect(learner.frame.locator("[data-quiz-result]")).to_contain_text("Queda 1 intento.")
            retry.click()
            expect(learner.frame.locator("[data-quiz-result]")).to_be_empty()
    expect(retry).to_be_hidden()
    learner.next(0)
    learner.finish()
    lms.close()

    values = reported(lms.calls())
    assert len(interactions(values)) == 4
    assert lms.data_model()["cmi.core.lesson_status"] == "failed"


def test_a_spanish_course_shows_the_player_in_spanish(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    path, course = spec("retry-draw")
    frame = lms.launch(build_package(path))
    Learner(frame, course).expect_on("quiz-page")
    expect(frame.locator("#sk-next")).to_have_text("Siguiente")
    expect(frame.locator("#sk-position")).to_have_text("Página 1 de 2")
    expect(frame.locator("#sk-progress-text")).to_have_text("1 de 2 páginas vistas")
    expect(frame.locator('[data-action="check"]').first).to_have_text("Comprobar respuesta")
    expect(frame.locator(".sk-skip")).to_have_text("Saltar al contenido")
    lms.close()
