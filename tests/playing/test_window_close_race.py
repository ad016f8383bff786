"""The learner's window closes right after an answer, while a request is still on its way.

Requests a page sends as it goes away cannot be awaited, and nothing orders them at the LMS:
a state write or statement batch still on its way could reach the LMS after a `terminated`
sent at page close, which the LMS must refuse (cmi5 spec 9.3.0.0-5, 8.1.2.0-2; ADL's
CATAPULT player does). The test LMS holds the request on its way (a slow proxy) so the window
closes while it is in flight, every time: the session must then end without `terminated`,
left for the LMS to abandon (cmi5 spec 9.3.6), with the answer and the resume state stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from scormkit.testing.learner import Learner

from .test_session_end import RESUME, launch_minimal, stop_midway
from .xapi_lms import Launcher, verbs, wait_for

if TYPE_CHECKING:
    from lrs.gateway import Gateway

HELD = 2.0  # seconds the held request waits on its way to the LMS


@pytest.mark.parametrize("held", ["PUT activities/state", "POST statements"])
@pytest.mark.parametrize("target", ["cmi5", "xapi"])
def test_a_window_closed_while_a_request_is_on_its_way_is_left_without_terminated(
    launcher: Launcher, gateway: Gateway, tmp_path: Path, target: str, held: str
) -> None:
    course, activity_id = launch_minimal(launcher, target, tmp_path)
    learner = Learner(launcher.page.main_frame, course)
    launcher.wait_for_verbs("initialized")
    held_before = gateway.held
    gateway.slow = {held: HELD}
    try:
        on = stop_midway(learner, course)  # the answer's state and statements go out now
        wait_for(lambda: gateway.held > held_before, f"a {held} on its way", launcher.page)
        launcher.close_window(at_once=True)
        calls = launcher.check_left()
    finally:
        gateway.slow = {}
    log = "\n".join(map(str, calls))
    assert not [c for c in calls if "terminated" in c.verbs], f"terminated was sent:\n{log}"
    assert any(f"{c.method} {c.resource}" == held and c.status < 300 for c in calls), log
    saved = gateway.get_state(activity_id, launcher.actor, launcher.registration, RESUME)
    assert saved["location"] == on
    stored = launcher.statements()
    launcher.check_valid(stored)  # each statement stored once
    said = verbs(stored)
    assert "answered" in said and "terminated" not in said
