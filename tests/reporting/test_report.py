"""`scormkit report` over statements files and a real LRS: exact figures, counts and messages.

The statements are those the xAPI player and `observe` send for the flagship, written out by
hand so every figure below can be checked with a pencil. tests/playing/test_report.py plays
the course for real.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pytest
from paths import REPO_ROOT

from scormkit.errors import ReportError
from scormkit.report import FileSource, LrsSource, make_report
from scormkit.spec import load_course
from scormkit.statements import agent, make_statement, send_statements
from scormkit.xapi_activities import activity_iri, course_iri

if TYPE_CHECKING:
    from lrs import LrsProcess

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
COURSE = load_course(FLAGSHIP)
COURSE_IRI = course_iri(COURSE)
SCENARIO = "scenario-delayed-result"
SURVEY = "survey-course-feedback"
ANA = agent(account="ana", home_page="https://lms.test", name="Ana Diaz")
BEN = agent(email="ben@clinic.example", name="Ben Ode")
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
# The proof's best way through the role-play, as the letters the player records.
BEST = [
    ("arrival", "a"),
    ("private-spot", "a"),
    ("check-status", "a"),
    ("nurse-message", "a"),
    ("nurse-arrives", "a"),
    ("closing", "b"),
]


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=10)
        return self.now


def said(
    clock: Clock, who: dict[str, Any], verb: str, kind: str, *ids: str, result: Any = None
) -> dict[str, Any]:
    iri = activity_iri(COURSE, kind, *ids) if kind != "course" else COURSE_IRI
    # As the player sends them: the course as grouping, so an LRS finds them by the course.
    context = {"contextActivities": {"grouping": [{"objectType": "Activity", "id": COURSE_IRI}]}}
    return make_statement(
        verb,
        who,
        {"objectType": "Activity", "id": iri},
        timestamp=clock(),
        result=result,
        context=context if kind != "course" else None,
    )


def cohort_statements() -> list[Any]:
    """Two learners' statements, with one copy, one voided, one unknown and one malformed."""
    t = Clock()
    wrong = said(
        t,
        ANA,
        "answered",
        "question",
        "q-tp-every-role",
        result={"success": False, "response": "true", "duration": "PT10S"},
    )
    copy = {**wrong, "id": "0c4f3e2a-8a7b-4f4e-9a55-5b1de2f7a001"}
    voided = said(
        t,
        ANA,
        "answered",
        "question",
        "q-tp-result-call",
        result={"success": True, "response": "b", "duration": "PT30S"},
    )
    voiding = {
        "id": "0c4f3e2a-8a7b-4f4e-9a55-5b1de2f7a002",
        "actor": ANA,
        "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
        "object": {"objectType": "StatementRef", "id": voided["id"]},
        "timestamp": "2026-11-02T10:00:00.000Z",
    }
    ana = [
        said(t, ANA, "initialized", "course"),
        said(t, ANA, "experienced", "page", "tp-why-service"),
        said(t, ANA, "experienced", "page", "tp-five-touchpoints"),
        wrong,
        copy,
        said(
            t,
            ANA,
            "answered",
            "question",
            "q-tp-every-role",
            result={"success": True, "response": "false", "duration": "PT20S"},
        ),
        voided,
        voiding,
        *[
            said(t, ANA, "answered", "scene", SCENARIO, scene, result={"response": letter})
            for scene, letter in BEST
        ],
        said(t, ANA, "answered", "item", SURVEY, "relevance", result={"response": "4"}),
        said(t, ANA, "answered", "item", SURVEY, "improve", result={"response": "More role-plays"}),
    ]
    ben = [
        said(t, BEN, "initialized", "course"),
        said(t, BEN, "experienced", "page", "tp-why-service"),
        said(
            t,
            BEN,
            "answered",
            "question",
            "q-tp-every-role",
            result={"success": False, "response": "true", "duration": "PT6S"},
        ),
        # The timer of the first scene ran out (no statement), then a choice costs a life.
        said(t, BEN, "answered", "scene", SCENARIO, "escalates", result={"response": "b"}),
        said(t, BEN, "answered", "item", SURVEY, "relevance", result={"response": "2"}),
    ]
    unknown = make_statement(
        "experienced",
        BEN,
        {"objectType": "Activity", "id": "https://other.example/courses/fire-drill"},
        timestamp=t(),
    )
    malformed = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": activity_iri(COURSE, "page", "tp-why-service")},
    }
    return [*ana, *ben, unknown, malformed]


