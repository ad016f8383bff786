"""`scormkit report` over a cohort that really played the flagship's xAPI build.

Three scripted learners play in Chromium against the test LRS with different answers, a
supervisor's observations are sent with `scormkit observe`, and the report is read back from
the LRS: its figures are checked exactly, the same statements saved to a file give the same
report, and the page passes axe-core and requests nothing from outside.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import REPO_ROOT

from scormkit.build import build
from scormkit.report.profile import template_problems
from scormkit.spec import load_course
from scormkit.spec.activities import Scenario, Survey
from scormkit.statements import agent
from scormkit.testing.learner import Learner, best_path, questions_on
from scormkit.xapi_activities import course_iri

from .test_accessibility import AXE, screenshot, violations
from .xapi_lms import Launcher

if TYPE_CHECKING:
    from lrs import LrsProcess
    from lrs.gateway import Gateway
    from playwright.sync_api import Page

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
COURSE = load_course(FLAGSHIP)
SCENARIO = "scenario-delayed-result"
# Every question of the first two modules: Ben fails the course.
WRONG_FOR_BEN = frozenset(
    q.id for module in COURSE.modules[:2] for page in module.pages for q in questions_on(page)
)
LOSING = ["lower-voice", "threaten-security"]  # two lives lost, the patient walks out


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scormkit", *args], capture_output=True, text=True, check=False
    )


def learner_in(page: Page, gateway: Gateway, lrs: LrsProcess, folder: Path, who: str) -> Launcher:
    actor = agent(account=who.lower(), home_page="https://lms.test", name=who)
    return Launcher(page, gateway, lrs, folder / who, actor=actor)


def play(
    launcher: Launcher,
    zip_path: Path,
    *,
    wrong: frozenset[str],
    path: list[str] | None,
    stop: int | None = None,
    survey: dict[str, str] | None = None,
) -> None:
    """Play the flagship from the first page to `stop` (or the end), then leave or finish."""
    launcher.serve(zip_path)
    launcher.launch_xapi(course_iri(COURSE))
    learner = Learner(launcher.page.main_frame, COURSE)
    last = len(learner.pages) - 1 if stop is None else stop
    for index, page in enumerate(learner.pages[: last + 1]):
        learner.expect_on(page.id)
        for question in questions_on(page):
            learner.answer(question, right=question.id not in wrong)
        if isinstance(page.activity, Scenario):
            learner.play(page.activity, path or best_path(page.activity))
        if isinstance(page.activity, Survey) and survey:
            learner.fill_survey(page.activity, survey)
        if index < last:
            learner.next(index)
    if stop is None:
        learner.finish()
    else:
        launcher.leave()
    launcher.wait_for_verbs("terminated")


def observe(lrs: LrsProcess, folder: Path, who: str, criteria: dict[str, bool]) -> None:
    results = folder / f"{who}-observed.json"
    results.write_text(
        json.dumps(
            {
                "observation": "oa-front-desk-check-in",
                "observed_at": "2026-11-20T10:15:00Z",
                "criteria": criteria,
            }
        )
    )
    done = run(
        "observe",
        str(FLAGSHIP),
        "--learner",
        who.lower(),
        "--account-home",
        "https://lms.test",
        "--learner-name",
        who,
        "--results",
        str(results),
        "--endpoint",
        lrs.endpoint,
        "--username",
        "u",
        "--password",
        "p",
    )
    assert done.returncode == 0, done.stderr


def pick(record: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: record[key] for key in keys}


def test_a_cohort_played_for_real_gives_exact_figures_from_the_lrs_and_from_a_file(
    page: Page, gateway: Gateway, lrs: LrsProcess, tmp_path: Path
) -> None:
    since = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    zip_path = build(FLAGSHIP, target="xapi", out_dir=tmp_path / "dist")
    all_met = {c.id: True for c in COURSE.modules[2].observations[0].criteria}
    survey = {"relevance": "5", "confidence": "4", "most-useful": "6", "one-change": "Ask first"}
    play(
        learner_in(page, gateway, lrs, tmp_path, "Ana"),
        zip_path,
        wrong=frozenset(),
        path=None,
        survey=survey,
    )
    play(
        learner_in(page, gateway, lrs, tmp_path, "Ben"),
        zip_path,
        wrong=WRONG_FOR_BEN,
        path=LOSING,
        survey={"relevance": "2", "most-useful": "6"},
    )
    play(
        learner_in(page, gateway, lrs, tmp_path, "Cy"),
        zip_path,
        wrong=frozenset(),
        path=None,
        stop=5,
    )
    observe(lrs, tmp_path, "Ana", all_met)
    observe(lrs, tmp_path, "Ben", all_met | {"verifies-identity": False})

    out = tmp_path / "from-lrs"
    done = run(
        "report",
        str(FLAGSHIP),
        "--endpoint",
        lrs.endpoint,
        "--username",
        "u",
        "--password",
        "p",
        "--since",
        since,
        "-o",
        str(out.with_suffix(".html")),
        "--json",
        str(out.with_suffix(".json")),
    )
    assert done.returncode == 0, done.stderr
    assert "(3 learner(s), " in done.stdout
    found = json.loads(out.with_suffix(".json").read_text())

    funnel = found["funnel"]
    assert pick(funnel, "launched", "completed", "passed", "failed") == {
        "launched": 3,
        "completed": 2,
        "passed": 1,
        "failed": 1,
    }
    stopped = {p["page"]: p["stopped_here"] for p in funnel["pages"] if p["stopped_here"]}
    assert stopped == {"pc-reviews": 1}
    reached = [p["reached"] for p in funnel["pages"]]
    assert reached == [3] * 6 + [2] * (len(reached) - 6)

    questions = {q["id"]: q for q in found["questions"]}
    assert pick(questions["q-tp-every-role"], "n", "difficulty", "tries", "average_tries") == {
        "n": 3,
        "difficulty": 0.6667,
        "tries": 3,
        "average_tries": 1.0,
    }
    assert questions["q-tp-result-call"]["wrong_choices"] == [
        {
            "response": "a",
            "text": COURSE.modules[0].pages[3].activity.questions[1].choices[0].text,
            "times": 1,
        }
    ]
    # Upper and lower 27% of three learners: one each (Cy and Ana tie; the identifier decides).
    assert pick(questions["q-tp-every-role"], "discrimination", "upper_n", "lower_n") == {
        "discrimination": 1.0,
        "upper_n": 1,
        "lower_n": 1,
    }
    assert [q["flags"] for q in found["questions"]] == [[]] * len(found["questions"])
    gaps = [
        (g["skill"], g["pass_mark"], g["below"], g["n"], g["average"]) for g in found["skill_gaps"]
    ]
    assert gaps == [
        ("module patient-choice", "80%", 1, 2, 50.0),
        ("module touchpoints", "80%", 1, 3, 66.7),
        (f"role-play {SCENARIO}: empathy", "4 of 5 points", 1, 2, 2.5),
        (f"role-play {SCENARIO}: privacy", "5 of 6 points", 1, 2, 3.0),
        (f"role-play {SCENARIO}: resolution", "5 of 6 points", 1, 2, 3.0),
        ("module observe-and-ask", "80%", 0, 2, 100.0),
        ("module privacy-security", "80%", 0, 2, 100.0),
        ("module training-investment", "80%", 0, 2, 100.0),
    ]
    roleplay = found["roleplays"][0]
    # The player states each run's ending: nothing is rebuilt from the choices.
    assert roleplay["rebuilt"] is False and found["rebuilt"] == []
    assert [(e["ending"], e["runs"]) for e in roleplay["endings"]] == [
        ("success-end", 1),
        ("walks-out", 1),
    ]
    assert [(b["badge"], b["runs"]) for b in roleplay["badges"]] == [
        ("calm-in-the-storm", 1),
        ("privacy-guardian", 1),
        ("clean-run", 1),
    ]
    assert roleplay["lives_lost"] == [
        {"scene": "arrival", "times": 1},
        {"scene": "escalates", "times": 1},
    ]
    assert roleplay["timeouts"] == []
    assert [p["average"] for p in roleplay["points"]] == [2.5, 3.0, 3.0]

    relevance, confidence, most_useful, one_change, _ = found["surveys"][0]["items"]
    assert [o["count"] for o in relevance["options"]] == [0, 1, 0, 0, 1]
    assert confidence["n"] == 1
    assert most_useful["options"][5]["count"] == 2
    assert one_change["answers"] == [{"learner": "Ana", "text": "Ask first"}]

    observation = found["observations"][0]
    assert pick(observation, "n", "passed") == {"n": 2, "passed": 1}
    assert {c["id"]: c["met"] for c in observation["criteria"]}["verifies-identity"] == 1
    learners = {p["learner"]: p for p in found["learners"]}
    assert learners["Ana"]["observations"] == {"oa-front-desk-check-in": True}
    assert pick(learners["Ben"], "completed", "passed", "score") == {
        "completed": True,
        "passed": False,
        "score": 59.09,
    }
    assert pick(learners["Cy"], "pages_reached", "completed", "passed", "observations") == {
        "pages_reached": 6,
        "completed": False,
        "passed": None,
        "observations": {},
    }

    # The same statements saved to a file give the same report.
    saved = tmp_path / "saved.json"
    stored = lrs.statements(since=since)
    assert 100 < len(stored) < 500  # one page of the LRS's answer holds them all
    # Every statement the player and `observe` sent fits a template of scormkit's xAPI Profile.
    misfits = {s["id"]: template_problems(s) for s in stored if template_problems(s)}
    assert misfits == {}
    # Role-play choices and survey answers name their role-play or survey as parent.
    scenario = f"{course_iri(COURSE)}/scenario/{SCENARIO}"
    survey = f"{course_iri(COURSE)}/survey/survey-course-feedback"
    parents = {
        s["context"]["contextActivities"]["parent"][0]["id"]
        for s in stored
        if "/scene/" in s["object"]["id"] or "/item/" in s["object"]["id"]
    }
    assert parents == {scenario, survey}
    saved.write_text(json.dumps(stored))
    again = tmp_path / "from-file"
    done = run(
        "report",
        str(FLAGSHIP),
        "--statements",
        str(saved),
        "-o",
        str(again.with_suffix(".html")),
        "--json",
        str(again.with_suffix(".json")),
    )
    assert done.returncode == 0, done.stderr
    from_file = json.loads(again.with_suffix(".json").read_text())
    assert {k: v for k, v in from_file.items() if k != "input"} == {
        k: v for k, v in found.items() if k != "input"
    }

    # The page requests nothing but itself, even with its Content-Security-Policy switched off
    # (which axe-core, injected by the test, needs), and axe-core finds nothing.
    assert page.context.browser is not None
    context = page.context.browser.new_context(bypass_csp=True)
    try:
        report = context.new_page()
        requests: list[str] = []
        report.on("request", lambda request: requests.append(request.url))
        report_url = out.with_suffix(".html").as_uri()
        report.goto(report_url)
        assert requests == [report_url]
        assert AXE.is_file()
        assert violations(report.main_frame, "report") == []
        report.set_viewport_size({"width": 320, "height": 900})
        assert violations(report.main_frame, "report at 320 px") == []
        screenshot(report.main_frame, "report")
    finally:
        context.close()
