"""`scormkit report` over a cmi5 learner who really played, left and resumed in Chromium.

The test LMS launches the cmi5 build as a cmi5 LMS does (its own activity id, a contextTemplate
with the AU's publisher id and a session id per launch); the learner answers the first question,
leaves, is launched again, resumes and finishes. The report, read back from the test LRS, finds
every statement through the AU's publisher id, counts the course as launched, completed and
passed, and sums the time of both sessions.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from scormkit.report import LrsSource, make_report
from scormkit.report.cohort import seconds
from scormkit.testing.learner import Learner, questions_of
from scormkit.xapi_activities import course_iri

from .test_session_end import cmi5_au, stop_midway
from .xapi_lms import SESSION_ID, Launcher

if TYPE_CHECKING:
    from lrs import LrsProcess
    from lrs.gateway import Gateway
    from playwright.sync_api import Page


def test_a_cmi5_learner_who_resumes_is_reported_from_the_lrs_with_both_sessions(
    page: Page, gateway: Gateway, lrs: LrsProcess, tmp_path: Path
) -> None:
    since = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    zip_path, au = cmi5_au(False, tmp_path)
    launcher = Launcher(page, gateway, lrs, tmp_path)
    launcher.serve(zip_path)
    launcher.launch_cmi5(au.activity_id, au.au_id, au.mastery, return_url=False)
    learner = Learner(launcher.page.main_frame, au.course)
    stop_midway(learner, au.course)
    launcher.leave()
    launcher.check_ended()
    launcher.launch_cmi5(au.activity_id, au.au_id, au.mastery, return_url=False)
    learner.continue_where_left_off()
    for question in questions_of(au.course)[1:]:
        learner.answer(question)
    learner.finish()
    launcher.check_ended()
    launcher.check_nothing_refused()

    stored = launcher.statements()
    # What a reader would add up by hand: per session, the longest duration stated in it.
    longest: dict[str, float] = {}
    for statement in stored:
        taken = seconds(statement.get("result", {}).get("duration"))
        session = statement["context"]["extensions"][SESSION_ID]
        if taken is not None:
            longest[session] = max(longest.get(session, 0.0), taken)
    assert len(longest) == 2
    # The AU's own statements are about the LMS's activity id, not the course.
    assert {s["object"]["id"] for s in stored if s["verb"]["id"].endswith("/initialized")} == {
        au.activity_id
    }

    found = make_report(
        au.course, LrsSource(lrs.endpoint, lrs.auth, course_iri(au.course), since=since)
    )
    assert found["input"]["unknown"] == 0 and found["input"]["malformed"] == 0
    assert found["input"]["used"] == len(stored)
    funnel = found["funnel"]
    assert (funnel["launched"], funnel["completed"], funnel["passed"], funnel["failed"]) == (
        1,
        1,
        1,
        0,
    )
    assert [(p["page"], p["reached"]) for p in funnel["pages"]] == [("welcome", 1), ("check", 1)]
    assert [(q["id"], q["n"], q["difficulty"], q["tries"]) for q in found["questions"]] == [
        ("q-identifiers", 1, 1.0, 1),
        ("q-verify-first", 1, 1.0, 1),
    ]
    minutes = round(sum(longest.values()) / 60, 1)
    assert found["time"] == {"n": 1, "sessions": 2, "average_minutes": minutes}
    (row,) = found["learners"]
    assert (row["sessions"], row["minutes"], row["completed"], row["passed"]) == (
        2,
        minutes,
        True,
        True,
    )
