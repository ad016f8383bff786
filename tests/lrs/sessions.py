"""Launch sessions as the LMS sees them: one credential each, every request recorded in order.

A cmi5 LMS ends a session at `terminated` (cmi5 spec 9.3.0.0, 9.3.8) and refuses its token
afterwards (8.1.2.0); ADL's CATAPULT player answers such a request 403 and marks the AU
non-conformant. `SessionLog` does the same for cmi5 and xAPI launches alike, so a test can
tell that `terminated` was sent once, as the session's last request, and that nothing used
the credential after it.
"""

from __future__ import annotations

import base64
import json
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Call:
    """One request of a session, recorded as it arrived; `status` once answered."""

    method: str
    resource: str  # "statements", "activities/state", "agents/profile"
    verbs: tuple[str, ...]  # the statements' verbs (last IRI segment), for statements
    ids: tuple[str, ...]  # the statements' ids
    document: str  # the stateId or profileId ("" for statements)
    status: int = 0  # what the LMS answered; 403 once the session has ended

    def __str__(self) -> str:
        what = ",".join(self.verbs) or self.document
        ids = ",".join(i[:8] for i in self.ids)
        return f"{self.method} {self.resource} {what} {self.status} {ids}".rstrip()


@dataclass
class Session:
    """One launch's credential and what was asked with it, in order of arrival."""

    auth: str  # the Authorization header value
    calls: list[Call] = field(default_factory=list)
    terminated: bool = False

    @property
    def refused(self) -> list[Call]:
        """Requests that came after `terminated` had been stored."""
        return [c for c in self.calls if c.status == 403]


class SessionLog:
    """The sessions an LMS handed out, by credential; thread-safe."""

    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def new(self, name: str) -> Session:
        """A new session with fresh Basic credentials."""
        token = base64.b64encode(f"{name}:{uuid.uuid4().hex}".encode()).decode()
        session = Session(f"Basic {token}")
        with self._lock:
            self._sessions[session.auth] = session
        return session

    def find(self, auth: str) -> Session | None:
        with self._lock:
            return self._sessions.get(auth)

    def arrive(self, session: Session, method: str, resource: str, query: dict[str, str],
               body: bytes) -> Call:  # fmt: skip
        """Record a request; answered 403 at once when its session has ended."""
        statements = _statements(body) if resource == "statements" and method != "GET" else []
        call = Call(
            method,
            resource,
            tuple(str(s.get("verb", {}).get("id", "")).rsplit("/", 1)[-1] for s in statements),
            tuple(str(s.get("id", "")) for s in statements),
            query.get("stateId") or query.get("profileId") or "",
        )
        with self._lock:
            session.calls.append(call)
            if session.terminated:
                call.status = 403
        return call

    def answer(self, session: Session, call: Call, status: int) -> None:
        """Record the answer to `call`; a stored `terminated` ends the session."""
        with self._lock:
            call.status = status
            if status < 300 and "terminated" in call.verbs:
                session.terminated = True


def describe(session: Session) -> str:
    """A session's requests, one a line, for assertion messages."""
    return "\n".join(str(call) for call in session.calls)


def _statements(body: bytes) -> list[dict[str, Any]]:
    try:
        found = json.loads(body)
    except ValueError:
        return []
    return found if isinstance(found, list) else [found]
