"""Role-play timeouts and endings, and changed verdicts, as the xAPI and cmi5 players send them.

A learner plays the timed test role-play in Chromium against the test LRS: the first scene's
timer runs out (a life and a point lost), then a choice leads to the success ending. The LRS
must hold a `timed-out` and a role-play `completed` statement, valid and fitting scormkit's
xAPI Profile, and `scormkit report` must show the timeout and the ending from them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import REPO_ROOT
from playwright.sync_api import expect

from scormkit.build import build
from scormkit.report.profile import matching_template
from scormkit.spec import load_course
from scormkit.testing.learner import Learner, scenarios_of
from scormkit.xapi_activities import course_iri

from .test_xapi_cmi5_player import CMI5_CATEGORY, categories, check_cmi5_rules, start
from .xapi_lms import SESSION_ID, Launcher, about, verbs

if TYPE_CHECKING:
    from lrs import LrsProcess

ROOT = REPO_ROOT
TIMED = ROOT / "tests" / "specs" / "scenario-timer.yaml"
RETRY = ROOT / "tests" / "specs" / "retry-draw.yaml"
EXT = "https://scormkit.dev/xapi/extensions/"
TEMPLATES = "https://scormkit.dev/xapi/profile/templates/"


def report(spec: Path, *source: str, out: Path) -> dict[str, Any]:
    """`scormkit report` on `source` (an LRS or a file): its JSON figures; checks exit 0."""
    done = subprocess.run(
        [sys.executable, "-m", "scormkit", "report", str(spec), *source, "-o", str(out)]
        + ["--json", str(out.with_suffix(".json"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "rebuilt" not in done.stderr  # the endings are stated, nothing is rebuilt
    figures: dict[str, Any] = json.loads(out.with_suffix(".json").read_text())
    return figures


def time_out_then_succeed(learner: Learner) -> None:
    """Let the first scene's 5 s timer run out, read its feedback, then choose "sorry"."""
    scenario = scenarios_of(load_course(TIMED))[0]
    box = learner.scenario(scenario)
    learner.expect_scene(scenario, "queue")
    learner.frame.locator("#sk-start").click()  # off the cover: the choices are seen, time runs
    expect(box.locator("[data-feedback]")).to_contain_text("Time ran out", timeout=12_000)
    box.locator('[data-action="continue"]').click()
    learner.play(scenario, ["sorry"])
    learner.expect_scene(scenario, "helped")
    learner.finish()


