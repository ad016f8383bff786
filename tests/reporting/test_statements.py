"""xAPI from Python: activity definitions, statement builders, and observations sent to a real LRS.

Every statement built here is checked by Learning Locker's validator, and the ones sent are
read back from the LRS (npm xapi-statements on 127.0.0.1, see tests/lrs).
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import spec_path
from lrs import validate
from paths import REPO_ROOT

from scormkit.observe import (
    ResultsError,
    observation_statements,
    read_results,
    results_from,
    send_observation,
)
from scormkit.questions import FillIn, Matching, Numeric, Pair, Sequencing
from scormkit.spec import load_course
from scormkit.spec.activities import Scenario, ScenarioChoice, Scene, Survey, SurveyItem
from scormkit.spec.blocks import Text
from scormkit.spec.models import Course, Module, Page
from scormkit.statements import (
    LrsError,
    agent,
    cmi5_context,
    iso_duration,
    make_statement,
    send_statements,
    utc_timestamp,
)
from scormkit.xapi_activities import course_activities, course_iri, question_interaction

if TYPE_CHECKING:
    from lrs import LrsProcess

ROOT = REPO_ROOT
FLAGSHIP = spec_path("healthcare-customer-service.yaml")
BASE = "https://scormkit.dev/courses/healthcare-customer-service"
WHEN = datetime(2026, 11, 20, 10, 15, tzinfo=UTC)
ALL_MET = {
    "greets-promptly": True,
    "uses-name": True,
    "verifies-identity": True,
    "protects-privacy": True,
    "explains-wait": True,
    "checks-understanding": False,
}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scormkit", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def by_id(activities: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in activities}


def results_file(tmp_path: Path, criteria: dict[str, bool], **extra: Any) -> Path:
    data = {
        "observation": "oa-front-desk-check-in",
        "observed_at": "2026-11-20T10:15:00Z",
        "observer": {"name": "Dana Reyes", "email": "dana.reyes@clinic.example"},
        "criteria": criteria,
        **extra,
    }
    path = tmp_path / "results.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# --- activity definitions ---------------------------------------------------------------------


def test_scormkit_statements_prints_every_activity_of_the_flagship_under_its_iri_base() -> None:
    result = run("statements", str(FLAGSHIP))
    assert result.returncode == 0, result.stderr
    activities = json.loads(result.stdout)
    assert activities[0]["id"] == BASE
    assert activities[0]["definition"]["type"] == "http://adlnet.gov/expapi/activities/course"
    assert all(a["id"].startswith(BASE) for a in activities)
    assert len({a["id"] for a in activities}) == len(activities)
    found = by_id(activities)
    assert found[f"{BASE}/module/observe-and-ask"]["definition"]["name"] == {
        "en": "Seeing Service Clearly"
    }
    question = found[f"{BASE}/question/q-tp-result-call"]["definition"]
    assert question["interactionType"] == "choice"
    assert question["correctResponsesPattern"] == ["b"]
    assert [c["id"] for c in question["choices"]] == ["a", "b", "c"]
    assert found[f"{BASE}/question/q-tp-every-role"]["definition"]["correctResponsesPattern"] == [
        "false"
    ]
    assert f"{BASE}/criterion/oa-front-desk-check-in/verifies-identity" in found


def test_the_same_spec_always_gives_the_same_activities() -> None:
    assert run("statements", str(FLAGSHIP)).stdout == run("statements", str(FLAGSHIP)).stdout


def test_statements_of_a_bad_spec_exits_1_with_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: X\nmodules: []\n", encoding="utf-8")
    result = run("statements", str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "modules: must not be empty" in result.stderr


def test_each_question_type_gets_its_interaction_type_components_and_pattern() -> None:
    fill = FillIn(type="fill_in", id="f", prompt="?", accepted=["HIPAA", "hipaa act"])
    assert question_interaction(fill, "en") == {
        "interactionType": "fill-in",
        "correctResponsesPattern": ["{case_matters=false}HIPAA", "{case_matters=false}hipaa act"],
    }
    near = Numeric(type="numeric", id="n", prompt="?", answer=15, tolerance=2)
    assert question_interaction(near, "en")["correctResponsesPattern"] == ["13[:]17"]
    exact = Numeric(type="numeric", id="e", prompt="?", answer=2.5)
    assert question_interaction(exact, "en")["correctResponsesPattern"] == ["2.5"]
    pairs = [Pair(source="Greet", target="Door"), Pair(source="Verify", target="Desk")]
    matching = question_interaction(
        Matching(type="matching", id="m", prompt="?", pairs=pairs), "en"
    )
    assert matching["interactionType"] == "matching"
    assert [s["id"] for s in matching["source"]] == ["1", "2"]
    targets = {t["description"]["en"]: t["id"] for t in matching["target"]}
    assert matching["correctResponsesPattern"] == [f"1[.]{targets['Door']}[,]2[.]{targets['Desk']}"]
    steps = question_interaction(
        Sequencing(type="sequencing", id="s", prompt="?", steps=["Greet", "Verify", "Seat"]), "en"
    )
    assert steps["correctResponsesPattern"] == ["a[,]b[,]c"]
    assert [s["description"]["en"] for s in steps["choices"]] == ["Greet", "Verify", "Seat"]


def _course_with_scenario_and_survey() -> Course:
    scenario = Scenario(
        type="scenario",
        id="upset-caller",
        title="An upset caller",
        start="open",
        scenes=[
            Scene(
                id="open",
                line="The caller is angry.",
                choices=[
                    ScenarioChoice(id="listen", text="Listen first", goto="calm"),
                    ScenarioChoice(id="transfer", text="Transfer the call", goto="lost"),
                ],
            ),
            Scene(id="calm", line="They calm down.", ending="success"),
            Scene(id="lost", line="They hang up.", ending="failure"),
        ],
    )
    survey = Survey(
        type="survey",
        id="feedback",
        items=[
            SurveyItem(id="useful", kind="likert", prompt="Useful?"),
            SurveyItem(id="role", kind="single_choice", prompt="Role?", options=["Desk", "Phone"]),
            SurveyItem(id="more", kind="free_text", prompt="Anything else?"),
        ],
    )
    pages = [
        Page(id="intro", title="Intro", blocks=[Text(type="text", markdown="Hi.")]),
        Page(id="play", title="Role-play", activity=scenario),
        Page(id="ask", title="Survey", activity=survey),
    ]
    return Course(
        id="calls",
        title="Calls",
        iri="https://training.example.org/c/",
        modules=[Module(id="phone", title="Phone", pages=pages)],
    )


def test_scenarios_scenes_choices_and_survey_items_are_activities_too() -> None:
    course = _course_with_scenario_and_survey()
    assert course_iri(course) == "https://training.example.org/c/calls"
    found = by_id(course_activities(course))
    base = "https://training.example.org/c/calls"
    scene = found[f"{base}/scene/upset-caller/open"]["definition"]
    assert scene["interactionType"] == "choice"
    # Keyed by the letters the player reports, as quiz choices are.
    assert [c["id"] for c in scene["choices"]] == ["a", "b"]
    assert f"{base}/choice/upset-caller/open/listen" in found
    assert found[f"{base}/scenario/upset-caller"]["definition"]["type"].endswith("/simulation")
    likert = found[f"{base}/item/feedback/useful"]["definition"]
    assert likert["interactionType"] == "likert"
    # Keyed by the digits the player reports, labelled in the player's language.
    assert [(s["id"], s["description"]["en"]) for s in likert["scale"]][::4] == [
        ("1", "Strongly disagree"),
        ("5", "Strongly agree"),
    ]
    assert found[f"{base}/item/feedback/role"]["definition"]["interactionType"] == "choice"
    assert found[f"{base}/item/feedback/more"]["definition"]["interactionType"] == "long-fill-in"


# --- statement builders ----------------------------------------------------------------------


def test_durations_are_iso_8601_kept_to_hundredths() -> None:
    assert [iso_duration(s) for s in (0, 0.5, 62.5, 3725.456)] == [
        "PT0S",
        "PT0.5S",
        "PT1M2.5S",
        "PT1H2M5.46S",
    ]


def test_timestamps_are_utc_with_z_and_a_naive_time_is_refused() -> None:
    eastern = timezone(timedelta(hours=-5))
    assert utc_timestamp(datetime(2026, 1, 2, 3, 4, 5, tzinfo=eastern)) == (
        "2026-01-02T08:04:05.000Z"
    )
    with pytest.raises(ValueError, match="time zone"):
        utc_timestamp(datetime(2026, 1, 2))


def test_an_agent_has_exactly_one_identifier() -> None:
    assert agent(email="ana@clinic.example") == {
        "objectType": "Agent",
        "mbox": "mailto:ana@clinic.example",
    }
    assert agent(account="ana", home_page="https://lms.example.org")["account"] == {
        "homePage": "https://lms.example.org",
        "name": "ana",
    }
    with pytest.raises(ValueError, match="exactly one"):
        agent(email="a@b.example", account="a")


def test_built_statements_of_every_verb_pass_the_independent_validator() -> None:
    course = load_course(FLAGSHIP)
    learner = agent(email="ana@clinic.example", name="Ana")
    found = by_id(course_activities(course))
    question = found[f"{BASE}/question/q-tp-result-call"]
    template = {
        "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1"},
        "contextActivities": {"grouping": [{"objectType": "Activity", "id": f"{BASE}/au"}]},
    }
    built = [
        make_statement(name, learner, found[BASE], timestamp=WHEN)
        for name in ("initialized", "experienced", "suspended", "resumed", "terminated")
    ]
    built.append(
        make_statement(
            "answered",
            learner,
            question,
            timestamp=WHEN,
            result={
                "response": "b",
                "success": True,
                "duration": "PT12.5S",
                "score": {"raw": 1, "min": 0, "max": 1, "scaled": 1},
            },
            context={"registration": str(uuid.uuid4())},
        )
    )
    for name, success in (("passed", True), ("failed", False)):
        built.append(
            make_statement(
                name,
                learner,
                found[BASE],
                timestamp=WHEN,
                result={"success": success, "duration": "PT5M", "score": {"scaled": 0.8}},
                context=cmi5_context(template, moveon=True, mastery=0.8),
            )
        )
    built.append(
        make_statement(
            "completed",
            learner,
            found[BASE],
            timestamp=WHEN,
            result={"completion": True, "duration": "PT5M"},
            context=cmi5_context(template, moveon=True),
        )
    )
    assert validate(built) == []
    assert len({s["id"] for s in built}) == len(built)
    categories = built[-1]["context"]["contextActivities"]["category"]
    assert [c["id"].rsplit("/", 1)[1] for c in categories] == ["cmi5", "moveon"]
    assert all("version" not in s for s in built)


def test_a_malformed_statement_part_is_refused_before_sending() -> None:
    learner = agent(email="a@b.example")
    with pytest.raises(ValueError, match="Invalid UUID"):
        make_statement("answered", learner, {"id": BASE}, timestamp=WHEN, ident="statement-1")
    with pytest.raises(ValueError, match="'score'"):
        make_statement(
            "answered", learner, {"id": BASE}, timestamp=WHEN, result={"score": {"scaled": "high"}}
        )
    with pytest.raises(ValueError, match="no verb 'liked'"):
        make_statement("liked", agent(email="a@b.example"), {"id": BASE}, timestamp=WHEN)


# --- observations --------------------------------------------------------------------------------


def test_an_observation_becomes_one_statement_per_criterion_and_a_verdict() -> None:
    course = load_course(FLAGSHIP)
    learner = agent(email="sam@clinic.example", name="Sam")
    statements = observation_statements(course, learner, results_from(_results(ALL_MET)))
    assert [s["verb"]["id"].rsplit("/", 1)[1] for s in statements] == [
        "passed", "passed", "passed", "passed", "passed", "failed", "passed",
    ]  # fmt: skip
    verdict = statements[-1]
    assert verdict["object"]["id"] == f"{BASE}/observation/oa-front-desk-check-in"
    assert verdict["result"] == {
        "success": True,
        "completion": True,
        "score": {"raw": 5, "min": 0, "max": 6, "scaled": 0.8333},
    }
    assert verdict["context"]["instructor"]["mbox"] == "mailto:dana.reyes@clinic.example"
    parent = statements[0]["context"]["contextActivities"]["parent"][0]["id"]
    assert parent == f"{BASE}/observation/oa-front-desk-check-in"
    assert validate(statements) == []


def test_a_required_criterion_not_met_fails_the_observation_whatever_the_count() -> None:
    course = load_course(FLAGSHIP)
    criteria = {**ALL_MET, "checks-understanding": True, "protects-privacy": False}
    statements = observation_statements(
        course, agent(email="sam@clinic.example"), results_from(_results(criteria))
    )
    assert statements[-1]["verb"]["id"].endswith("/failed")
    assert statements[-1]["result"]["success"] is False


def _results(criteria: dict[str, bool]) -> dict[str, Any]:
    return {
        "observation": "oa-front-desk-check-in",
        "observed_at": "2026-11-20T10:15:00Z",
        "observer": {"name": "Dana Reyes", "email": "dana.reyes@clinic.example"},
        "criteria": criteria,
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"observation": "nope"}, "no observation 'nope' in course 'healthcare-customer-service'"),
        ({"criteria": {"greets-promptly": True}}, "missing uses-name, verifies-identity"),
        ({"criteria": {**ALL_MET, "smiles": True}}, "unknown smiles"),
        ({"observed_at": "2026-11-20T10:15:00"}, "observed_at: give a time with a zone"),
        (
            {"criteria": {**ALL_MET, "uses-name": "yes"}},
            "criteria.uses-name: criterion 'uses-name': write true \\(met\\) or false, not 'yes'",
        ),
        ({"observer": {"name": "Dana"}}, "observer: give at least the observer's email"),
        ({"when": "today"}, "unknown field 'when'"),
    ],
)
def test_results_that_do_not_fit_the_checklist_say_what_is_wrong(
    change: dict[str, Any], message: str
) -> None:
    course = load_course(FLAGSHIP)
    with pytest.raises(ResultsError, match=message):
        observation_statements(
            course, agent(email="s@clinic.example"), results_from(_results(ALL_MET) | change)
        )


def test_observe_sends_the_checklist_to_the_lrs_once_even_when_run_twice(
    lrs: LrsProcess, tmp_path: Path
) -> None:
    learner = f"sam-{uuid.uuid4().hex[:8]}@clinic.example"
    path = results_file(tmp_path, ALL_MET)
    env = {
        "PATH": "/usr/bin:/bin",
        "SCORMKIT_LRS_ENDPOINT": lrs.endpoint,
        "SCORMKIT_LRS_USERNAME": "scormkit",
        "SCORMKIT_LRS_PASSWORD": "very-secret-word",
    }
    args = ("observe", str(FLAGSHIP), "--learner", learner, "--results", str(path))
    for _ in range(2):
        result = run(*args, env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout == (
            f"sent 7 statements for 'oa-front-desk-check-in' to {lrs.endpoint}\n"
        )
        assert "very-secret-word" not in result.stdout + result.stderr
    stored = lrs.statements(agent=json.dumps({"mbox": f"mailto:{learner}"}))
    assert len(stored) == 7
    assert validate([_as_sent(s) for s in stored]) == []
    assert stored[-1]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert stored[-1]["result"]["score"]["raw"] == 5


def _as_sent(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored statement without what the LRS added (stored, authority, version)."""
    return {k: v for k, v in stored.items() if k not in ("stored", "authority", "version")}