def report_of(path: Path) -> dict[str, Any]:
    return make_report(COURSE, FileSource(path))


def test_a_file_with_a_voided_an_unknown_and_a_malformed_statement_says_so_and_exits_0(
    tmp_path: Path,
) -> None:
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(cohort_statements()))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scormkit",
            "report",
            str(FLAGSHIP),
            "--statements",
            str(source),
            "-o",
            str(tmp_path / "report.html"),
            "--json",
            str(tmp_path / "report.json"),
            "--csv",
            str(tmp_path / "csv"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {tmp_path / 'report.html'} (2 learner(s), 18 statement(s))\n"
    assert result.stderr.splitlines() == [
        "warning: 1 malformed statement(s) skipped",
        "  statement 23: no actor",
        "warning: 1 statement(s) about 1 activity(ies) the spec does not know, left out",
        "  https://other.example/courses/fire-drill (1)",
        "warning: 1 voided statement(s) left out",
        "warning: 1 duplicate statement(s) counted once",
        f"warning: role-play '{SCENARIO}': endings, points, lives, badges and timeouts rebuilt "
        "from the choices and the scene graph (the statements have no ending statements)",
    ]
    found = json.loads((tmp_path / "report.json").read_text())
    assert found["input"] == {
        "read": 23,
        "used": 18,
        "duplicates": 1,
        "voided": 1,
        "voiding": 1,
        "unknown": 1,
        "malformed": 1,
        "malformed_examples": ["statement 23: no actor"],
        "unknown_activities": [
            {"activity": "https://other.example/courses/fire-drill", "statements": 1}
        ],
    }
    csv = (tmp_path / "csv" / "funnel.csv").read_text()
    assert csv == "step,learners,n,share\nlaunched,2,2,1.0\ncompleted,0,2,0.0\npassed,0,2,0.0\n"


def test_the_figures_of_two_learners_are_exact(tmp_path: Path) -> None:
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(cohort_statements()))
    found = report_of(source)
    funnel = found["funnel"]
    assert (funnel["launched"], funnel["completed"], funnel["passed"]) == (2, 0, 0)
    pages = {p["page"]: (p["reached"], p["stopped_here"]) for p in funnel["pages"]}
    assert pages["tp-why-service"] == (2, 1)
    assert pages["tp-five-touchpoints"] == (1, 1)
    assert pages["tp-small-moments"] == (0, 0)
    question = found["questions"][0]
    assert {
        k: question[k]
        for k in (
            "id",
            "n",
            "difficulty",
            "discrimination",
            "upper_n",
            "lower_n",
            "tries",
            "average_tries",
            "average_seconds",
            "flags",
        )
    } == {
        "id": "q-tp-every-role",
        "n": 2,
        "difficulty": 0.0,
        "discrimination": 0.0,
        "upper_n": 1,
        "lower_n": 1,
        "tries": 3,
        "average_tries": 1.5,
        "average_seconds": 12.0,
        "flags": ["almost nobody right"],
    }
    assert question["wrong_choices"] == [{"response": "true", "text": "true", "times": 2}]
    assert found["questions"][1]["n"] == 0  # the voided answer is not counted
    gaps = [
        (g["skill"], g["pass_mark"], g["below"], g["n"], g["average"])
        for g in found["skill_gaps"]
        if g["n"]
    ]
    assert gaps == [
        ("module touchpoints", "80%", 2, 2, 12.5),
        (f"role-play {SCENARIO}: empathy", "4 of 5 points", 1, 2, 2.5),
        (f"role-play {SCENARIO}: privacy", "5 of 6 points", 1, 2, 3.0),
        (f"role-play {SCENARIO}: resolution", "5 of 6 points", 1, 2, 3.0),
    ]
    roleplay = found["roleplays"][0]
    assert roleplay["rebuilt"] is True
    assert (roleplay["learners"], roleplay["runs"], roleplay["finished_runs"]) == (2, 2, 2)
    assert [(e["ending"], e["runs"]) for e in roleplay["endings"]] == [
        ("success-end", 1),
        ("walks-out", 1),
    ]
    assert [(b["badge"], b["runs"]) for b in roleplay["badges"]] == [
        ("calm-in-the-storm", 1),
        ("privacy-guardian", 1),
        ("clean-run", 1),
    ]
    assert roleplay["timeouts"] == [{"scene": "arrival", "times": 1}]
    assert roleplay["lives_lost"] == [
        {"scene": "arrival", "times": 1},
        {"scene": "escalates", "times": 1},
    ]
    assert roleplay["paths"][1]["path"] == "arrival:timeout > escalates:threaten-security"
    relevance, _, _, _, improve = found["surveys"][0]["items"]
    assert [(o["option"], o["count"]) for o in relevance["options"]] == [
        ("Strongly disagree", 0),
        ("Disagree", 1),
        ("Neutral", 0),
        ("Agree", 1),
        ("Strongly agree", 0),
    ]
    assert improve["answers"] == [{"learner": "Ana Diaz", "text": "More role-plays"}]
    learners = {p["learner"]: p for p in found["learners"]}
    assert learners["Ana Diaz"]["roleplays"][SCENARIO] == {
        "runs": 1,
        "best_ending": "success-end",
        "points": {"empathy": 5, "privacy": 6, "resolution": 6},
        "badges": ["calm-in-the-storm", "privacy-guardian", "clean-run"],
    }


