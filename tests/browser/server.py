"""A static file server on 127.0.0.1 that serves folders mounted under URL prefixes."""

from __future__ import annotations

import mimetypes
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

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


class StaticServer:
    """Serves each mounted folder under its prefix, e.g. `/pkg/1/index.html`, until `stop()`.

    Only what is mounted is reachable: paths with `..`, empty or hidden segments get 404.
    """

    def __init__(self) -> None:
        self._mounts: dict[str, Path] = {}
        self._lock = threading.Lock()
        handler = _handler_for(self)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="static-server", daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        """The server's origin, e.g. `http://127.0.0.1:41234`."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def mount(self, prefix: str, folder: Path) -> str:
        """Serve `folder` under the URL path `prefix` (one or more segments); return its URL."""
        key = prefix.strip("/")
        with self._lock:
            self._mounts[key] = folder.resolve()
        return f"{self.url}/{key}/"

    def unmount(self, prefix: str) -> None:
        """Stop serving what was mounted at `prefix`."""
        with self._lock:
            self._mounts.pop(prefix.strip("/"), None)

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

    def __enter__(self) -> StaticServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _handler_for(server: StaticServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0 closes each connection after its response, so no idle keep-alive socket
        # outlives a test and `stop()` never waits on one.
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
            self._respond(with_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._respond(with_body=False)

        def _respond(self, *, with_body: bool) -> None:
            if urlsplit(self.path).path == "/favicon.ico":
                # Chromium asks every origin for this; it belongs to no package.
                self.send_response(HTTPStatus.NO_CONTENT)
                self.end_headers()
                return
            path = server.file_for(self.path)
            if path is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            data = path.read_bytes()
            kind = TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind or "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if with_body:
                self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet: the browser-side watch reports failed requests where tests can see them."""

    return Handler
