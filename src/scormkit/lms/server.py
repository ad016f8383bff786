"""A small HTTP server on 127.0.0.1: folders and handlers mounted under URL prefixes.

The preview serves its LMS page and packages with it; `scormkit.testing` serves the test LMS
and unpacked packages with it.
"""

from __future__ import annotations

import mimetypes
import secrets
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

from scormkit.limits import HTTP_BODY_BYTES, HTTP_REQUEST_SECONDS, size_text

# Served with these types whatever the machine's mime.types says: a module script served as
# text/plain is refused by the browser, and an unknown .vtt breaks captions.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".xsd": "application/xml",
    ".svg": "image/svg+xml",
    ".vtt": "text/vtt; charset=utf-8",
    ".woff2": "font/woff2",
}


@dataclass(frozen=True)
class Request:
    """What a mounted handler is asked: the method, the path below its prefix, the body."""

    method: str  # "GET", "HEAD", "POST" or "PUT"
    path: str  # below the prefix, without query, e.g. "index.html"; "" for the prefix itself
    query: str
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  # names in lower case


@dataclass(frozen=True)
class Response:
    """What a mounted handler answers."""

    body: bytes
    content_type: str = "application/octet-stream"
    status: int = HTTPStatus.OK
    # A large body sent in pieces instead of `body`: its length and the pieces.
    stream: tuple[int, Callable[[], Iterable[bytes]]] | None = None


Handler = Callable[[Request], Response | None]  # None: 404


