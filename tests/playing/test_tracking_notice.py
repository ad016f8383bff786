"""When the LMS starts refusing writes mid-session (an expired LMS session, most often), the
learner is told, politely and accessibly, that progress may not be saved; the player keeps
trying, and the notice clears once a save gets through. SCORM is played against scorm-again;
xAPI and cmi5 against the real test LRS (tests/lrs), made to fail every write: 503 (retried
by the runtime's queue; the notice comes on the third failed try) or 400 (refused for good:
told at once, the statements dropped, the state written again by the player's next save)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import REPO_ROOT
from playwright.sync_api import expect

from scormkit.player_text import PLAYER_TEXT
from scormkit.spec import load_course
from scormkit.testing.learner import Learner, questions_of

from .test_session_end import RESUME, launch_minimal
from .xapi_lms import Launcher, verbs

if TYPE_CHECKING:
    from lrs.gateway import Gateway

    from scormkit.testing import LmsSession

MINIMAL = REPO_ROOT / "course_specs" / "minimal.yaml"
# scorm-again's API objects, made to refuse as an LMS does when its session has expired:
# SetValue/Commit answer "false" and GetLastError names a general failure.
NAMES = {
    "scorm12": ("API", "LMSSetValue", "LMSCommit", "LMSGetLastError", "101"),
    "scorm2004": ("API_1484_11", "SetValue", "Commit", "GetLastError", "391"),
}
REFUSE = """([api, set, commit, error, code]) => {
  const lms = window[api];
  window.kept = { [set]: lms[set], [commit]: lms[commit], [error]: lms[error] };
  lms[set] = () => "false";
  lms[commit] = () => "false";
  lms[error] = () => code;
}"""
ACCEPT = "([api]) => Object.assign(window[api], window.kept)"


@pytest.mark.parametrize("target", ["scorm12", "scorm2004"])
def test_the_learner_is_told_while_the_lms_refuses_writes_and_the_notice_clears(
    lms: LmsSession, built_package: Callable[..., Path], target: str
) -> None:
    course = load_course(MINIMAL)
    frame = lms.launch(built_package("minimal.yaml", target))
    learner = Learner(frame, course)
    if frame.locator("#sk-start").is_visible():
        frame.locator("#sk-start").click()  # past the course's cover
    notice = frame.locator("#sk-saving")
    expect(notice).to_be_hidden()
    lms.page.evaluate(REFUSE, NAMES[target])
    learner.next(0)  # a new page is saved, and refused
    expect(notice).to_be_visible()
    expect(notice).to_have_text(PLAYER_TEXT["en"]["saving_refused"])
    expect(notice).to_have_attribute("role", "status")
    lms.page.evaluate(ACCEPT, NAMES[target])
    # The player asks again by itself (every 10 s); the first save that gets through clears it.
    expect(notice).to_be_hidden(timeout=15_000)
    data = lms.data_model()
    location = "cmi.core.lesson_location" if target == "scorm12" else "cmi.location"
    assert data[location] == course.modules[0].pages[1].id


@pytest.mark.parametrize("status", [503, 400])
@pytest.mark.parametrize("target", ["xapi", "cmi5"])
def test_the_learner_is_told_while_the_lrs_fails_writes_and_statements_arrive_after(
    launcher: Launcher, gateway: Gateway, tmp_path: Path, target: str, status: int
) -> None:
    course, activity_id = launch_minimal(launcher, target, tmp_path)
    frame = launcher.page.main_frame
    learner = Learner(frame, course)
    if frame.locator("#sk-start").is_visible():
        frame.locator("#sk-start").click()
    launcher.wait_for_verbs("initialized", "experienced")
    notice = frame.locator("#sk-saving")
    expect(notice).to_be_hidden()
    gateway.failing = status
    try:
        learner.next(0)  # a new page: its statement and the resume state fail
        expect(notice).to_have_text(PLAYER_TEXT["en"]["saving_refused"])
        expect(notice).to_be_visible()
        expect(notice).to_have_attribute("role", "status")
    finally:
        gateway.failing = 0
    # 503: the queue's next try gets through; 400: the player's next save (every 10 s).
    expect(notice).to_be_hidden(timeout=20_000)
    first = questions_of(course)[0]
    learner.answer(first)
    said = verbs(launcher.wait_for_verbs("answered"))
    # What failed with 503 was sent again; what was refused for good was not.
    assert said.count("experienced") == (2 if status == 503 else 1)
    state = gateway.get_state(activity_id, launcher.actor, launcher.registration, RESUME)
    assert state["location"] == course.modules[0].pages[1].id  # written once the LRS was back
    expect(notice).to_be_hidden()