def test_a_list_a_statement_result_and_json_lines_give_the_same_report(tmp_path: Path) -> None:
    statements = cohort_statements()
    as_list = tmp_path / "list.json"
    as_list.write_text(json.dumps(statements))
    as_result = tmp_path / "result.json"
    as_result.write_text(json.dumps({"statements": statements, "more": ""}))
    as_lines = tmp_path / "lines.jsonl"
    as_lines.write_text("".join(json.dumps(s) + "\n" for s in statements))
    assert report_of(as_list) == report_of(as_result) == report_of(as_lines)


def test_pseudonymised_learners_are_numbered_and_their_names_appear_nowhere(
    tmp_path: Path,
) -> None:
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(cohort_statements()))
    found = make_report(COURSE, FileSource(source), pseudonymise=True)
    text = json.dumps(found)
    assert "Ana" not in text and "Ben" not in text and "clinic.example" not in text
    assert sorted(p["learner"] for p in found["learners"]) == ["Learner 1", "Learner 2"]


def test_a_file_with_nothing_usable_exits_1_saying_what_was_read(tmp_path: Path) -> None:
    source = tmp_path / "statements.jsonl"
    source.write_text('{"verb": {}}\nnot json\n')
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scormkit",
            "report",
            str(FLAGSHIP),
            "--statements",
            str(source),
            "-o",
            str(tmp_path / "report.html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"error: {source}: no usable statements about course 'healthcare-customer-service' "
        "(2 read, 2 malformed, 0 about other activities)\n"
    )
    assert not (tmp_path / "report.html").exists()


def test_an_unreachable_lrs_gives_a_clear_error_without_the_credentials() -> None:
    source = LrsSource(
        "http://key:secret@127.0.0.1:9/xAPI/",
        "Basic c2VjcmV0OnNlY3JldA==",
        "urn:x",
        sleep=lambda _: None,
    )
    with pytest.raises(ReportError) as caught:
        list(source.statements())
    assert str(caught.value).startswith("cannot reach the LRS at http://127.0.0.1:9/xAPI/: ")
    assert "c2VjcmV0" not in str(caught.value) and "secret" not in str(caught.value)


def test_the_report_from_the_lrs_follows_more_and_matches_the_file(
    lrs: LrsProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scormkit.report.source as source_module

    monkeypatch.setattr(source_module, "PAGE_SIZE", 3)  # several pages: `more` is followed
    since = datetime.now(UTC).isoformat()
    sendable = [s for s in cohort_statements() if "actor" in s]
    send_statements(sendable, lrs.endpoint, lrs.auth)
    from_lrs = make_report(COURSE, LrsSource(lrs.endpoint, lrs.auth, COURSE_IRI, since=since))
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(sendable))
    from_file = report_of(saved)
    # The LRS hides the voided statement and answers only about the course's activities.
    assert from_lrs["input"]["unknown"] == 0 and from_lrs["input"]["voided"] == 0
    assert {k: v for k, v in from_lrs.items() if k != "input"} == {
        k: v for k, v in from_file.items() if k != "input"
    }


