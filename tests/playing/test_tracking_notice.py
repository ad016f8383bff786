"""When the LMS starts refusing writes mid-session (an expired LMS session, most often), the
learner is told, politely and accessibly, that progress may not be saved; the player keeps
trying, and the notice clears once a save gets through. Played against scorm-again."""

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
from scormkit.testing.learner import Learner

if TYPE_CHECKING:
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
