"""The LRS behind ADL's cmi5 Content Test Suite when it is run on one machine without Docker.

CATAPULT's `player` and `cts` services need an LRS with the Statement, State and Agent Profile
APIs (xAPI 1.0.3, Part Three §2-§7). No LRS installable from npm, PyPI or Debian offers all three
without a MongoDB or a JVM that the registries do not provide, so this front puts two parts
together on 127.0.0.1:

- statements go to Learning Locker's npm `xapi-statements` in its in-memory mode (the same real
  LRS the scormkit tests start, tests/lrs);
- the document APIs (activities/state, activities/profile, agents/profile) are kept here in
  memory, with the ETag, If-Match and If-None-Match rules of xAPI 1.0.3 Part Three §2.1.3
  that CATAPULT relies on (it reads a document's ETag before every PUT or POST of one) and the
  JSON merge of POST (§2.2).

Every request is appended to `requests` so a run can show what reached the LRS, in order.
"""

from __future__ import annotations

import hashlib
import json
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

JSON = "application/json"
DOCUMENT_KEYS = {
    "activities/state": ("activityId", "agent", "registration", "stateId"),
    "activities/profile": ("activityId", "profileId"),
    "agents/profile": ("agent", "profileId"),
}
ID_PARAM = {"activities/state": "stateId", "activities/profile": "profileId",
            "agents/profile": "profileId"}  # fmt: skip
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Experience-API-Version, "
    "If-Match, If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, X-Experience-API-Version",
}


def _agent_key(raw: str) -> str:
    """An agent parameter reduced to its identifier, so key order and `name` do not matter."""
    agent = json.loads(raw)
    return json.dumps({k: v for k, v in agent.items() if k not in ("name", "objectType")},
                      sort_keys=True)  # fmt: skip


class LrsFront:
    """Listens on 127.0.0.1 until `stop()`; statements go to `statements_endpoint`."""

    def __init__(self, statements_endpoint: str, statements_auth: str) -> None:
        self.statements_endpoint = statements_endpoint  # ends with "/"
        self.statements_auth = statements_auth
        self.documents: dict[tuple[str, ...], tuple[bytes, str]] = {}
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        front = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, data, headers = front.handle(self.command, self.path, self.headers, body)
                self.send_response(status)
                for name, value in {**CORS, "X-Experience-API-Version": "1.0.3",
                                    **headers}.items():  # fmt: skip
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_HEAD = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/xapi/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def handle(self, method: str, path: str, headers: Any,
               body: bytes) -> tuple[int, bytes, dict[str, str]]:  # fmt: skip
        parts = urlsplit(path)
        resource = parts.path.removeprefix("/xapi/").strip("/")
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if method == "OPTIONS":
            status, data, extra = 204, b"", {}
        elif resource == "about":
            status, data, extra = 200, b'{"version": ["1.0.3"]}', {"Content-Type": JSON}
        elif resource == "statements":
            status, data, extra = self._statements(method, parts.query, headers, body)
        elif resource in DOCUMENT_KEYS:
            status, data, extra = self._document(method, resource, query, headers, body)
        else:
            status, data, extra = 404, b"", {}
        with self.lock:
            self.requests.append({"method": method, "resource": resource, "status": status,
                                  "id": query.get(ID_PARAM.get(resource, ""), "")})  # fmt: skip
        return status, data, extra

    def _statements(self, method: str, query: str, headers: Any,
                    body: bytes) -> tuple[int, bytes, dict[str, str]]:  # fmt: skip
        url = self.statements_endpoint + "statements" + (f"?{query}" if query else "")
        forwarded = urllib.request.Request(
            url,
            data=body if method in ("POST", "PUT") else None,
            method=method,
            headers={
                "Authorization": self.statements_auth,
                "X-Experience-API-Version": "1.0.3",
                "Content-Type": headers.get("Content-Type") or JSON,
            },
        )
        try:
            with urllib.request.urlopen(forwarded, timeout=20) as response:
                return response.status, response.read(), {"Content-Type": JSON}
        except urllib.error.HTTPError as error:
            return error.code, error.read(), {"Content-Type": JSON}

    def _document(self, method: str, resource: str, query: dict[str, str], headers: Any,
                  body: bytes) -> tuple[int, bytes, dict[str, str]]:  # fmt: skip
        names = DOCUMENT_KEYS[resource]
        id_name = ID_PARAM[resource]
        required = [n for n in names if n not in (id_name, "registration")]
        if any(not query.get(n) for n in required):
            return 400, b'{"error": "missing parameter"}', {}
        try:
            values = tuple(
                _agent_key(query[n]) if n == "agent" else query.get(n, "")
                for n in names
                if n != id_name
            )
        except ValueError:
            return 400, b'{"error": "malformed agent"}', {}
        doc_id = query.get(id_name)
        with self.lock:
            if method == "GET" and doc_id is None:
                ids = [k[-1] for k in self.documents if k[:-1] == (resource, *values)]
                return 200, json.dumps(ids).encode(), {"Content-Type": JSON}
            if doc_id is None:
                if method == "DELETE" and resource == "activities/state":
                    for key in [k for k in self.documents if k[:-1] == (resource, *values)]:
                        del self.documents[key]
                    return 204, b"", {}
                return 400, b'{"error": "missing document id"}', {}
            key = (resource, *values, doc_id)
            current = self.documents.get(key)
            etag = f'"{hashlib.sha1(current[0]).hexdigest()}"' if current else None
            if method in ("GET", "HEAD"):
                if current is None:
                    return 404, b"", {}
                return 200, current[0], {"Content-Type": current[1], "ETag": etag or ""}
            if_match, if_none = headers.get("If-Match"), headers.get("If-None-Match")
            if if_match and if_match != etag:
                return 412, b'{"error": "If-Match does not match"}', {}
            if if_none == "*" and current is not None:
                return 412, b'{"error": "document exists"}', {}
            if method == "DELETE":
                self.documents.pop(key, None)
                return 204, b"", {}
            kind = (headers.get("Content-Type") or JSON).split(";")[0].strip()
            if method == "POST" and current is not None:
                try:
                    merged = {**json.loads(current[0]), **json.loads(body)}
                except (ValueError, TypeError):
                    return 400, b'{"error": "POST merges JSON objects only"}', {}
                self.documents[key] = (json.dumps(merged).encode(), JSON)
            else:
                self.documents[key] = (body, kind)
            return 204, b"", {}