class Answers(BaseHTTPRequestHandler):
    """An LRS stand-in on 127.0.0.1 that answers each GET with the next (status, body)."""

    script: ClassVar[list[tuple[int, bytes]]] = []
    seen: ClassVar[list[str]] = []
    paths: ClassVar[list[str]] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        type(self).seen.append(self.headers.get("Authorization", ""))
        type(self).paths.append(self.path)
        status, body = type(self).script.pop(0)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stand_in() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Answers.seen.clear()
    Answers.paths.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}/xAPI/"
    server.shutdown()
    server.server_close()


def test_a_refused_login_is_not_retried_and_the_message_names_no_credentials(
    stand_in: str,
) -> None:
    Answers.script[:] = [(401, b'{"message": "unauthorised"}')]
    source = LrsSource(stand_in, "Basic c2VjcmV0OnNlY3JldA==", COURSE_IRI, sleep=lambda _: None)
    with pytest.raises(ReportError) as caught:
        source.voided_ids()
    assert str(caught.value) == (
        f'the LRS at {stand_in} answered HTTP 401 {{"message": "unauthorised"}}'
    )
    assert Answers.seen == ["Basic c2VjcmV0OnNlY3JldA=="]


def test_a_busy_lrs_is_asked_again_until_it_answers(stand_in: str) -> None:
    waits: list[float] = []
    Answers.script[:] = [(503, b"busy"), (503, b"busy"), (200, b'{"statements": [], "more": ""}')]
    source = LrsSource(stand_in, "Basic eDp5", COURSE_IRI, sleep=waits.append)
    assert list(source.statements()) == []
    assert waits == [0.5, 1.0]


def test_more_links_are_followed_from_the_server_root_and_a_bad_page_is_named(
    stand_in: str,
) -> None:
    page = {"statements": [{"id": "s1"}], "more": "/xAPI/statements?more=p2"}
    last = {"statements": [{"id": "s2"}], "more": f"{stand_in}statements?more=p3"}
    Answers.script[:] = [
        (200, json.dumps(page).encode()),
        (200, json.dumps(last).encode()),
        (200, b'{"more": ""}'),
    ]
    source = LrsSource(stand_in, "Basic eDp5", COURSE_IRI, sleep=lambda _: None)
    statements = source.statements()
    assert [next(statements), next(statements)] == [{"id": "s1"}, {"id": "s2"}]
    with pytest.raises(ReportError) as caught:
        next(statements)
    assert str(caught.value) == f"the LRS at {stand_in} did not answer a StatementResult"
    assert Answers.paths[1:] == ["/xAPI/statements?more=p2", "/xAPI/statements?more=p3"]
    assert Answers.paths[0].startswith("/xAPI/statements?ascending=true&limit=500&activity=")


