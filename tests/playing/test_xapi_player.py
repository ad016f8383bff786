"""xAPI (tincan.xml) packages played in Chromium; the statements are read back from a real LRS."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import REPO_ROOT

from scormkit.build import build
from scormkit.spec import load_course
from scormkit.spec.activities import Scenario, Survey
from scormkit.testing.learner import Learner, best_path, questions_of, questions_on
from scormkit.xapi_activities import course_iri

from .xapi_lms import Launcher, about, verbs, wait_for

if TYPE_CHECKING:
    from lrs.gateway import Gateway

SPECS = REPO_ROOT / "course_specs"
FLAGSHIP = SPECS / "healthcare-customer-service.yaml"
MINIMAL = SPECS / "minimal.yaml"
ISO_DURATION = r"^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$"


def play(launcher: Launcher, spec: Path, tmp_path: Path) -> tuple[Learner, str]:
    course = load_course(spec)
    launcher.serve(build(spec, target="xapi", out_dir=tmp_path / "dist"))
    activity_id = course_iri(course)
    launcher.launch_xapi(activity_id)
    return Learner(launcher.page.main_frame, course), activity_id


def test_the_flagship_played_to_the_end_reports_every_step_in_order(
    launcher: Launcher, tmp_path: Path
) -> None:
    import re

    learner, activity_id = play(launcher, FLAGSHIP, tmp_path)
    learner.work_through()
    survey = next(p.activity for p in learner.pages if isinstance(p.activity, Survey))
    answers = {"likert": "4", "single_choice": "1", "free_text": "Clear and useful."}
    learner.fill_survey(survey, {item.id: answers[item.kind] for item in survey.items})
    learner.finish()
    launcher.check_ended()
    stored = launcher.wait_for_verbs("terminated")
    launcher.check_valid(stored)
    said = verbs(stored)
    assert said[0] == "initialized"
    assert said[-1] == "terminated"
    course_said = verbs(about(stored, activity_id))
    assert course_said.count("completed") == 1
    assert said.count("passed") == 1
    assert "failed" not in said and "suspended" not in said
    # The role-play's one run ends in one statement of its own, about the role-play.
    endings = [s for s in stored if "/scenario/" in s["object"]["id"]]
    assert verbs(endings) == ["completed"]
    assert said.count("experienced") == len(learner.pages)
    assert all(s["context"]["registration"] == launcher.registration for s in stored)
    every_answer = [s for s in stored if s["verb"]["id"].endswith("/answered")]
    answered = [s for s in every_answer if f"{activity_id}/question/" in s["object"]["id"]]
    scored = [q for q in questions_of(load_course(FLAGSHIP))]
    assert [s["object"]["id"].rsplit("/", 1)[1] for s in answered] == [q.id for q in scored]
    # The role-play's choices and the survey's answers are answered too, with responses among
    # their activities' own choice and scale ids; a survey answer is neither right nor wrong.
    others = [s for s in every_answer if s not in answered]
    kinds = sorted({s["object"]["id"][len(activity_id) + 1 :].split("/")[0] for s in others})
    assert kinds == ["item", "scene"]
    for statement in others:
        if "/item/" in statement["object"]["id"]:
            assert "success" not in statement["result"]
        definition = statement["object"]["definition"]
        offered = definition.get("choices") or definition.get("scale")
        if offered:
            assert statement["result"]["response"] in {c["id"] for c in offered}
    for statement in answered:
        result = statement["result"]
        assert result["success"] is True
        assert result["score"]["scaled"] == 1
        assert result["response"] != ""
        assert re.match(ISO_DURATION, result["duration"])
        definition = statement["object"]["definition"]
        assert definition["interactionType"] in ("choice", "true-false")
        assert definition["correctResponsesPattern"]
        context = statement["context"]["contextActivities"]
        assert context["grouping"] == [{"objectType": "Activity", "id": activity_id}]
        assert context["parent"][0]["id"].startswith(f"{activity_id}/quiz/")
    passed = stored[said.index("passed")]
    assert passed["object"]["id"] == activity_id
    assert passed["result"]["success"] is True
    assert passed["result"]["score"] == {"raw": 100, "min": 0, "max": 100, "scaled": 1}
    assert re.match(ISO_DURATION, stored[-1]["result"]["duration"])


def test_wrong_answers_end_in_one_failed_statement_with_the_score(
    launcher: Launcher, tmp_path: Path
) -> None:
    learner, _ = play(launcher, MINIMAL, tmp_path)
    wrong = frozenset(q.id for q in questions_of(load_course(MINIMAL)))
    learner.work_through(wrong=wrong)
    learner.finish()
    stored = launcher.wait_for_verbs("terminated")
    launcher.check_valid(stored)
    said = verbs(stored)
    assert said.count("failed") == 1 and "passed" not in said
    failed = stored[said.index("failed")]
    assert failed["result"]["success"] is False
    assert failed["result"]["score"]["raw"] == 0
    answers = [s["result"] for s in stored if s["verb"]["id"].endswith("/answered")]
    assert [a["success"] for a in answers] == [False, False]
    assert [a["response"] for a in answers] == ["a", "false"]


def test_a_relaunch_resumes_where_the_learner_left_from_the_state_api(
    launcher: Launcher, tmp_path: Path
) -> None:
    learner, _ = play(launcher, MINIMAL, tmp_path)
    learner.next(0)
    launcher.leave()
    first = launcher.wait_for_verbs("terminated")
    assert verbs(first)[-2:] == ["suspended", "terminated"]
    launcher.launch_xapi(first[0]["object"]["id"])
    learner.continue_where_left_off()
    learner.expect_on(learner.pages[1].id)
    stored = launcher.wait_for_verbs("resumed")
    assert verbs(stored)[len(first) :][:2] == ["initialized", "resumed"]
    for question in questions_of(load_course(MINIMAL)):
        learner.answer(question)
    learner.finish()
    stored = launcher.wait_for_verbs("terminated", count=2)
    launcher.check_valid(stored)
    assert verbs(stored).count("passed") == 1
    assert verbs(stored)[-1] == "terminated"


def test_statements_sent_while_the_lrs_is_down_arrive_later_once_each(
    launcher: Launcher, gateway: Gateway, tmp_path: Path
) -> None:
    learner, _ = play(launcher, MINIMAL, tmp_path)
    launcher.wait_for_verbs("initialized", "experienced")
    gateway.down = True
    refused_before = gateway.refused_posts
    try:
        learner.next(0)
        for question in questions_of(load_course(MINIMAL)):
            learner.answer(question)
        wait_for(lambda: gateway.refused_posts > refused_before + 1, "refusals", launcher.page)
        assert "answered" not in verbs(launcher.statements())
    finally:
        gateway.down = False
    learner.finish()
    launcher.check_ended()
    stored = launcher.wait_for_verbs("terminated", "answered", "passed", "completed")
    launcher.check_valid(stored)
    said = verbs(stored)
    assert said.count("answered") == 2
    assert said.count("experienced") == 2
    assert said[0] == "initialized"


def test_the_flagship_relaunched_mid_course_resumes_with_its_answers_and_finishes(
    launcher: Launcher, tmp_path: Path
) -> None:
    learner, activity_id = play(launcher, FLAGSHIP, tmp_path)
    pages = learner.pages
    stop = next(i for i, p in enumerate(pages) if questions_on(p)) + 1
    learner.work_through(until=stop)
    given = list(learner.answers)
    launcher.leave()
    first = launcher.wait_for_verbs("terminated")
    assert verbs(first)[-2:] == ["suspended", "terminated"]
    launcher.launch_xapi(activity_id)
    learner.continue_where_left_off()
    learner.expect_on(pages[stop].id)
    learner.go_to(pages[stop - 1].id)
    for answer in given:
        learner.expect_answer_shown(answer)
    learner.go_to(pages[stop].id)
    for index in range(stop, len(pages)):
        for question in questions_on(pages[index]):
            learner.answer(question)
        activity = pages[index].activity
        if isinstance(activity, Scenario):
            learner.play(activity, best_path(activity))
        if index < len(pages) - 1:
            learner.next(index)
    learner.finish()
    stored = launcher.wait_for_verbs("terminated", count=2)
    launcher.check_valid(stored)
    said = verbs(stored)
    assert said[len(first) : len(first) + 2] == ["initialized", "resumed"]
    questions = [
        s
        for s in stored
        if s["verb"]["id"].endswith("/answered") and "/question/" in s["object"]["id"]
    ]
    assert len(questions) == len(questions_of(load_course(FLAGSHIP)))
    assert verbs(about(stored, activity_id)).count("completed") == 1
    assert said.count("passed") == 1
    assert said[-1] == "terminated"


def test_the_flagship_certificate_names_the_xapi_actor(launcher: Launcher, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    learner, _ = play(launcher, FLAGSHIP, tmp_path)
    learner.work_through()
    learner.finish()
    frame = launcher.page.main_frame
    expect(frame.locator("#sk-certificate")).to_be_visible()
    # The launch's actor is {"name": "Ana", "account": ...}: its name is the learner's.
    expect(frame.locator("#sk-certificate-name")).to_have_text(launcher.actor["name"])
