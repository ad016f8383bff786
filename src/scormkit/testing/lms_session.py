"""A test LMS: launches packages in Chromium and reports every API call and the data model.

The LMS side is either scorm-again (npm; give the folder holding its `dist/` files) or, with
no folder, scormkit's own preview LMS (`scormkit/lms/api_page/lms-api.js`), which needs
nothing installed. Both pages keep the same contract, so `LmsSession` works with either.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Frame, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scormkit.lms import API_PAGE
from scormkit.lms.activity_tree import activity_tree
from scormkit.lms.server import LocalServer
from scormkit.testing.error_watch import ErrorWatch
from scormkit.testing.packages import launch_of, unpack

HERE = Path(__file__).resolve().parent
# What the test LMS knows about its learner; an LMS fills these before every launch.
LEARNER = {
    "scorm12": {
        "cmi.core.student_id": "learner-1",
        "cmi.core.student_name": "Learner, Test",
        "cmi.core.credit": "credit",
        "cmi.core.lesson_mode": "normal",
        "cmi.core.entry": "ab-initio",
    },
    "scorm2004": {
        "cmi.learner_id": "learner-1",
        "cmi.learner_name": "Learner, Test",
        "cmi.credit": "credit",
        "cmi.mode": "normal",
        "cmi.entry": "ab-initio",
        "cmi.completion_status": "unknown",
        "cmi.success_status": "unknown",
    },
}
# What an LMS keeps between sessions (SCORM 1.2 RTE 3.4): everything the course may read back.
# Not kept: exit and session_time (write-only, per session), entry (set anew at each launch) and
# interactions (write-only: a journal for reports that the course cannot read).
KEPT = (
    "cmi.core.student_id",
    "cmi.core.student_name",
    "cmi.core.lesson_location",
    "cmi.core.credit",
    "cmi.core.lesson_status",
    "cmi.core.score.",
    "cmi.core.total_time",
    "cmi.core.lesson_mode",
    "cmi.suspend_data",
    "cmi.launch_data",
    "cmi.comments",
    "cmi.objectives.",
    "cmi.student_data.",
    "cmi.student_preference.",
)
FINISH_TIMEOUT_MS = 5_000


@dataclass(frozen=True)
class Standard:
    """What the test LMS does differently for SCORM 1.2 and SCORM 2004."""

    learner: dict[str, str]  # what the LMS sets before every launch, its learner included
    kept: tuple[str, ...]  # what it keeps between sessions
    entry: str  # the element that tells the course whether it resumes
    exit: str  # the element the course ends its session with
    finish: str  # the API function that ends a session


# What a SCORM 2004 LMS keeps between sessions of a suspended attempt (RTE 4.2): everything the
# course may read back. Not kept: exit, session_time (write-only), entry, interactions, and
# adl.nav.request, which the LMS acts on as the session ends.
KEPT_2004 = (
    "cmi.learner_id",
    "cmi.learner_name",
    "cmi.location",
    "cmi.credit",
    "cmi.mode",
    "cmi.completion_status",
    "cmi.success_status",
    "cmi.progress_measure",
    "cmi.score.",
    "cmi.total_time",
    "cmi.suspend_data",
    "cmi.launch_data",
    "cmi.objectives.",
    "cmi.learner_preference.",
)
STANDARDS = {
    "scorm12": Standard(LEARNER["scorm12"], KEPT, "cmi.core.entry", "cmi.core.exit", "LMSFinish"),
    "scorm2004": Standard(LEARNER["scorm2004"], KEPT_2004, "cmi.entry", "cmi.exit", "Terminate"),
}


@dataclass(frozen=True)
class ApiCall:
    """One call the course made to the LMS's API object, and how the LMS answered."""

    name: str  # "LMSSetValue"
    args: list[Any]  # ["cmi.core.lesson_status", "passed"]; strings unless the course erred
    result: Any  # "true", "false" or the value read
    error: str  # LMSGetLastError() right after the call: "0" when it succeeded


class TestLms:
    """The server of a test LMS page and the packages played in it, until `stop()`."""

    def __init__(self, scorm_again: Path | None = None) -> None:
        self.server = LocalServer()
        self.server.mount("lms", HERE / "lms_page")
        self.server.mount("preview", API_PAGE)  # course-frame.js, and scormkit's LMS side
        if scorm_again is None:
            self.page_path = "/lms/builtin.html"
            self.sequencing = False  # scormkit's LMS side runs no sequencing engine
        else:
            self.server.mount("scorm-again", scorm_again)
            self.page_path = "/lms/lms.html"
            self.sequencing = True  # scorm-again's SCORM 2004 sequencing engine

    @property
    def page_url(self) -> str:
        """The address of the LMS page."""
        return self.server.url + self.page_path

    def stop(self) -> None:
        """Stop the server."""
        self.server.stop()


