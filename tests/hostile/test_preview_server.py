"""The preview's server refuses foreign hosts, foreign pages and oversized bodies, keeps going
after a handler fails, and serves package members of any size in pieces."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from paths import MINIMAL_SPEC

from scormkit import build
from scormkit.limits import HTTP_BODY_BYTES
from scormkit.lms.server import LocalServer, Request, Response
from scormkit.preview import Preview


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal course's SCORM 1.2 zip with a 3 MB video-like member added."""
    folder = tmp_path_factory.mktemp("pkg")
    zip_path = build(MINIMAL_SPEC, "scorm12", folder)
    with zipfile.ZipFile(zip_path, "a") as zf:
        zf.writestr("media/big.bin", os.urandom(3 * 1024**2))
    return zip_path


@pytest.fixture()
def preview(package: Path) -> Iterator[Preview]:
    running = Preview(package)
    try:
        yield running
    finally:
        running.stop()


def ask(
    server_url: str, method: str, path: str, headers: dict[str, str], body: bytes = b""
) -> tuple[int, bytes]:
    """One raw request with exactly `headers` (http.client adds Host only if not given)."""
    port = int(server_url.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def host(preview: Preview) -> dict[str, str]:
    return {"Host": preview.server.url.removeprefix("http://")}


def test_a_request_for_another_host_name_is_refused(preview: Preview) -> None:
    status, body = ask(preview.server.url, "GET", "/api/state", {"Host": "attacker.example:80"})
    port = preview.server.url.rsplit(":", 1)[1]
    assert (status, body.decode()) == (
        403,
        f"this server answers only requests for 127.0.0.1:{port} or localhost:{port}",
    )
    assert ask(preview.server.url, "GET", "/api/state", host(preview))[0] == 200
    localhost = {"Host": f"localhost:{port}"}
    assert ask(preview.server.url, "GET", "/api/state", localhost)[0] == 200


def test_a_change_from_another_site_or_without_the_token_is_refused(preview: Preview) -> None:
    refused = "a change needs a page of this server or its X-Scormkit-Token header"
    for extra in ({}, {"Origin": "https://attacker.example"}, {"X-Scormkit-Token": "guess"}):
        status, body = ask(preview.server.url, "POST", "/api/reset", host(preview) | extra)
        assert (status, body.decode()) == (403, refused)
    same_page = host(preview) | {"Origin": preview.server.url}
    assert ask(preview.server.url, "POST", "/api/reset", same_page)[0] == 200
    with_token = host(preview) | {"X-Scormkit-Token": preview.server.token}
    assert ask(preview.server.url, "POST", "/api/reset", with_token)[0] == 200


def test_an_oversized_or_malformed_body_length_is_refused_unread(preview: Preview) -> None:
    port = int(preview.server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        head = f"Host: 127.0.0.1:{port}\r\nOrigin: {preview.server.url}\r\n"
        raw.sendall(
            f"POST /xapi/statements HTTP/1.0\r\n{head}"
            f"Content-Length: {HTTP_BODY_BYTES + 1}\r\n\r\n".encode()
        )
        answer = b"".join(iter(lambda: raw.recv(4096), b"")).decode()
    assert answer.startswith("HTTP/1.0 413 ")
    assert answer.endswith("bodies are at most 8 MB")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        raw.sendall(f"POST /api/reset HTTP/1.0\r\n{head}Content-Length: -5\r\n\r\n".encode())
        assert raw.recv(4096).decode().startswith("HTTP/1.0 400 ")


def test_a_client_that_never_sends_its_body_does_not_block_others(preview: Preview) -> None:
    port = int(preview.server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as stalled:
        stalled.sendall(
            f"POST /api/reset HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n"
            f"Origin: {preview.server.url}\r\nContent-Length: 100\r\n\r\n".encode()
        )
        assert ask(preview.server.url, "GET", "/api/state", host(preview))[0] == 200


def test_a_member_larger_than_the_read_limit_is_served_in_pieces(
    preview: Preview, package: Path
) -> None:
    status, body = ask(preview.server.url, "GET", "/pkg/1/media/big.bin", host(preview))
    with zipfile.ZipFile(package) as zf:
        assert (status, body) == (200, zf.read("media/big.bin"))


def test_a_state_document_over_the_limit_is_refused(preview: Preview) -> None:
    headers = host(preview) | {"Origin": preview.server.url}
    path = "/xapi/activities/state?stateId=s&activityId=a"
    status, body = ask(preview.server.url, "PUT", path, headers, b"x" * (1024**2 + 1))
    assert (status, body.decode()) == (413, "documents are at most 1 MB")
    assert ask(preview.server.url, "PUT", path, headers, b"{}")[0] == 204


def test_a_failing_handler_answers_500_and_the_server_keeps_serving() -> None:
    def broken(request: Request) -> Response | None:
        raise KeyError(request.path)

    with LocalServer() as server:
        server.handle("broken", broken)
        server.handle("fine", lambda request: Response(b"ok"))
        headers = {"Host": server.url.removeprefix("http://")}
        assert ask(server.url, "GET", "/broken/x", headers) == (
            500,
            b"internal error: KeyError('x')",
        )
        assert ask(server.url, "GET", "/fine/", headers) == (200, b"ok")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scormkit", *args], capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip


def test_a_busy_or_impossible_port_is_a_message() -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = run("preview", str(MINIMAL_SPEC), "--port", str(port))
    assert result.returncode == 1
    assert result.stderr == f"error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    result = run("preview", str(MINIMAL_SPEC), "--port", "70000")
    assert result.returncode == 2
    assert "Invalid value for '--port': 70000 is not in the range 0<=x<=65535." in result.stderr
