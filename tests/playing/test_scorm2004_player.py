"""SCORM 2004 packages played in Chromium against scorm-again's Scorm2004API.

A scripted learner works through a small course with every question type, packaged as one SCO
or one SCO per module; the tests check what the course set through API_1484_11.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import REPO_ROOT, TESTS
from playwright.sync_api import expect

from scormkit import build, load_course
from scormkit.spec import Course
from scormkit.spec.activities import Survey
from scormkit.testing.learner import Learner, questions_of

if TYPE_CHECKING:
    from scormkit.testing.lms_session import ApiCall, LmsSession

SPEC = (TESTS / "playing") / "specs" / "three-modules.yaml"
ISO_DURATION = re.compile(r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?")
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2})?Z")
ERROR_FUNCTIONS = {"GetLastError", "GetErrorString", "GetDiagnostic"}
# What each question reports when answered right (SCORM 2004 RTE 4.2.9.1 formats).
RIGHT = {
    "q-single": ("choice", "a", "a"),
    "q-multi": ("choice", "a[,]c", "a[,]c"),
    "q-tf": ("true-false", "false", "false"),
    "q-fill": ("fill-in", "HIPAA", "{case_matters=false}HIPAA"),
    "q-range": ("numeric", "2", "2[:]4"),
    "q-exact": ("numeric", "2", "2[:]2"),
    "q-match": ("matching", "1[.]a[,]2[.]b", "1[.]a[,]2[.]b"),
    "q-order": ("sequencing", "a[,]b[,]c", "a[,]b[,]c"),
}


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(SPEC)


def module_course(course: Course, module_id: str) -> Course:
    """The part of `course` one module's SCO plays."""
    return course.model_copy(update={"modules": [m for m in course.modules if m.id == module_id]})


def reported(calls: list[ApiCall]) -> dict[str, str]:
    """The last value the course set for each element."""
    return {c.args[0]: c.args[1] for c in calls if c.name == "SetValue" and c.error == "0"}


def assert_session_is_well_formed(calls: list[ApiCall]) -> dict[str, str]:
    """Initialize once and first, Terminate once and last, no call failed; returns what was set."""
    names = [call.name for call in calls if call.name not in ERROR_FUNCTIONS]
    assert names[0] == "Initialize" and names.count("Initialize") == 1, names
    assert names[-1] == "Terminate" and names.count("Terminate") == 1, names
    assert [call for call in calls if call.error != "0"] == []
    values = reported(calls)
    assert ISO_DURATION.fullmatch(values["cmi.session_time"]), values["cmi.session_time"]
    return values


def objective_statuses(values: dict[str, str]) -> dict[str, str]:
    """cmi.objectives.n.id -> success_status of what the course set."""
    ids = {
        k.split(".")[2]: v
        for k, v in values.items()
        if re.fullmatch(r"cmi\.objectives\.\d+\.id", k)
    }
    return {ident: values.get(f"cmi.objectives.{n}.success_status", "") for n, ident in ids.items()}


def package(tmp_path: Path, target: str = "scorm2004", *, per_module: bool = False) -> Path:
    return build(SPEC, target, tmp_path / "dist", launch_per_module=per_module)


@pytest.mark.parametrize("target", ["scorm2004", "scorm2004-3rd"])
def test_a_learner_who_answers_everything_right_completes_and_passes(
    target: str, course: Course, lms: LmsSession, tmp_path: Path
) -> None:
    frame = lms.launch(package(tmp_path, target))
    learner = Learner(frame, course)
    learner.work_through()
    expect(frame.locator("#sk-tracking")).to_be_hidden()
    learner.finish()
    lms.wait_for_finish()
    values = assert_session_is_well_formed(lms.calls())
    assert values["cmi.completion_status"] == "completed"
    assert values["cmi.success_status"] == "passed"
    assert (values["cmi.score.scaled"], values["cmi.score.raw"]) == ("1", "100")
    assert (values["cmi.score.min"], values["cmi.score.max"]) == ("0", "100")
    assert values["cmi.progress_measure"] == "1"
    assert values["cmi.location"] == "goodbye"
    assert values["cmi.exit"] == "normal"
    assert "adl.nav.request" not in values  # one SCO: where to go next is the LMS's choice
    assert objective_statuses(values) == {
        "reading": "passed",
        "check": "passed",
        "closing": "passed",
    }
    expect(frame.locator("#sk-done")).to_contain_text("You passed")
    assert lms.problems() == []