class LocalServer:
    """Serves mounted folders and handlers under their prefixes, e.g. `/pkg/1/index.html`.

    Only what is mounted is reachable: paths with `..`, empty or hidden segments get 404.
    Only requests addressed to `127.0.0.1:PORT` or `localhost:PORT` are answered, so a web
    page that rebinds its own host name to 127.0.0.1 reads nothing (DNS rebinding). With
    `guard_writes`, a POST or PUT must come from a page of this server (its `Origin`) or carry
    `token` in an `X-Scormkit-Token` header: no other site open in the browser can change
    anything. Runs in a thread from construction until `stop()`.
    """

    def __init__(self, port: int = 0, *, guard_writes: bool = False) -> None:
        self.guard_writes = guard_writes
        self.token = secrets.token_urlsafe(24)
        self._mounts: dict[str, Path] = {}
        self._handlers: dict[str, Handler] = {}
        self._lock = threading.Lock()
        handler = _handler_for(self)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="static-server", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        """The server's origin, e.g. `http://127.0.0.1:41234`."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def refusal(self, method: str, headers: Mapping[str, str]) -> str:
        """Why a request with `headers` (names in lower case) is refused, or ""."""
        port = self._httpd.server_address[1]
        hosts = (f"127.0.0.1:{port}", f"localhost:{port}")
        if headers.get("host", "").lower() not in hosts:
            return f"this server answers only requests for {hosts[0]} or {hosts[1]}"
        if self.guard_writes and method not in ("GET", "HEAD"):
            origin = headers.get("origin", "").lower()
            same = origin in (f"http://{host}" for host in hosts)
            if not same and not secrets.compare_digest(
                headers.get("x-scormkit-token", ""), self.token
            ):
                return "a change needs a page of this server or its X-Scormkit-Token header"
        return ""

    def mount(self, prefix: str, folder: Path) -> str:
        """Serve `folder` under the URL path `prefix` (one or more segments); return its URL."""
        key = prefix.strip("/")
        with self._lock:
            self._mounts[key] = folder.resolve()
        return f"{self.url}/{key}/"

    def handle(self, prefix: str, handler: Handler) -> str:
        """Answer requests under `prefix` ("" for any path nothing else serves) with `handler`."""
        key = prefix.strip("/")
        with self._lock:
            self._handlers[key] = handler
        return f"{self.url}/{key}/" if key else f"{self.url}/"

    def unmount(self, prefix: str) -> None:
        """Stop serving what was mounted at `prefix`."""
        with self._lock:
            self._mounts.pop(prefix.strip("/"), None)
            self._handlers.pop(prefix.strip("/"), None)

    def answer(
        self, method: str, url_path: str, body: bytes, headers: Mapping[str, str] | None = None
    ) -> Response | None:
        """The response to a request for `url_path`, or None for 404."""
        parts = urlsplit(url_path)
        segments = unquote(parts.path).split("/")[1:]
        if any(s in (".", "..") or s.startswith(".") or "\\" in s for s in segments):
            return None
        with self._lock:
            handlers = dict(self._handlers)
        # Handlers at a prefix, longest first; then mounted folders; then the catch-all.
        for length in range(len(segments), 0, -1):
            handler = handlers.get("/".join(segments[:length]))
            if handler is not None:
                below = "/".join(segments[length:])
                return handler(Request(method, below, parts.query, body, headers or {}))
        path = self.file_for(url_path) if method in ("GET", "HEAD") else None
        if path is not None:
            return Response(path.read_bytes(), content_type(path.name))
        fallback = handlers.get("")
        if fallback is not None:
            return fallback(Request(method, "/".join(segments), parts.query, body, headers or {}))
        return None

    def file_for(self, url_path: str) -> Path | None:
        """The file that `url_path` names inside a mount, or None."""
        segments = unquote(urlsplit(url_path).path).split("/")[1:]
        if any(s in ("", ".", "..") or s.startswith(".") or "\\" in s for s in segments):
            return None
        with self._lock:
            mounts = dict(self._mounts)
        # Longest prefix first, so `/pkg/1` wins over a mount at `/pkg`.
        for length in range(len(segments) - 1, 0, -1):
            folder = mounts.get("/".join(segments[:length]))
            if folder is None:
                continue
            candidate = folder.joinpath(*segments[length:]).resolve()
            if candidate.is_relative_to(folder) and candidate.is_file():
                return candidate
            return None
        return None

    def stop(self) -> None:
        """Stop serving, wait for open requests to end and close the listening socket."""
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def content_type(name: str) -> str:
    """The Content-Type a browser needs for a file called `name`."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0 closes each connection after its response, so no idle keep-alive socket
        # outlives a test and `stop()` never waits on one.
        protocol_version = "HTTP/1.0"
        timeout = HTTP_REQUEST_SECONDS  # a client that never finishes its request is dropped

        def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
            self._respond("GET")

        def do_HEAD(self) -> None:  # noqa: N802
            self._respond("HEAD")

        def do_POST(self) -> None:  # noqa: N802
            self._respond("POST")

        def do_PUT(self) -> None:  # noqa: N802
            self._respond("PUT")

        def _respond(self, method: str) -> None:
            if urlsplit(self.path).path == "/favicon.ico":
                # Chromium asks every origin for this; it belongs to no package.
                self.send_response(HTTPStatus.NO_CONTENT)
                self.end_headers()
                return
            headers = {name.lower(): value for name, value in self.headers.items()}
            refusal = server.refusal(method, headers)
            if refusal:
                self._plain(HTTPStatus.FORBIDDEN, refusal)
                return
            length = headers.get("content-length", "0") or "0"
            if not length.isdigit():
                self._plain(HTTPStatus.BAD_REQUEST, "Content-Length is not a number")
                return
            if int(length) > HTTP_BODY_BYTES:
                limit = size_text(HTTP_BODY_BYTES)
                self._plain(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"bodies are at most {limit}")
                return
            try:
                body = self.rfile.read(int(length)) if int(length) else b""
                response = server.answer(method, self.path, body, headers)
            except TimeoutError:
                return  # the client stopped sending; nothing is waiting for an answer
            except Exception as exc:  # a handler's bug must not stop the server
                print(f"scormkit server: {method} {self.path}: {exc!r}", file=sys.stderr)
                self._plain(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {exc!r}")
                return
            if response is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            self._send(method, response)

        def _plain(self, status: HTTPStatus, message: str) -> None:
            self._send("GET", Response(message.encode(), "text/plain; charset=utf-8", status))

        def _send(self, method: str, response: Response) -> None:
            length = response.stream[0] if response.stream else len(response.body)
            try:
                self.send_response(response.status)
                self.send_header("Content-Type", response.content_type)
                self.send_header("Content-Length", str(length))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if method == "HEAD":
                    return
                if response.stream is None:
                    self.wfile.write(response.body)
                    return
                for chunk in response.stream[1]():
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                # The browser gave up on the request (navigated away, relaunched the course).
                return

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet: the browser-side watch reports failed requests where tests can see them."""

    return Handler
