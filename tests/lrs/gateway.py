"""The LMS side of xAPI and cmi5 launches, for the browser tests; statements land in the real LRS.

One server on 127.0.0.1 (scormkit's LocalServer, the one the preview and the SCORM test LMS
use) serves the unpacked packages, the cmi5 fetch URL (§8.2), and an xAPI
endpoint whose /statements calls are passed through to the real LRS (npm xapi-statements),
while the State API and Agent Profile API, which that LRS lacks, are kept here in memory. The
package and its endpoint share one origin, as they do when an LMS proxies its LRS.

Every launch has its own credential (a cmi5 fetch token, or an xAPI launch's `auth`), and
every request made with it is recorded in `sessions` (sessions.py). Like ADL's CATAPULT player,
the endpoint refuses any request of a session after its `terminated` was stored (403).
`down = True` makes the endpoint answer 503 to statements, as an LRS that is unreachable;
`failing = N` answers status N to every write, statements and State API alike. `slow` holds
requests (by "PUT activities/state", "POST statements") for some seconds before the LMS sees
them, as a slow proxy in front of the LMS would (CATAPULT's CTS, in front of its player, reads
a document's ETag before each PUT), so a request can still be on its way when the learner's
window closes; `held` counts the requests held so far, `holding` those held now.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from scormkit.lms.server import LocalServer, Request, Response, content_type

from . import LrsProcess
from .sessions import Session, SessionLog

JSON = "application/json"


class Gateway:
    """Packages, fetch URLs and an xAPI endpoint in front of `lrs`, until `stop()`."""

    def __init__(self, lrs: LrsProcess) -> None:
        self.lrs = lrs
        self.down = False
        self.failing = 0  # a status answered to every write, or 0
        self.slow: dict[str, float] = {}  # "METHOD resource" -> seconds held on the way
        self.held = 0  # requests held so far
        self.holding = 0  # requests held now
        self.statement_posts = 0  # POSTs of statements that reached the real LRS
        self.refused_posts = 0  # POSTs answered 503 while down
        self.state: dict[tuple[str, str, str, str], bytes] = {}
        self.sessions = SessionLog()
        self.fetches: dict[str, int] = {}  # fetch id -> POSTs received
        self._tokens: dict[str, Session] = {}  # fetch id -> the session its token opens
        self.fetch_gets = 0
        self._lock = threading.Lock()
        self.server = LocalServer()
        self.server.handle("fetch", self._fetch)
        self.server.handle("return", self._return)
        self.server.handle("lrs", self._lrs)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def endpoint(self) -> str:
        return f"{self.url}/lrs/"

    def mount(self, folder: Path) -> str:
        """Serve `folder`; return its base URL."""
        return self.server.mount(f"pkg/{uuid.uuid4().hex[:8]}", folder)

    def new_fetch_url(self) -> tuple[str, Session]:
        """A fresh cmi5 fetch URL, good for one token, and the session that token opens."""
        ident = uuid.uuid4().hex
        self.fetches[ident] = 0
        self._tokens[ident] = self.sessions.new("cmi5")
        return f"{self.url}/fetch/{ident}", self._tokens[ident]

    def new_xapi_session(self) -> Session:
        """A session for one xAPI launch: its `auth` goes in the launch URL."""
        return self.sessions.new("xapi")

    def put_state(self, activity: str, agent: dict[str, Any], registration: str, state_id: str,
                  value: dict[str, Any]) -> None:  # fmt: skip
        """Store a State API document, as the LMS does with LMS.LaunchData."""
        key = (activity, _agent_key(agent), registration, state_id)
        self.state[key] = json.dumps(value).encode()

    def get_state(self, activity: str, agent: dict[str, Any], registration: str,
                  state_id: str) -> Any:  # fmt: skip
        raw = self.state.get((activity, _agent_key(agent), registration, state_id))
        return None if raw is None else json.loads(raw)

    def stop(self) -> None:
        self.server.stop()

    def _return(self, request: Request) -> Response:
        return Response(b"<title>LMS</title><p>Back in the LMS.</p>", content_type("x.html"))

    def _fetch(self, request: Request) -> Response:
        if request.method != "POST":
            self.fetch_gets += 1
            return Response(b"", JSON, 405)
        ident = request.path
        if ident not in self.fetches:
            return Response(b"", JSON, 404)
        with self._lock:
            self.fetches[ident] += 1
            used = self.fetches[ident] > 1
        if used:  # cmi5 §8.2.3: one token per launch
            error = {"error-code": "1", "error-text": "already used"}
            return Response(json.dumps(error).encode(), JSON)
        token = self._tokens[ident].auth.removeprefix("Basic ")
        return Response(json.dumps({"auth-token": token}).encode(), JSON)

    def _lrs(self, request: Request) -> Response:
        if request.headers.get("x-experience-api-version", "")[:4] != "1.0.":
            return Response(b'{"error": "missing X-Experience-API-Version"}', JSON, 400)
        session = self.sessions.find(request.headers.get("authorization", ""))
        if session is None:
            return Response(b"", JSON, 401)
        query = {k: v[0] for k, v in parse_qs(request.query).items()}
        hold = self.slow.get(f"{request.method} {request.path}", 0)
        if hold:
            with self._lock:
                self.held += 1
                self.holding += 1
            time.sleep(hold)
            with self._lock:
                self.holding -= 1
        call = self.sessions.arrive(session, request.method, request.path, query, request.body)
        if call.status == 403:  # cmi5 spec 8.1.2.0: the token died with its session
            return Response(b'{"error": "the session has terminated"}', JSON, 403)
        if self.failing and request.method in ("PUT", "POST"):
            response = Response(b'{"error": "not now"}', JSON, self.failing)
        elif request.path == "statements":
            response = self._statements(request)
        elif request.path == "activities/state":
            response = self._state(request)
        else:
            response = Response(b"", JSON, 404)  # agents/profile included: no documents kept
        self.sessions.answer(session, call, response.status)
        return response

    def _statements(self, request: Request) -> Response:
        method, query = request.method, request.query
        if self.down and method != "GET":
            self.refused_posts += 1
            return Response(b'{"error": "the LRS is down"}', JSON, 503)
        url = self.lrs.endpoint + "statements" + (f"?{query}" if query else "")
        forwarded = urllib.request.Request(
            url,
            data=request.body if method != "GET" else None,
            method=method,
            headers={
                "Authorization": self.lrs.auth,
                "X-Experience-API-Version": "1.0.3",
                "Content-Type": JSON,
            },
        )
        try:
            with urllib.request.urlopen(forwarded, timeout=10) as response:
                status, data = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, data = error.code, error.read()
        if method == "POST" and status < 300:
            self.statement_posts += 1
        return Response(data, JSON, status)

    def _state(self, request: Request) -> Response:
        query = {k: v[0] for k, v in parse_qs(request.query).items()}
        try:
            agent = json.loads(query["agent"])
            key = (query["activityId"], _agent_key(agent), query.get("registration", ""),
                   query["stateId"])  # fmt: skip
        except (KeyError, ValueError):
            return Response(b"", JSON, 400)
        if request.method in ("PUT", "POST"):
            self.state[key] = request.body
            return Response(b"", JSON, 204)
        if key not in self.state:
            return Response(b"", JSON, 404)
        return Response(self.state[key], JSON)


def _agent_key(agent: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in agent.items() if k != "name"}, sort_keys=True)
