"""`CoursePlayer`: play a course in headless Chromium as a scripted learner, in a test LMS."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType

from playwright.sync_api import Browser, Frame, Playwright, expect, sync_playwright

from scormkit.build import build
from scormkit.spec import Course, load_course
from scormkit.testing.learner import (
    Learner,
    pages_of,
    questions_of,
    right_response,
    scenarios_of,
    surveys_of,
)
from scormkit.testing.lms_session import ApiCall, LmsSession, TestLms

CHROMIUM_ENV = "SCORMKIT_CHROMIUM"
SCORM_AGAIN_ENV = "SCORMKIT_SCORM_AGAIN"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# Chromium as root needs --no-sandbox; the rest keep it from calling home on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Long enough for a slow CI machine, short enough that a broken course fails fast.
ACTION_TIMEOUT_MS = 10_000


def chromium_path(chromium: Path | str | None = None) -> Path:
    """`chromium`, else $SCORMKIT_CHROMIUM, else /usr/bin/chromium."""
    return Path(chromium or os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM)


def launch_chromium(playwright: Playwright, chromium: Path | str | None = None) -> Browser:
    """Headless Chromium from the machine (never a browser playwright downloads)."""
    return playwright.chromium.launch(
        executable_path=str(chromium_path(chromium)), args=CHROMIUM_ARGS
    )


class CourseRun:
    """One session of a learner with a course: what they do and what the LMS recorded."""

    def __init__(self, session: LmsSession, frame: Frame, course: Course) -> None:
        self.session = session
        self.learner = Learner(frame, course)
        self.course = course

    def open(self, page: int | str) -> None:
        """Open a page from the menu: its number (1 is the first page) or its id."""
        pages = pages_of(self.course)
        page_id = pages[page - 1].id if isinstance(page, int) else page
        self.learner.go_to(page_id)

    def answer(self, question_id: str, *response: str) -> None:
        """Answer a question on the open page: choice letters ("a", "b"...), "t"/"f" or text."""
        question = next((q for q in questions_of(self.course) if q.id == question_id), None)
        if question is None:
            raise ValueError(f"the course has no question '{question_id}'")
        entered = list(response)
        self.learner.enter(question, entered, correct=entered == right_response(question))

    def continue_where_left_off(self) -> None:
        """Answer a relaunched course's "Continue where you left off?" with Continue."""
        self.learner.continue_where_left_off()

    def start_over(self) -> None:
        """Answer a relaunched course's resume prompt with Start over, and confirm."""
        self.learner.start_over()

    def choose(self, scenario_id: str, *choices: str) -> None:
        """Play the scenario on the open page: the ids of the choices made, scene by scene."""
        scenario = next((s for s in scenarios_of(self.course) if s.id == scenario_id), None)
        if scenario is None:
            raise ValueError(f"the course has no scenario '{scenario_id}'")
        self.learner.play(scenario, list(choices))

    def fill_survey(self, survey_id: str, answers: dict[str, str]) -> None:
        """Answer the survey on the open page ({item id: option number or text}) and send it."""
        survey = next((s for s in surveys_of(self.course) if s.id == survey_id), None)
        if survey is None:
            raise ValueError(f"the course has no survey '{survey_id}'")
        self.learner.fill_survey(survey, answers)

    def next(self) -> None:
        """Press Next."""
        self.learner.frame.locator("#sk-next").click()

    def finish(self) -> None:
        """Press Finish (on the last page)."""
        self.learner.finish()

    def close(self) -> dict[str, str]:
        """Close the course window; return what the LMS kept, for `CoursePlayer.launch(saved=)`."""
        return self.session.close()

    def calls(self) -> list[ApiCall]:
        """Every API call of this session so far, in order."""
        return self.session.calls()

    def data_model(self) -> dict[str, str]:
        """The data model as the LMS holds it now, flattened."""
        return self.session.data_model()

    def problems(self) -> list[str]:
        """Console errors, exceptions, failed requests and requests leaving 127.0.0.1."""
        return self.session.problems()


class CoursePlayer:
    """Headless Chromium, a test LMS and packages built from specs, until `close()`.

    The LMS side is scormkit's own (nothing to install) unless `scorm_again` (or
    $SCORMKIT_SCORM_AGAIN) names the `dist/` folder of an npm scorm-again install. Given a
    `browser` (one playwright already runs), the player uses it and leaves it open.
    """

    def __init__(
        self,
        *,
        chromium: Path | str | None = None,
        scorm_again: Path | str | None = None,
        target: str = "scorm12",
        browser: Browser | None = None,
    ) -> None:
        again = scorm_again or os.environ.get(SCORM_AGAIN_ENV)
        self.target = target
        self._packages: dict[Path, Path] = {}
        self._playwright: Playwright | None = None
        if browser is None:
            self._playwright = sync_playwright().start()
            try:
                browser = launch_chromium(self._playwright, chromium)
            except Exception:
                self._playwright.stop()
                raise
        self._browser = browser
        # Made once the browser is there, so a failed start leaves no folder behind.
        self._workdir = tempfile.TemporaryDirectory(prefix="scormkit-testing-")
        self._context = self._browser.new_context()
        self._context.set_default_timeout(ACTION_TIMEOUT_MS)
        self.lms = TestLms(Path(again) if again else None)
        self._session = LmsSession(self._context.new_page(), self.lms, Path(self._workdir.name))

    def launch(
        self, spec: Path | str, saved: dict[str, str] | None = None, *, item: str | None = None
    ) -> CourseRun:
        """Build `spec` (once) and start a session; `saved` is what an earlier `close()` gave.

        `item` names the SCO to launch in a package of one SCO per module (default: the first).
        """
        path = Path(spec).resolve()
        if path not in self._packages:
            out = Path(self._workdir.name) / f"build-{len(self._packages)}"
            self._packages[path] = build(path, self.target, out)
        frame = self._session.launch(self._packages[path], saved, item=item)
        # The player has started (and read what the LMS kept) once it shows a page, or, on a
        # resumed launch, its "Continue where you left off?" prompt.
        shown = "section[data-page-id]:not([hidden]), #sk-resume:not([hidden])"
        expect(frame.locator(shown).first).to_be_visible()
        return CourseRun(self._session, frame, load_course(path))

    def close(self) -> None:
        """Close the browser, stop the LMS server and delete the built packages."""
        self._session.dispose()
        self._context.close()
        if self._playwright is not None:  # the browser is ours
            self._browser.close()
            self._playwright.stop()
        self.lms.stop()
        self._workdir.cleanup()

    def __enter__(self) -> CoursePlayer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