def check_roleplay_statements(stored: list[dict[str, Any]], course_id: str) -> None:
    """The timeout, the choice after it and the ending, in order, as the profile has them."""
    rush = [s for s in stored if f"{course_id}/scen" in s["object"]["id"]]
    assert [(verbs([s])[0], s["object"]["id"][len(course_id) :]) for s in rush] == [
        ("timed-out", "/scene/rush/queue"),
        ("answered", "/scene/rush/shout"),
        ("completed", "/scenario/rush"),
    ]
    timed_out, _, ending = rush
    assert matching_template(timed_out) == f"{TEMPLATES}scene-timed-out"
    assert timed_out["verb"]["id"] == "https://scormkit.dev/xapi/verbs/timed-out"
    assert timed_out["result"] == {"extensions": {f"{EXT}lost-life": True}}
    parent = timed_out["context"]["contextActivities"]["parent"]
    assert parent == [{"objectType": "Activity", "id": f"{course_id}/scenario/rush"}]
    assert matching_template(ending) == f"{TEMPLATES}roleplay-ended"
    assert (
        ending["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/simulation"
    )
    # The timeout cost a life and a calm point, "sorry" gave the point back.
    assert ending["result"] == {
        "success": True,
        "completion": True,
        "extensions": {
            f"{EXT}ending": "helped",
            f"{EXT}ending-kind": "success",
            f"{EXT}points": {"calm": 0},
            f"{EXT}badges": [],
            f"{EXT}lives": 1,
        },
    }


def check_report(found: dict[str, Any]) -> None:
    roleplay = found["roleplays"][0]
    assert roleplay["rebuilt"] is False and found["rebuilt"] == []
    assert [(e["ending"], e["kind"], e["runs"], e["n"]) for e in roleplay["endings"]] == [
        ("helped", "success", 1, 1)
    ]
    assert roleplay["timeouts"] == [{"scene": "queue", "times": 1}]
    assert roleplay["lives_lost"] == [{"scene": "queue", "times": 1}]
    assert [(p["dimension"], p["average"]) for p in roleplay["points"]] == [("calm", 0.0)]
    assert roleplay["paths"] == [{"path": "queue:timeout > shout:sorry", "runs": 1, "n": 1}]


def test_xapi_a_timeout_and_an_ending_reach_the_lrs_and_the_report(
    launcher: Launcher, lrs: LrsProcess, tmp_path: Path
) -> None:
    course = load_course(TIMED)
    course_id = course_iri(course)
    launcher.serve(build(TIMED, target="xapi", out_dir=tmp_path / "dist"))
    launcher.launch_xapi(course_id)
    time_out_then_succeed(Learner(launcher.page.main_frame, course))
    stored = launcher.wait_for_verbs("terminated")
    launcher.check_valid(stored)  # @learninglocker/xapi-validation, ids once, one actor
    check_roleplay_statements(stored, course_id)
    grouping = [{"objectType": "Activity", "id": course_id}]
    for statement in stored:
        if statement["object"]["id"] != course_id:
            assert statement["context"]["contextActivities"]["grouping"] == grouping
    assert verbs(about(stored, course_id)) == ["initialized", "completed", "terminated"]

    endpoint = ["--endpoint", lrs.endpoint, "--username", "u", "--password", "p"]
    out = tmp_path / "report.html"
    found = report(TIMED, *endpoint, "--registration", launcher.registration, out=out)
    check_report(found)
    page = out.read_text()
    assert "queue" in page and "helped" in page


def test_cmi5_sends_them_as_allowed_statements_and_a_file_of_them_reports_the_same(
    launcher: Launcher, tmp_path: Path
) -> None:
    package, session, learner = start(launcher, TIMED, tmp_path)
    time_out_then_succeed(learner)
    launcher.check_ended()
    stored = launcher.wait_for_verbs("terminated")
    launcher.check_valid(stored)
    check_cmi5_rules(stored, package, session)
    course_id = course_iri(package.course)
    check_roleplay_statements(stored, course_id)
    for statement in stored:
        if statement["object"]["id"].startswith(f"{course_id}/scen"):
            # Allowed (cmi5 §9.6.2.1): the LMS's context template, no cmi5 category.
            assert CMI5_CATEGORY not in categories(statement)
            assert statement["context"]["extensions"][SESSION_ID] == session
            assert statement["context"]["registration"] == launcher.registration
    assert verbs(about(stored, package.activity_id)) == ["initialized", "completed", "terminated"]

    # cmi5 statements are grouped under the LMS's ids, so a report reads them from a file.
    saved = tmp_path / "statements.json"
    saved.write_text(json.dumps(stored))
    check_report(report(TIMED, "--statements", str(saved), out=tmp_path / "report.html"))


def test_xapi_a_learner_who_fails_then_retries_and_passes_gets_both_verdicts(
    launcher: Launcher, lrs: LrsProcess, tmp_path: Path
) -> None:
    course = load_course(RETRY)
    course_id = course_iri(course)
    quiz = next(p.activity for m in course.modules for p in m.pages if p.activity)
    by_id = {q.id: q for q in getattr(quiz, "questions", [])}
    launcher.serve(build(RETRY, target="xapi", out_dir=tmp_path / "dist"))
    launcher.launch_xapi(course_id)
    learner = Learner(launcher.page.main_frame, course)
    learner.expect_on("quiz-page")
    shown = learner.frame.locator("[data-question]:not([hidden])")
    for right in (False, True):
        expect(shown).to_have_count(2)
        for question_id in [shown.nth(i).get_attribute("data-question") for i in range(2)]:
            learner.answer(by_id[str(question_id)], right=right)
        # The verdict comes once every page is seen: the next page, then back to retry.
        learner.next(0)
        if not right:
            launcher.wait_for_verbs("failed")
            learner.go_to("quiz-page")
            learner.frame.locator('[data-action="retry"]').click()
    learner.finish()
    stored = launcher.wait_for_verbs("terminated")
    launcher.check_valid(stored)
    verdicts = [s for s in about(stored, course_id) if verbs([s])[0] in ("passed", "failed")]
    assert verbs(verdicts) == ["failed", "passed"]
    assert [v["result"]["score"]["raw"] for v in verdicts] == [0, 100]

    endpoint = ["--endpoint", lrs.endpoint, "--username", "u", "--password", "p"]
    out = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "scormkit", "report", str(RETRY), *endpoint]
        + ["--registration", launcher.registration, "-o", str(out), "--json", f"{out}.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    funnel = json.loads(Path(f"{out}.json").read_text())["funnel"]
    # The latest verdict counts: the learner passed.
    assert (funnel["passed"], funnel["failed"]) == (1, 0)