class LmsSession:
    """One learner's sessions with packages, from one browser page: the LMS's.

    `launch()` plays a package in an iframe under the LMS page (or in a window it opens), as an
    LMS does; `close()` ends the session like closing the course window and returns what the
    LMS saved, ready for the next `launch(..., saved=...)`.
    """

    _numbers = itertools.count(1)

    def __init__(self, page: Page, lms: TestLms, workdir: Path) -> None:
        self.page = page
        self.lms = lms
        self.server = lms.server
        self.watch = ErrorWatch(page.context)
        self._workdir = workdir
        self._mounts: list[str] = []
        self.standard = STANDARDS["scorm12"]

    def launch(
        self,
        zip_path: Path,
        saved: dict[str, str] | None = None,
        *,
        new_window: bool = False,
        item: str | None = None,
        sequencing: bool = False,
    ) -> Frame:
        """Start a session with the package at `zip_path`; return the course's frame, loaded.

        `saved` is what `close()` returned after an earlier session; without it this is the
        learner's first attempt (cmi.core.entry "ab-initio"). With `new_window` the course
        opens in a window of its own, to find the LMS through `window.opener`. `item` names the
        manifest item to launch (default: the first). SCORM 1.2 or 2004 follows the manifest.
        With `sequencing` (2004) the LMS runs scorm-again's sequencing engine on the manifest's
        rules; `launch_delivered()` then plays the SCO it delivers next.
        """
        base_url, package_dir = self._serve(zip_path)
        self._served = (base_url, package_dir)
        launch = launch_of(package_dir, item)
        self.standard = STANDARDS[launch.standard]
        data = {**self.standard.learner, **launch.data, **(saved or {})}
        config: dict[str, Any] = {
            "launchUrl": base_url + launch.href,
            "data": data,
            "newWindow": new_window,
            "standard": launch.standard,
        }
        if sequencing:
            if not self.lms.sequencing:
                raise ValueError("sequencing needs the scorm-again LMS side: TestLms(scorm_again)")
            config["sequencing"] = {"activityTree": activity_tree(package_dir)}
        self.page.goto(self.lms.page_url)
        if new_window:
            with self.page.expect_popup() as opened:
                self.page.evaluate("config => startLms(config)", config)
            opened.value.wait_for_load_state()
            return opened.value.main_frame
        self.page.evaluate("config => startLms(config)", config)
        frame = self.page.frame(name="course")
        assert frame is not None, "the LMS page has no course frame"
        return frame

    def sequencing_state(self) -> dict[str, dict[str, str] | None]:
        """The delivered activity and the course (root), each {id, completion, success}."""
        state: dict[str, dict[str, str] | None] = self.page.evaluate("() => currentActivity()")
        return state

    def choose(self, item: str) -> bool:
        """The learner picks `item` in the LMS's course menu (a choice navigation request)."""
        accepted: bool = self.page.evaluate(
            "item => lmsApi.processNavigationRequest('choice', item)", item
        )
        return accepted

    def launch_delivered(self) -> Frame:
        """Play the SCO the sequencing engine has delivered, in the same LMS page and runtime."""
        base_url, package_dir = self._served
        current = self.sequencing_state()["current"]
        assert current is not None, "the sequencing engine has delivered no activity"
        launch = launch_of(package_dir, current["id"])
        self.page.evaluate("url => launchNext(url)", base_url + launch.href)
        frame = self.page.frame(name="course")
        assert frame is not None, "the LMS page has no course frame"
        return frame

    def open_without_lms(self, zip_path: Path) -> Frame:
        """Open the package's launch file as its own page, with no LMS API anywhere above it."""
        base_url, package_dir = self._serve(zip_path)
        self.page.goto(base_url + launch_of(package_dir).href)
        return self.page.main_frame

    def calls(self) -> list[ApiCall]:
        """Every API call of the current session, in order."""
        return [ApiCall(**call) for call in self.page.evaluate("() => window.lmsCalls")]

    def data_model(self) -> dict[str, str]:
        """The cmi data model as the LMS holds it now, e.g. {"cmi.core.lesson_status": "passed"}."""
        flattened = self.page.evaluate("() => lmsDataModel()")
        # Empty arrays (objectives, interactions' lists) flatten to {}: not values.
        return {key: value for key, value in flattened.items() if isinstance(value, str)}

    def close(self) -> dict[str, str]:
        """Close the course window, wait for LMSFinish (Terminate) and return what the LMS saved.

        Like an LMS, the next session gets entry "resume" only when the course exited with exit
        "suspend" (SCORM 1.2 RTE 3.4, cmi.core.entry; SCORM 2004 RTE 4.2.8, cmi.entry).
        """
        self.page.evaluate("() => closeCourse()")
        self.wait_for_finish()
        data = self.data_model()
        standard = self.standard
        saved = {key: value for key, value in data.items() if key.startswith(standard.kept)}
        saved[standard.entry] = "resume" if data.get(standard.exit) == "suspend" else ""
        return saved

    def wait_for_finish(self) -> None:
        """Wait until the course has ended its session (LMSFinish or Terminate)."""
        name = self.standard.finish
        try:
            self.page.wait_for_function(
                f"() => lmsCalls.some(call => call.name === '{name}')", timeout=FINISH_TIMEOUT_MS
            )
        except PlaywrightTimeout as exc:
            raise AssertionError(f"the course did not call {name} as its window closed") from exc

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, failed, refused or outside requests so far."""
        return self.watch.problems()

    def dispose(self) -> None:
        """Stop serving the packages this session unpacked."""
        for prefix in self._mounts:
            self.server.unmount(prefix)
        self._mounts.clear()

    def _serve(self, zip_path: Path) -> tuple[str, Path]:
        number = next(self._numbers)
        package_dir = unpack(zip_path, self._workdir / f"package-{number}")
        prefix = f"pkg/{number}"
        self._mounts.append(prefix)
        return self.server.mount(prefix, package_dir), package_dir
