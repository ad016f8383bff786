"""cmi5 packages launched by a test LMS as cmi5 §8-10 describe; statements read from a real LRS."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from lxml import etree
from paths import REPO_ROOT, TESTS

from scormkit.build import build
from scormkit.spec import load_course
from scormkit.testing.learner import Learner, questions_of

from .xapi_lms import CMI5, SESSION_ID, Launcher, about, verbs

if TYPE_CHECKING:
    from lrs.gateway import Gateway

SPECS = REPO_ROOT / "course_specs"
FLAGSHIP = SPECS / "healthcare-customer-service.yaml"
MINIMAL = SPECS / "minimal.yaml"
CS = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
CMI5_CATEGORY = f"{CMI5}categories/cmi5"
MOVEON = f"{CMI5}categories/moveon"
MASTERY = f"{CMI5}extensions/masteryscore"
DEFINED = {"initialized", "completed", "passed", "failed", "terminated"}
ISO_DURATION = r"^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$"


class Cmi5Course:
    """A built cmi5 package: its AU's publisher id, masteryScore, and the LMS's activity id."""

    def __init__(self, spec: Path, out: Path) -> None:
        self.course = load_course(spec)
        self.zip = build(spec, target="cmi5", out_dir=out)
        with zipfile.ZipFile(self.zip) as package:
            au = etree.fromstring(package.read("cmi5.xml")).find(f"{CS}au")
        assert au is not None
        self.au_id = au.get("id", "")
        mastery = au.get("masteryScore")
        self.mastery = float(mastery) if mastery else None
        # LMS-generated, not the publisher id (§8.1); stable for the registration.
        self.activity_id = f"https://lms.test/activities/{uuid.uuid4()}"


def start(launcher: Launcher, spec: Path, tmp_path: Path, mode: str = "Normal") -> Any:
    package = Cmi5Course(spec, tmp_path / "dist")
    launcher.serve(package.zip)
    session = launcher.launch_cmi5(package.activity_id, package.au_id, package.mastery, mode)
    return package, session, Learner(launcher.page.main_frame, package.course)


def categories(statement: dict[str, Any]) -> list[str]:
    found = statement["context"].get("contextActivities", {}).get("category", [])
    return [c["id"] for c in found]


def check_cmi5_rules(stored: list[dict[str, Any]], package: Cmi5Course, session: str) -> None:
    """The statement rules of cmi5 §9 for one session."""
    said = verbs(stored)
    assert said[0] == "initialized"
    assert said[-1] == "terminated"
    for statement, verb in zip(stored, said, strict=True):
        context = statement["context"]
        assert context["registration"]
        assert context["extensions"][SESSION_ID] == session
        grouping = context["contextActivities"]["grouping"]
        assert {"objectType": "Activity", "id": package.au_id} in grouping
        result = statement.get("result", {})
        if verb in DEFINED and statement["object"]["id"] == package.activity_id:
            assert CMI5_CATEGORY in categories(statement)
            assert (MOVEON in categories(statement)) == (
                "success" in result or "completion" in result
            )
            if verb in ("completed", "passed", "failed", "terminated"):
                assert re.match(ISO_DURATION, result["duration"])
            if verb in ("passed", "failed"):
                assert statement["context"]["extensions"][MASTERY] == package.mastery
        else:
            # A cmi5 allowed statement (§9.6.2.1): a role-play's ending is the only one with a
            # defined verb, and it is about the role-play, never the AU.
            assert CMI5_CATEGORY not in categories(statement)
            if verb in DEFINED:
                assert verb == "completed" and "/scenario/" in statement["object"]["id"]
    assert said.count("passed") + said.count("failed") <= 1


def test_the_flagship_as_cmi5_fetches_once_completes_passes_and_returns_to_the_lms(
    launcher: Launcher, gateway: Gateway, tmp_path: Path
) -> None:
    package, session, learner = start(launcher, FLAGSHIP, tmp_path)
    learner.work_through()
    learner.finish()
    launcher.page.wait_for_url(f"{gateway.url}/return")
    launcher.check_ended()
    stored = launcher.wait_for_verbs("terminated")
    launcher.check_valid(stored)
    check_cmi5_rules(stored, package, session)
    said = verbs(stored)
    assert verbs(about(stored, package.activity_id)).count("completed") == 1
    assert said.count("passed") == 1
    # The role-play's ending is its own statement, about the role-play (a cmi5 allowed one).
    completed = [s["object"]["id"] for s in stored if s["verb"]["id"].endswith("/completed")]
    assert len(completed) == 2 and "/scenario/" in completed[0]
    passed = stored[said.index("passed")]
    assert passed["result"]["success"] is True
    assert passed["result"]["score"]["scaled"] >= package.mastery
    answered = [
        s
        for s in stored
        if s["verb"]["id"].endswith("/answered") and "/question/" in s["object"]["id"]
    ]
    assert len(answered) == len(questions_of(package.course))
    assert all(s["result"]["success"] for s in answered)
    assert [n for n in gateway.fetches.values() if n != 1] == []
    assert gateway.fetch_gets == 0


def test_a_failing_learner_gets_one_failed_statement_below_mastery(
    launcher: Launcher, tmp_path: Path
) -> None:
    package, session, learner = start(launcher, MINIMAL, tmp_path)
    learner.work_through(wrong=frozenset(q.id for q in questions_of(package.course)))
    learner.finish()
    stored = launcher.wait_for_verbs("terminated")
    launcher.check_valid(stored)
    check_cmi5_rules(stored, package, session)
    said = verbs(stored)
    assert said.count("failed") == 1 and "passed" not in said
    assert stored[said.index("failed")]["result"]["score"]["scaled"] < package.mastery


def test_browse_mode_sends_no_completed_passed_or_failed(
    launcher: Launcher, tmp_path: Path
) -> None:
    package, session, learner = start(launcher, MINIMAL, tmp_path, mode="Browse")
    learner.work_through()
    learner.finish()
    stored = launcher.wait_for_verbs("terminated")
    launcher.check_valid(stored)
    check_cmi5_rules(stored, package, session)
    assert not {"completed", "passed", "failed"} & set(verbs(stored))


def test_a_second_session_resumes_and_does_not_repeat_completed_or_passed(
    launcher: Launcher, tmp_path: Path
) -> None:
    package, first_session, learner = start(launcher, MINIMAL, tmp_path)
    learner.work_through()
    launcher.leave()
    launcher.check_ended()
    first = launcher.wait_for_verbs("terminated")
    check_cmi5_rules(first, package, first_session)
    assert verbs(first).count("completed") == 1
    second_session = launcher.launch_cmi5(package.activity_id, package.au_id, package.mastery)
    learner.continue_where_left_off()
    learner.expect_on(learner.pages[-1].id)
    learner.finish()
    stored = launcher.wait_for_verbs("terminated", count=2)
    launcher.check_valid(stored)
    second = stored[len(first) :]
    check_cmi5_rules(second, package, second_session)
    assert verbs(second) == ["initialized", "experienced", "terminated"]


def test_the_fetch_url_refuses_a_second_token(gateway: Gateway) -> None:
    url, _ = gateway.new_fetch_url()
    answers = []
    for _ in range(2):
        with urllib.request.urlopen(urllib.request.Request(url, method="POST")) as response:
            answers.append(json.loads(response.read()))
    assert "auth-token" in answers[0]
    assert answers[1]["error-code"] == "1"


def test_statements_held_back_while_the_lrs_is_down_arrive_in_order_once(
    launcher: Launcher, gateway: Gateway, tmp_path: Path
) -> None:
    package, session, learner = start(launcher, MINIMAL, tmp_path)
    launcher.wait_for_verbs("initialized", "experienced")
    gateway.down = True
    try:
        learner.work_through()
        assert verbs(launcher.statements()) == ["initialized", "experienced"]
    finally:
        gateway.down = False
    learner.finish()
    launcher.check_ended()
    stored = launcher.wait_for_verbs("terminated", "completed", "passed")
    launcher.check_valid(stored)
    check_cmi5_rules(stored, package, session)
    assert verbs(stored).count("answered") == len(questions_of(package.course))


def test_one_au_per_module_plays_completes_and_passes_only_its_module(
    launcher: Launcher, tmp_path: Path
) -> None:
    spec = (TESTS / "playing") / "specs" / "three-modules.yaml"
    course = load_course(spec)
    zip_path = build(spec, target="cmi5", out_dir=tmp_path / "dist", launch_per_module=True)
    with zipfile.ZipFile(zip_path) as package:
        aus = etree.fromstring(package.read("cmi5.xml")).findall(f"{CS}au")
    au = next(a for a in aus if a.get("id", "").endswith("/au/check"))
    url = au.findtext(f"{CS}url") or ""
    assert url == "index.html?module=check"
    launcher.serve(zip_path)
    played = SimpleNamespace(
        au_id=au.get("id"),
        mastery=float(au.get("masteryScore", "")),
        activity_id=f"https://lms.test/activities/{uuid.uuid4()}",
    )
    session = launcher.launch_cmi5(played.activity_id, played.au_id, played.mastery, url=url)
    part = course.model_copy(update={"modules": [m for m in course.modules if m.id == "check"]})
    learner = Learner(launcher.page.main_frame, part)
    learner.work_through()
    learner.finish()
    stored = launcher.wait_for_verbs("terminated")
    launcher.check_valid(stored)
    check_cmi5_rules(stored, played, session)  # type: ignore[arg-type]
    said = verbs(stored)
    assert said.count("completed") == 1 and said.count("passed") == 1
    answered = [
        s["object"]["id"].rsplit("/", 1)[1] for s in stored if s["verb"]["id"].endswith("/answered")
    ]
    assert answered == [q.id for q in questions_of(part)]
    assert said.count("experienced") == len(part.modules[0].pages)
