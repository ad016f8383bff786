"""The LMS side of xAPI and cmi5 launches, for the browser tests; statements land in the real LRS.

One server on 127.0.0.1 serves the unpacked packages, the cmi5 fetch URL (§8.2), and an xAPI
endpoint whose /statements calls are passed through to the real LRS (npm xapi-statements),
while the State API and Agent Profile API, which that LRS lacks, are kept here in memory. The
package and its endpoint share one origin, as they do when an LMS proxies its LRS.
`down = True` makes the endpoint answer 503 to statements, as an LRS that is unreachable.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import threading
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import PASSWORD, USERNAME, LrsProcess

TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8"}  # fmt: skip


class Gateway:
    """Packages, fetch URLs and an xAPI endpoint in front of `lrs`, until `stop()`."""

    def __init__(self, lrs: LrsProcess) -> None:
        self.lrs = lrs
        self.down = False
        self.statement_posts = 0  # POSTs of statements that reached the real LRS
        self.refused_posts = 0  # POSTs answered 503 while down
        self.state: dict[tuple[str, str, str, str], bytes] = {}
        self.fetches: dict[str, int] = {}  # fetch id -> POSTs received
        self.fetch_gets = 0
        self._mounts: dict[str, Path] = {}
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def endpoint(self) -> str:
        return f"{self.url}/lrs/"

    def mount(self, folder: Path) -> str:
        """Serve `folder`; return its base URL."""
        key = uuid.uuid4().hex[:8]
        with self._lock:
            self._mounts[key] = folder.resolve()
        return f"{self.url}/pkg/{key}/"

    def new_fetch_url(self) -> str:
        """A fresh cmi5 fetch URL, good for one token."""
        ident = uuid.uuid4().hex
        self.fetches[ident] = 0
        return f"{self.url}/fetch/{ident}"

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
        self._httpd.shutdown()
        self._httpd.server_close()


def _agent_key(agent: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in agent.items() if k != "name"}, sort_keys=True)


def _handler(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def _send(self, status: int, body: bytes = b"", kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_GET(self) -> None:  # noqa: N802
            self._route("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._route("POST")

        def do_PUT(self) -> None:  # noqa: N802
            self._route("PUT")

        def _route(self, method: str) -> None:
            parts = urlsplit(self.path)
            body = self._body() if method in ("POST", "PUT") else b""
            path = parts.path
            if path.startswith("/pkg/"):
                return self._static(path)
            if path.startswith("/fetch/"):
                return self._fetch(method, path.removeprefix("/fetch/"))
            if path == "/return":
                return self._send(200, b"<title>LMS</title><p>Back in the LMS.</p>", TYPES[".html"])
            if not path.startswith("/lrs/"):
                return self._send(404)
            if self.headers.get("X-Experience-API-Version", "")[:4] != "1.0.":
                return self._send(400, b'{"error": "missing X-Experience-API-Version"}')
            if self.headers.get("Authorization") != _expected_auth():
                return self._send(401)
            resource = path.removeprefix("/lrs/")
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            if resource == "statements":
                return self._statements(method, parts.query, body)
            if resource == "activities/state":
                return self._state(method, query, body)
            if resource == "agents/profile":
                return self._send(404)
            return self._send(404)

        def _static(self, path: str) -> None:
            _, _, key, *rest = path.split("/")
            root = gateway._mounts.get(key)
            file = root.joinpath(*rest) if root and rest and ".." not in rest else None
            if file is None or not file.is_file():
                return self._send(404)
            kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "text/plain"
            self._send(200, file.read_bytes(), kind)

        def _fetch(self, method: str, ident: str) -> None:
            if method != "POST":
                gateway.fetch_gets += 1
                return self._send(405)
            if ident not in gateway.fetches:
                return self._send(404)
            gateway.fetches[ident] += 1
            if gateway.fetches[ident] > 1:  # cmi5 §8.2.3: one token per launch
                error = {"error-code": "1", "error-text": "already used"}
                return self._send(200, json.dumps(error).encode())
            token = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
            self._send(200, json.dumps({"auth-token": token}).encode())

        def _statements(self, method: str, query: str, body: bytes) -> None:
            if gateway.down and method != "GET":
                gateway.refused_posts += 1
                return self._send(503, b'{"error": "the LRS is down"}')
            url = gateway.lrs.endpoint + "statements" + (f"?{query}" if query else "")
            request = urllib.request.Request(
                url,
                data=body if method != "GET" else None,
                method=method,
                headers={
                    "Authorization": self.headers["Authorization"],
                    "X-Experience-API-Version": "1.0.3",
                    "Content-Type": "application/json",
                },
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status, data = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, data = error.code, error.read()
            if method == "POST" and status < 300:
                gateway.statement_posts += 1
            self._send(status, data)

        def _state(self, method: str, query: dict[str, str], body: bytes) -> None:
            try:
                agent = json.loads(query["agent"])
                key = (query["activityId"], _agent_key(agent), query.get("registration", ""),
                       query["stateId"])  # fmt: skip
            except (KeyError, ValueError):
                return self._send(400)
            if method == "PUT" or method == "POST":
                gateway.state[key] = body
                return self._send(204)
            if key not in gateway.state:
                return self._send(404)
            self._send(200, gateway.state[key])

    return Handler


def _expected_auth() -> str:
    token = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
    return f"Basic {token}"