def test_interactions_are_recorded_in_the_2004_formats_without_a_set_error(
    course: Course, lms: LmsSession, tmp_path: Path
) -> None:
    frame = lms.launch(package(tmp_path))
    Learner(frame, course).work_through()
    calls = lms.calls()
    assert [c for c in calls if c.name == "SetValue" and c.error != "0"] == []
    values = reported(calls)
    prompts = {q.id: q.prompt for q in questions_of(course)}
    for n, (question, (kind, response, pattern)) in enumerate(RIGHT.items()):
        at = f"cmi.interactions.{n}."
        assert values[f"{at}id"] == question
        assert values[f"{at}type"] == kind
        assert values[f"{at}learner_response"] == response
        assert values[f"{at}correct_responses.0.pattern"] == pattern
        assert values[f"{at}result"] == "correct"
        assert values[f"{at}weighting"] == "1"
        assert values[f"{at}description"] == prompts[question]
        assert ISO_TIME.fullmatch(values[f"{at}timestamp"]), values[f"{at}timestamp"]
        assert ISO_DURATION.fullmatch(values[f"{at}latency"]), values[f"{at}latency"]
    # The LMS holds them too, as the course set them.
    held = lms.data_model()
    assert held["cmi.interactions.6.learner_response"] == "1[.]a[,]2[.]b"


def test_a_learner_who_answers_everything_wrong_completes_and_fails(
    course: Course, lms: LmsSession, tmp_path: Path
) -> None:
    frame = lms.launch(package(tmp_path, "scorm2004-3rd"))
    learner = Learner(frame, course)
    learner.work_through(wrong=frozenset(RIGHT))
    learner.finish()
    lms.wait_for_finish()
    values = assert_session_is_well_formed(lms.calls())
    assert values["cmi.completion_status"] == "completed"
    assert values["cmi.success_status"] == "failed"
    assert values["cmi.score.scaled"] == "0"
    assert values["cmi.exit"] == "normal"
    incorrect = [k for k, v in values.items() if k.endswith(".result") and v == "incorrect"]
    assert len(incorrect) == len(RIGHT)


def test_a_learner_who_leaves_halfway_resumes_where_they_left(
    course: Course, lms: LmsSession, tmp_path: Path
) -> None:
    zip_path = package(tmp_path)
    frame = lms.launch(zip_path)
    Learner(frame, course).work_through(until=1)
    saved = lms.close()
    values = assert_session_is_well_formed(lms.calls())
    assert values["cmi.exit"] == "suspend"
    assert values["cmi.completion_status"] == "incomplete"
    assert saved["cmi.entry"] == "resume"
    assert saved["cmi.location"] == "listening"

    frame = lms.launch(zip_path, saved)
    resumed = Learner(frame, course)
    resumed.continue_where_left_off()
    resumed.expect_on("listening")
    entry = [c.result for c in lms.calls() if c.name == "GetValue" and c.args == ["cmi.entry"]]
    assert entry == ["resume"]
    expect(frame.locator('#sk-menu a[data-page="greeting"] .sk-viewed')).to_have_count(1)


