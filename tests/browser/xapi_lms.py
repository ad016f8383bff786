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
    _base: str = ""

    def serve(self, zip_path: Path) -> None:
        self._base = self.gateway.mount(unpack(zip_path, self.workdir / zip_path.stem))

    def launch_xapi(self, activity_id: str) -> None:
        query = urlencode(
            {
                "endpoint": self.gateway.endpoint,
                "auth": self.lrs.auth,
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
    ) -> str:
        """Launch as a cmi5 LMS does (§8, §10): LaunchData first, then the AU; the session id."""
        session = str(uuid.uuid4())
        template = {
            "contextActivities": {"grouping": [{"objectType": "Activity", "id": au_id}]},
            "extensions": {SESSION_ID: session},
        }
        launch_data = {
            "contextTemplate": template,
            "launchMode": mode,
            "moveOn": "CompletedAndPassed",
            "returnURL": f"{self.gateway.url}/return",
        }
        if mastery is not None:
            launch_data["masteryScore"] = mastery
        self.gateway.put_state(
            activity_id, self.actor, self.registration, "LMS.LaunchData", launch_data
        )
        query = urlencode(
            {
                "endpoint": self.gateway.endpoint,
                "fetch": self.gateway.new_fetch_url(),
                "actor": json.dumps(self.actor),
                "registration": self.registration,
                "activityId": activity_id,
            }
        )
        # The AU's url from cmi5.xml, with the launch parameters added to its query (§8.1).
        self.page.goto(f"{self._base}{url}{'&' if '?' in url else '?'}{query}")
        return session

    def leave(self) -> None:
        """Close the course like closing its window: the page goes away."""
        self.page.goto("about:blank")

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