def test_the_library_call_sends_with_the_given_credentials_and_returns_what_was_stored(
    lrs: LrsProcess, tmp_path: Path
) -> None:
    course = load_course(FLAGSHIP)
    learner = agent(account=f"sam-{uuid.uuid4().hex[:8]}", home_page="https://lms.example.org")
    results = read_results(results_file(tmp_path, ALL_MET))
    sent = send_observation(course, learner, results, endpoint=lrs.endpoint, auth=lrs.auth)
    stored = lrs.statements(agent=json.dumps(learner))
    assert [s["id"] for s in stored] == [s["id"] for s in sent]


def test_an_unreachable_lrs_is_an_error_after_retries_not_a_silent_loss(tmp_path: Path) -> None:
    path = results_file(tmp_path, ALL_MET)
    result = run(
        "observe", str(FLAGSHIP), "--learner", "sam@clinic.example", "--results", str(path),
        "--endpoint", "http://127.0.0.1:9/xAPI/", "--username", "u", "--password", "hunter22",
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot reach the LRS at http://127.0.0.1:9/xAPI/: ")
    assert result.stderr.endswith("(7 statement(s) not stored)\n")
    assert "hunter22" not in result.stderr


def test_an_lrs_that_refuses_is_reported_with_its_answer(lrs: LrsProcess) -> None:
    sleeps: list[float] = []
    bad = make_statement("experienced", agent(email="a@b.example"), {"id": BASE}, timestamp=WHEN)
    bad["result"] = {"score": {"scaled": 7}}  # outside -1..1: the LRS must refuse it
    with pytest.raises(LrsError, match=r"refused the statements: HTTP 400 .*\(1 statement\(s\)"):
        send_statements([bad], lrs.endpoint, lrs.auth, sleep=sleeps.append)
    assert sleeps == []  # a refusal is final; retrying would be refused again


def test_observe_without_lrs_settings_names_what_is_missing(tmp_path: Path) -> None:
    path = results_file(tmp_path, ALL_MET)
    result = run(
        "observe", str(FLAGSHIP), "--learner", "s@clinic.example", "--results", str(path),
        env={"PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        "error: give the LRS --endpoint, --username, --password "
        "(or their SCORMKIT_LRS_* variables)\n"
    )


def test_observe_dry_run_prints_the_statements_without_sending(tmp_path: Path) -> None:
    path = results_file(tmp_path, ALL_MET)
    result = run(
        "observe", str(FLAGSHIP), "--learner", "s@clinic.example", "--results", str(path),
        "--dry-run",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 7


@pytest.mark.parametrize(("version", "header"), [("1.0.3", "1.0.3"), ("2.0", "2.0.0")])
def test_the_version_option_sets_the_version_header(version: str, header: str) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen: list[tuple[str | None, Any]] = []

    class Lrs(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen.append((self.headers["X-Experience-API-Version"], json.loads(body)))
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"[]")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Lrs)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        made = make_statement(
            "experienced", agent(email="a@b.example"), {"id": BASE}, timestamp=WHEN
        )
        port = server.server_address[1]
        send_statements([made], f"http://127.0.0.1:{port}/xapi", "Basic eA==", version=version)
    finally:
        server.shutdown()
        server.server_close()
    assert seen == [(header, [made])]
