"""A test LMS: launches packages in Chromium and reports every API call and the data model.

The LMS side is either scorm-again (npm; give the folder holding its `dist/` files) or, with
no folder, scormkit's own preview LMS (`scormkit/preview/assets/lms-api.js`), which needs
nothing installed. Both pages keep the same contract, so `LmsSession` works with either.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Frame, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scormkit.preview import ASSETS
from scormkit.preview.server import LocalServer
from scormkit.testing.packages import launch_of, unpack
from scormkit.testing.watch import ErrorWatch

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
# SCORM 2004 RTE 4.2: what the LMS keeps and the course may read back.
KEPT_2004 = (
    "cmi.learner_id",
    "cmi.learner_name",
    "cmi.location",
    "cmi.credit",
    "cmi.mode",
    "cmi.completion_status",
    "cmi.success_status",
    "cmi.score.",
    "cmi.progress_measure",
    "cmi.total_time",
    "cmi.suspend_data",
    "cmi.launch_data",
    "cmi.objectives.",
    "cmi.learner_preference.",
)
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
        self.server.mount("preview", ASSETS)  # course-frame.js, and scormkit's LMS side
        if scorm_again is None:
            self.page_path = "/lms/builtin.html"
        else:
            self.server.mount("scorm-again", scorm_again)
            self.page_path = "/lms/lms.html"

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
        self.standard = "scorm12"
        self.watch = ErrorWatch(page.context)
        self._workdir = workdir
        self._mounts: list[str] = []

    def launch(
        self, zip_path: Path, saved: dict[str, str] | None = None, *, new_window: bool = False
    ) -> Frame:
        """Start a session with the package at `zip_path`; return the course's frame, loaded.

        `saved` is what `close()` returned after an earlier session; without it this is the
        learner's first attempt (cmi.core.entry "ab-initio"). With `new_window` the course
        opens in a window of its own, to find the LMS through `window.opener`.
        """
        base_url, package_dir = self._serve(zip_path)
        launch = launch_of(package_dir)
        self.standard = launch.standard
        data = {**LEARNER[launch.standard], **launch.data, **(saved or {})}
        config = {"launchUrl": base_url + launch.href, "data": data, "newWindow": new_window}
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
        """Close the course window, wait for it to end its session and return what the LMS saved.

        Like an LMS, the next session gets entry "resume" only when the course exited with exit
        "suspend" (SCORM 1.2 RTE 3.4, cmi.core.entry; SCORM 2004 RTE 4.2.8, cmi.entry).
        """
        is_12 = self.standard == "scorm12"
        finish = "LMSFinish" if is_12 else "Terminate"
        self.page.evaluate("() => closeCourse()")
        try:
            self.page.wait_for_function(
                f"() => lmsCalls.some(call => call.name === '{finish}')", timeout=FINISH_TIMEOUT_MS
            )
        except PlaywrightTimeout as exc:
            raise AssertionError(f"the course did not call {finish} as its window closed") from exc
        data = self.data_model()
        saved = {key: v for key, v in data.items() if key.startswith(KEPT if is_12 else KEPT_2004)}
        exit_key, entry_key = (
            ("cmi.core.exit", "cmi.core.entry") if is_12 else ("cmi.exit", "cmi.entry")
        )
        saved[entry_key] = "resume" if data.get(exit_key) == "suspend" else ""
        return saved

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