def test_a_reply_past_the_bound_is_refused_with_a_clear_message(
    stand_in: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scormkit.lrs_client as lrs_client

    monkeypatch.setattr(lrs_client, "LRS_REPLY_BYTES", 64 * 1024)
    huge = json.dumps({"statements": [{"id": "x" * 100}] * 1000, "more": ""}).encode()
    Answers.script[:] = [(200, huge)] * 4  # asked four times, as any failed request
    source = LrsSource(stand_in, "Basic eDp5", COURSE_IRI, sleep=lambda _: None)
    with pytest.raises(ReportError) as caught:
        list(source.statements())
    assert str(caught.value) == f"the LRS at {stand_in} sent a reply larger than 64 KB"


def test_ending_statements_are_taken_as_stated_and_nothing_is_called_rebuilt(
    tmp_path: Path,
) -> None:
    ext = "https://scormkit.dev/xapi/extensions/"
    t = Clock()
    choices = [
        said(t, ANA, "answered", "scene", SCENARIO, scene, result={"response": letter})
        for scene, letter in BEST
    ]
    ending = said(
        t,
        ANA,
        "completed",
        "scenario",
        SCENARIO,
        result={
            "success": True,
            "completion": True,
            "extensions": {
                f"{ext}ending": "success-end",
                f"{ext}ending-kind": "success",
                f"{ext}points": {"empathy": 4, "privacy": 6, "resolution": 6},
                f"{ext}lives": 3,
                f"{ext}badges": ["privacy-guardian"],
            },
        },
    )
    source = tmp_path / "statements.json"
    source.write_text(json.dumps([*choices, ending]))
    found = report_of(source)
    roleplay = found["roleplays"][0]
    assert roleplay["rebuilt"] is False and found["rebuilt"] == []
    assert [(b["badge"], b["runs"]) for b in roleplay["badges"]] == [
        ("calm-in-the-storm", 0),
        ("privacy-guardian", 1),
        ("clean-run", 0),
    ]
    assert roleplay["paths"][0]["path"].startswith("arrival:acknowledge-move > ")


def test_timed_out_statements_count_each_timeout_once_even_with_no_choice_after_it(
    tmp_path: Path,
) -> None:
    lost = {"extensions": {"https://scormkit.dev/xapi/extensions/lost-life": True}}
    timed_out = {"id": "https://scormkit.dev/xapi/verbs/timed-out", "display": {"en": "timed out"}}
    t = Clock()

    def timeout(who: dict[str, Any]) -> dict[str, Any]:
        stated = said(t, who, "answered", "scene", SCENARIO, "arrival", result=lost)
        return {**stated, "verb": timed_out}

    statements = [
        # Ana's timer ran out, then she chose: the timeout is stated, not inferred again.
        timeout(ANA),
        said(t, ANA, "answered", "scene", SCENARIO, "escalates", result={"response": "b"}),
        # Ben's timer ran out and he left: only the statement tells.
        timeout(BEN),
    ]
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(statements))
    roleplay = report_of(source)["roleplays"][0]
    assert roleplay["timeouts"] == [{"scene": "arrival", "times": 2}]
    assert roleplay["lives_lost"] == [
        {"scene": "arrival", "times": 2},
        {"scene": "escalates", "times": 1},
    ]
    assert roleplay["unplaced_choices"] == 0
    assert {c["choice"] for c in roleplay["choices"] if c["scene"] == "arrival"} == {"timeout"}


def test_the_same_statements_give_the_same_bytes(tmp_path: Path) -> None:
    from scormkit.report.csvfiles import write_csv
    from scormkit.report.html import render_html

    source = tmp_path / "statements.json"
    source.write_text(json.dumps(cohort_statements()))
    first, second = report_of(source), report_of(source)
    assert render_html(first) == render_html(second)
    write_csv(first, tmp_path / "a")
    write_csv(second, tmp_path / "b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert all(
        (tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes() for n in names
    )
    assert "http://" not in render_html(first).replace("http://www.w3.org/2000/svg", "")


def test_since_and_registration_filter_a_file_as_they_filter_an_lrs(tmp_path: Path) -> None:
    statements = cohort_statements()
    statements[0]["context"] = {"registration": "6f1e0c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"}
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(statements))
    one = make_report(
        COURSE, FileSource(source, registration=statements[0]["context"]["registration"])
    )
    assert (one["input"]["read"], one["funnel"]["launched"]) == (1, 1)
    later = make_report(COURSE, FileSource(source, since="2026-11-02T09:03:00Z"))
    # Made 10 s apart from 09:00:10: after 09:03 come Ben's survey answer, the unknown
    # activity, the voiding statement (10:00) and the malformed one (no time: kept to count).
    assert later["input"]["read"] == 4
    assert later["input"]["voiding"] == 1 and later["input"]["malformed"] == 1


def test_a_report_needs_exactly_one_of_an_lrs_and_a_file(tmp_path: Path) -> None:
    neither = subprocess.run(
        [sys.executable, "-m", "scormkit", "report", str(FLAGSHIP), "-o", str(tmp_path / "r.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert neither.returncode == 1
    assert neither.stderr == "error: give either --endpoint (an LRS) or --statements (a file)\n"
