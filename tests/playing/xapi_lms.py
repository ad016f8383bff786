"""Launching xAPI (tincan.xml) and cmi5 packages from a test LMS; reading what the LRS stored."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from lrs import validate
from lrs.gateway import Gateway
from lrs.sessions import Call, Session, describe

from scormkit.statements import agent as make_agent
from scormkit.testing.packages import unpack

if TYPE_CHECKING:
    from lrs import LrsProcess
    from playwright.sync_api import Page

ADL = "http://adlnet.gov/expapi/verbs/"
CMI5 = "https://w3id.org/xapi/cmi5/context/"
SESSION_ID = f"{CMI5}extensions/sessionid"
STORED_BY_LRS = ("stored", "authority", "version")


def verbs(statements: list[dict[str, Any]]) -> list[str]:
    """The verbs' last IRI segments, in order."""
    return [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]


def about(statements: list[dict[str, Any]], object_id: str) -> list[dict[str, Any]]:
    """The statements whose object is `object_id` (the course's, not a role-play's ending)."""
    return [s for s in statements if s["object"]["id"] == object_id]


def as_sent(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored statement without what the LRS added."""
    return {k: v for k, v in stored.items() if k not in STORED_BY_LRS}


def wait_for(
    check: Callable[[], bool], what: str, page: Page | None = None, timeout: float = 20
) -> None:
    """Poll `check`; with `page`, wait through playwright so its events keep flowing."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if page is not None:
            page.wait_for_timeout(200)
        else:
            time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@dataclass
class Launcher:
    """One learner's registration: launches a package again and again, reads its statements."""

    page: Page
    gateway: Gateway
    lrs: LrsProcess
    workdir: Path
    registration: str = field(default_factory=lambda: str(uuid.uuid4()))
    actor: dict[str, Any] = field(
        default_factory=lambda: make_agent(
            account=f"learner-{uuid.uuid4().hex[:8]}", home_page="https://lms.test", name="Ana"
        )
    )
    sessions: list[Session] = field(default_factory=list)  # one per launch, oldest first
    _base: str = ""

    def serve(self, zip_path: Path) -> None:
        self._base = self.gateway.mount(unpack(zip_path, self.workdir / zip_path.stem))

    def launch_xapi(self, activity_id: str) -> None:
        session = self.gateway.new_xapi_session()
        self.sessions.append(session)
        query = urlencode(
            {
                "endpoint": self.gateway.endpoint,
                "auth": session.auth,
                "actor": json.dumps(self.actor),
                "registration": self.registration,
                "activity_id": activity_id,
            }
        )
        self.page.goto(f"{self._base}index.html?{query}")

    def launch_cmi5(
        self,
        activity_id: str,
        au_id: str,
        mastery: float | None,
        mode: str = "Normal",
        url: str = "index.html",
        return_url: bool = True,
    ) -> str:
        """Launch as a cmi5 LMS does (§8, §10): LaunchData first, then the AU; the session id."""
        session = str(uuid.uuid4())
        template = {
            "contextActivities": {"grouping": [{"objectType": "Activity", "id": au_id}]},
            "extensions": {SESSION_ID: session},
        }
        launch_data: dict[str, Any] = {
            "contextTemplate": template,
            "launchMode": mode,
            "moveOn": "CompletedAndPassed",
        }
        if return_url:
            launch_data["returnURL"] = f"{self.gateway.url}/return"
        if mastery is not None:
            launch_data["masteryScore"] = mastery
        self.gateway.put_state(
            activity_id, self.actor, self.registration, "LMS.LaunchData", launch_data
        )
        fetch, lms_session = self.gateway.new_fetch_url()
        self.sessions.append(lms_session)
        query = urlencode(
            {
                "endpoint": self.gateway.endpoint,
                "fetch": fetch,
                "actor": json.dumps(self.actor),
                "registration": self.registration,
                "activityId": activity_id,
            }
        )
        # The AU's url from cmi5.xml, with the launch parameters added to its query (§8.1).
        self.page.goto(f"{self._base}{url}{'&' if '?' in url else '?'}{query}")
        return session

    def leave(self, at_once: bool = False) -> None:
        """Navigate the course's window elsewhere: the page goes away.

        A moment after the learner's last step, unless `at_once`: a launch whose page goes
        while a request is still on its way is left for the LMS to abandon, not terminated.
        """
        if not at_once:
            self.wait_quiet()
        self.page.goto("about:blank")

    def close_window(self, at_once: bool = False) -> None:
        """Close the course's window (its tab); `at_once` as for `leave`."""
        if not at_once:
            self.wait_quiet()
        self.page.close()

    def check_ended(self, session: Session | None = None) -> list[Call]:
        """Assert a launch ended as cmi5 spec 9.3.0.0 and 8.1.2.0 ask; return its requests.

        `terminated` was stored once, by the session's last request; every statement was
        stored once and sent again only after a refusal; nothing came after `terminated`.
        """
        session = session or self.sessions[-1]
        wait_for(lambda: session.terminated, "terminated stored", _alive(self.page))
        # Anything the page still had to send arrives within this.
        _pause(self.page, 0.5)
        calls = list(session.calls)
        log = describe(session)
        assert session.refused == [], f"requests after terminated:\n{log}"
        assert calls[-1].verbs[-1:] == ("terminated",) and calls[-1].status < 300, log
        with_terminated = [c for c in calls if "terminated" in c.verbs]
        assert all(c.status >= 500 for c in with_terminated[:-1]), log
        for statement_id in {i for c in calls for i in c.ids}:
            carried = [c.status for c in calls if statement_id in c.ids]
            assert all(s >= 500 for s in carried[:-1]) and carried[-1] < 300, log
        return calls

    def check_left(self, session: Session | None = None) -> list[Call]:
        """Assert a launch was left open for the LMS to abandon (cmi5 spec 9.3.6); its requests.

        Once every request has arrived: no `terminated` was stored, nothing was refused as
        coming after one, and no statement was sent again once stored.
        """
        session = session or self.sessions[-1]
        self.wait_quiet(session)
        calls = list(session.calls)
        log = describe(session)
        assert session.refused == [], f"requests after terminated:\n{log}"
        assert not session.terminated, log
        for statement_id in {i for c in calls for i in c.ids}:
            carried = [c.status for c in calls if statement_id in c.ids]
            assert all(s >= 500 for s in carried[:-1]), log
        return calls

    def wait_quiet(self, session: Session | None = None, seconds: float = 1.0) -> None:
        """Wait until every request of the launch was answered and none came for `seconds`."""
        session = session or self.sessions[-1]
        page = _alive(self.page)
        seen = -1
        quiet_since = time.monotonic()

        def quiet() -> bool:
            nonlocal seen, quiet_since
            calls = list(session.calls)
            busy = self.gateway.holding or any(c.status == 0 for c in calls)
            if len(calls) != seen or busy:
                seen, quiet_since = len(calls), time.monotonic()
            return time.monotonic() - quiet_since >= seconds

        wait_for(quiet, "the launch's requests to end", page)

    def check_nothing_refused(self) -> None:
        """Assert no launch of this learner used its credential after `terminated`."""
        _pause(None, 0.3)
        for session in self.sessions:
            assert session.refused == [], f"requests after terminated:\n{describe(session)}"

    def statements(self) -> list[dict[str, Any]]:
        """What the LRS holds for this registration, oldest first."""
        return self.lrs.statements(registration=self.registration)

    def wait_for_verbs(self, *wanted: str, count: int = 1) -> list[dict[str, Any]]:
        """Wait until the LRS holds `count` statements of each verb in `wanted`."""
        wait_for(
            lambda: all(verbs(self.statements()).count(v) >= count for v in wanted),
            f"{wanted} in the LRS",
            self.page,
        )
        return self.statements()

    def check_valid(self, statements: list[dict[str, Any]]) -> None:
        assert validate([as_sent(s) for s in statements]) == []
        ids = [s["id"] for s in statements]
        assert len(ids) == len(set(ids)), "a statement was stored twice"
        assert all(s["actor"] == self.actor for s in statements)


def _alive(page: Page) -> Page | None:
    return None if page.is_closed() else page


def _pause(page: Page | None, seconds: float) -> None:
    if page is not None and not page.is_closed():
        page.wait_for_timeout(seconds * 1000)
    else:
        time.sleep(seconds)