def test_each_sco_of_a_per_module_package_hands_over_with_a_navigation_request(
    course: Course, lms: LmsSession, tmp_path: Path
) -> None:
    zip_path = package(tmp_path, per_module=True)

    # The first module: Previous leads nowhere, Next on its last page asks for the next SCO.
    frame = lms.launch(zip_path, item="item-reading")
    learner = Learner(frame, module_course(course, "reading"))
    expect(frame.locator('#sk-menu a[data-page="quiz-page"]')).to_be_hidden()
    expect(frame.locator('#sk-menu a[data-page="listening"]')).to_be_visible()
    expect(frame.locator("#sk-prev")).to_be_disabled()
    learner.work_through()
    expect(frame.locator("#sk-finish")).to_be_hidden()
    frame.locator("#sk-next").click()
    lms.wait_for_finish()
    values = assert_session_is_well_formed(lms.calls())
    assert values["adl.nav.request"] == "continue"
    # Should the LMS not move on, the page says where the learner stands.
    expect(frame.locator("#sk-done")).to_contain_text("You have finished")
    assert values["cmi.completion_status"] == "completed"
    assert values["cmi.success_status"] == "unknown"  # nothing to pass in a reading
    assert objective_statuses(values) == {"reading": "passed"}  # the module's objective: done
    assert values["cmi.exit"] == "normal"

    # The quiz module: scored on its own questions.
    frame = lms.launch(zip_path, item="item-check")
    learner = Learner(frame, module_course(course, "check"))
    expect(frame.locator("#sk-prev")).to_be_enabled()
    learner.work_through()
    frame.locator("#sk-next").click()
    lms.wait_for_finish()
    values = assert_session_is_well_formed(lms.calls())
    assert values["adl.nav.request"] == "continue"
    assert (values["cmi.success_status"], values["cmi.score.raw"]) == ("passed", "100")
    assert objective_statuses(values) == {"check": "passed"}

    # The last module: Previous goes back a SCO; Finish ends the course.
    frame = lms.launch(zip_path, item="item-closing")
    Learner(frame, module_course(course, "closing")).expect_on("goodbye")
    frame.locator("#sk-prev").click()
    lms.wait_for_finish()
    values = assert_session_is_well_formed(lms.calls())
    assert values["adl.nav.request"] == "previous"

    frame = lms.launch(zip_path, item="item-closing")
    Learner(frame, module_course(course, "closing")).expect_on("goodbye")
    expect(frame.locator("#sk-next")).to_be_hidden()
    frame.locator("#sk-finish").click()
    lms.wait_for_finish()
    values = assert_session_is_well_formed(lms.calls())
    assert values["adl.nav.request"] == "exitAll"
    assert values["cmi.completion_status"] == "completed"
    assert lms.problems() == []


def test_a_scorm12_per_module_sco_finishes_on_its_own_last_page(
    course: Course, lms: LmsSession, tmp_path: Path
) -> None:
    frame = lms.launch(package(tmp_path, "scorm12", per_module=True), item="item-reading")
    learner = Learner(frame, module_course(course, "reading"))
    learner.work_through()
    expect(frame.locator("#sk-next")).to_be_hidden()  # SCORM 1.2 content cannot ask to move on
    learner.finish()
    lms.wait_for_finish()
    assert lms.data_model()["cmi.core.lesson_status"] == "completed"


def test_a_course_in_a_window_of_its_own_finds_api_1484_11_through_its_opener(
    course: Course, lms: LmsSession, tmp_path: Path
) -> None:
    frame = lms.launch(package(tmp_path), new_window=True)
    learner = Learner(frame, course)
    learner.next(0)
    expect(frame.locator("#sk-tracking")).to_be_hidden()
    saved = lms.close()
    assert_session_is_well_formed(lms.calls())
    assert saved["cmi.location"] == "listening"
    assert lms.problems() == []


@pytest.mark.parametrize("per_module", [False, True], ids=["per-course", "per-module"])
def test_the_flagship_with_its_scenario_and_survey_completes_under_scorm_2004(
    per_module: bool, lms: LmsSession, tmp_path: Path
) -> None:
    spec = REPO_ROOT / "course_specs" / "healthcare-customer-service.yaml"
    flagship = load_course(spec)
    zip_path = build(spec, "scorm2004", tmp_path / "dist", launch_per_module=per_module)
    modules = flagship.modules if per_module else [None]
    for module in modules:
        item = {"item": f"item-{module.id}"} if module else {}
        frame = lms.launch(zip_path, **item)
        part = module_course(flagship, module.id) if module else flagship
        learner = Learner(frame, part)
        learner.work_through()
        surveys = [p.activity for p in learner.pages if isinstance(p.activity, Survey)]
        for survey in surveys:
            kinds = {"likert": "4", "single_choice": "1", "free_text": "Clear, thank you."}
            learner.fill_survey(survey, {item.id: kinds[item.kind] for item in survey.items})
        if module and module != flagship.modules[-1]:
            frame.locator("#sk-next").click()  # hands over to the next module's SCO
        else:
            learner.finish()
        lms.wait_for_finish()
        values = assert_session_is_well_formed(lms.calls())
        assert values["cmi.completion_status"] == "completed", module
        if values.get("cmi.success_status", "unknown") != "unknown":
            assert values["cmi.success_status"] == "passed", module
        if surveys:
            # Survey answers are likert, choice and fill-in interactions without a pattern.
            types = {
                v for k, v in values.items() if re.fullmatch(r"cmi\.interactions\.\d+\.type", k)
            }
            assert {"likert", "fill-in"} <= types
        assert lms.problems() == []
