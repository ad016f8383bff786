"""SCORM 1.2 packages of the course specs, played in Chromium against scorm-again.

A scripted learner works through each course by the player's DOM hooks; the tests check what
the LMS recorded against what the learner did, and what the learner saw.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import REPO_ROOT
from playwright.sync_api import expect

from scormkit.spec import Course, load_course
from scormkit.testing.learner import (
    Answer,
    Chosen,
    Learner,
    expected_interaction,
    pages_of,
    questions_of,
    questions_on,
    scenarios_of,
    wrong_response,
)

from .cmi12 import CMI_TIMESPAN, interactions, nonconforming, reported

if TYPE_CHECKING:
    from collections.abc import Callable

    from scormkit.questions import Question
    from scormkit.testing import ApiCall, LmsSession

COURSE_SPECS = REPO_ROOT / "course_specs"
# The flagship and the smallest course are named so that a missing one fails, not shrinks, the
# corpus; every other spec in the folder is played too.
SPECS = sorted(
    {COURSE_SPECS / "healthcare-customer-service.yaml", COURSE_SPECS / "minimal.yaml"}
    | set(COURSE_SPECS.glob("*.yaml"))
)
# May be called at any time, even after LMSFinish (SCORM 1.2 RTE 3.3).
ERROR_FUNCTIONS = {"LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"}


@pytest.fixture(params=SPECS, ids=lambda path: path.stem)
def spec(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


@pytest.fixture
def course(spec: Path) -> Course:
    return load_course(spec)


@pytest.fixture
def package(spec: Path, build_package: Callable[[Path], Path]) -> Path:
    return build_package(spec)


def scored_items(course: Course) -> list[str]:
    """Every scored question and scored scenario: what a score waits for."""
    scenarios = [s.id for s in scenarios_of(course) if s.scored and s.weight > 0]
    return [q.id for q in questions_of(course) if q.weight > 0] + scenarios


def score_of(course: Course, wrong: frozenset[str]) -> float:
    """The percent of the course's points earned when `wrong` are answered wrong (scored
    scenarios are played on their best path, so they earn their weight)."""
    scored = [q for q in questions_of(course) if q.weight > 0]
    scenarios = sum(s.weight for s in scenarios_of(course) if s.scored)
    total = sum(q.weight for q in scored) + scenarios
    return 100 * (sum(q.weight for q in scored if q.id not in wrong) + scenarios) / total


def status_for(course: Course, score: float | None) -> str:
    """The lesson_status of a finished course: pass/fail only when it has a passing score."""
    passing = course.completion.passing_score
    if passing is None or score is None:
        return "completed"
    return "passed" if score >= passing else "failed"


def wrong_enough_to_fail(course: Course, passing: int) -> frozenset[str] | None:
    """The fewest one-try questions, in course order, whose wrong answers fail the course."""
    wrong: frozenset[str] = frozenset()
    for question in questions_of(course):
        if question.weight > 0 and question.attempts == 1 and wrong_response(question):
            wrong |= {question.id}
            if score_of(course, wrong) < passing:
                return wrong
    return None


def halfway(course: Course) -> tuple[int, list[Question]]:
    """Where a learner who leaves halfway stops, and the questions they answered on the way.

    They read at least half the pages and answer the first quiz, but leave before the course
    is complete: when that quiz would complete it, its last question stays unanswered.
    """
    pages = pages_of(course)
    quiz_pages = [index for index, page in enumerate(pages) if questions_on(page)]
    stop = max([len(pages) // 2, *quiz_pages[:1]])
    answered = questions_on(pages[quiz_pages[0]]) if quiz_pages else []
    sees_all = stop == len(pages) - 1 or not course.completion.all_pages
    if sees_all and {q.id for q in answered} >= set(scored_items(course)):
        answered = answered[:-1]
    return stop, answered


def assert_session_is_well_formed(calls: list[ApiCall]) -> None:
    """LMSInitialize once and first, LMSFinish once and last, every call succeeded, and every
    value the course set is one SCORM 1.2 allows."""
    names = [call.name for call in calls if call.name not in ERROR_FUNCTIONS]
    assert names[0] == "LMSInitialize" and names.count("LMSInitialize") == 1, names
    assert names[-1] == "LMSFinish" and names.count("LMSFinish") == 1, names
    assert [call for call in calls if call.error != "0"] == []
    values = reported(calls)
    assert nonconforming(values) == []
    assert CMI_TIMESPAN.fullmatch(values.get("cmi.core.session_time", "")), "no session_time"


def assert_interactions_match(values: dict[str, str], reports: list[Answer | Chosen]) -> None:
    """One interaction per answer or scenario choice, in the order made, saying what the
    learner entered."""
    keys = ("id", "type", "student_response", "result")
    assert [{key: row.get(key) for key in keys} for row in interactions(values)] == [
        expected_interaction(report) for report in reports
    ]


def test_a_learner_who_answers_everything_right_finishes_with_full_marks(
    course: Course, package: Path, lms: LmsSession
) -> None:
    frame = lms.launch(package)
    learner = Learner(frame, course)
    learner.work_through()
    expect(frame.locator("#sk-tracking")).to_be_hidden()
    learner.finish()
    saved = lms.close()

    calls = lms.calls()
    assert_session_is_well_formed(calls)
    values = reported(calls)
    data = lms.data_model()
    score = 100.0 if scored_items(course) else None
    status = status_for(course, score)
    assert data["cmi.core.lesson_status"] == values["cmi.core.lesson_status"] == status
    if score is not None:
        assert float(values["cmi.core.score.raw"]) == float(data["cmi.core.score.raw"]) == 100
        assert (values["cmi.core.score.min"], values["cmi.core.score.max"]) == ("0", "100")
    assert data["cmi.core.lesson_location"] == learner.pages[-1].id
    # A finished course exits normally so the LMS closes the attempt (SCORM 1.2 RTE 3.4.4,
    # cmi.core.exit: "" is a normal exit).
    assert values.get("cmi.core.exit", "") == ""
    assert saved["cmi.core.entry"] == ""
    assert_interactions_match(values, learner.reports)
    assert_interactions_match(data, learner.reports)
    assert lms.problems() == []


def test_a_learner_who_answers_too_many_wrong_fails_with_the_score_earned(
    course: Course, package: Path, lms: LmsSession
) -> None:
    passing = course.completion.passing_score
    if passing is None:
        pytest.skip(f"{course.id} has no passing score, so it cannot be failed")
    wrong = wrong_enough_to_fail(course, passing)
    if wrong is None:
        pytest.skip(f"wrong answers to {course.id}'s one-try questions cannot fail it")

    learner = Learner(lms.launch(package), course)
    learner.work_through(wrong=wrong)
    learner.finish()
    lms.close()

    calls = lms.calls()
    assert_session_is_well_formed(calls)
    values = reported(calls)
    data = lms.data_model()
    assert data["cmi.core.lesson_status"] == values["cmi.core.lesson_status"] == "failed"
    # The player may round; half a point either way is the same score to a learner.
    assert float(data["cmi.core.score.raw"]) == pytest.approx(score_of(course, wrong), abs=0.5)
    assert_interactions_match(values, learner.reports)
    assert lms.problems() == []


def test_a_learner_who_leaves_halfway_resumes_on_that_page_with_their_answers(
    course: Course, package: Path, lms: LmsSession
) -> None:
    pages = pages_of(course)
    if len(pages) < 2:
        pytest.skip(f"{course.id} has one page: there is no halfway")
    stop, to_answer = halfway(course)

    learner = Learner(lms.launch(package), course)
    for index, page in enumerate(pages[: stop + 1]):
        learner.expect_on(page.id)
        for question in questions_on(page):
            if question in to_answer:
                learner.answer(question)
        if index < stop:
            learner.next(index)
    before_closing = [call.name for call in lms.calls()]
    saved = lms.close()

    # Unload is not a save point (browsers block synchronous requests while a page
    # unloads): all was committed before the window closed.
    last_set = len(before_closing) - before_closing[::-1].index("LMSSetValue")
    assert "LMSCommit" in before_closing[last_set:]
    first = lms.calls()
    assert_session_is_well_formed(first)
    assert reported(first).get("cmi.core.exit") == "suspend"
    assert reported(first).get("cmi.core.lesson_status") == "incomplete"
    assert saved["cmi.core.entry"] == "resume"
    assert saved["cmi.core.lesson_location"] == pages[stop].id
    assert saved["cmi.suspend_data"] != ""

    resumed = Learner(lms.launch(package, saved=saved), course)
    resumed.continue_where_left_off()
    resumed.expect_on(pages[stop].id)
    for answer in learner.answers:
        resumed.go_to(next(page.id for page in pages if answer.question in questions_on(page)))
        resumed.expect_answer_shown(answer)
    lms.close()

    assert_session_is_well_formed(lms.calls())
    assert lms.problems() == []


def test_without_an_lms_the_course_says_it_is_not_tracking_and_still_plays(
    course: Course, package: Path, lms: LmsSession
) -> None:
    frame = lms.open_without_lms(package)

    expect(frame.locator("#sk-tracking")).to_be_visible()
    learner = Learner(frame, course)
    learner.work_through()
    expect(frame.locator("#sk-finish")).to_be_visible()
    assert lms.problems() == []


def test_a_course_launched_in_a_window_of_its_own_is_tracked_through_its_opener(
    course: Course, package: Path, lms: LmsSession
) -> None:
    frame = lms.launch(package, new_window=True)

    learner = Learner(frame, course)
    learner.next(0)
    expect(frame.locator("#sk-tracking")).to_be_hidden()
    saved = lms.close()

    assert_session_is_well_formed(lms.calls())
    assert saved["cmi.core.lesson_location"] == learner.pages[1].id
    assert lms.problems() == []
