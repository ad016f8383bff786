"""observe against LRSs that misbehave: silent, garbage, a slow trickle; credentials in URLs.

Each server here listens on 127.0.0.1 and is stopped by the test that started it.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from paths import FLAGSHIP_SPEC

RESULTS = """\
observation: oa-front-desk-check-in
observed_at: "2026-11-20T10:15:00Z"
observer: {name: Dana Reyes, email: dana.reyes@clinic.example}
criteria: {greets-promptly: true, uses-name: true, verifies-identity: true, protects-privacy: true,
           explains-wait: true, checks-understanding: true}
"""


@contextmanager
def tcp_server(answer: Callable[[socket.socket], None]) -> Iterator[int]:
    """A server on 127.0.0.1 that runs `answer` on each connection; yields its port."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            held.append(connection)
            answer(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


def observe(tmp_path: Path, endpoint: str, *extra: str) -> subprocess.CompletedProcess[str]:
    results = tmp_path / "results.yaml"
    results.write_text(RESULTS)
    return subprocess.run(
        [sys.executable, "-m", "scormkit", "observe", str(FLAGSHIP_SPEC), "--learner",
         "sam@clinic.example", "--results", str(results), "--endpoint", endpoint,
         "--username", "key", "--password", "hunter22", *extra],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip


def test_a_silent_lrs_is_given_up_on_within_the_timeout(tmp_path: Path) -> None:
    with tcp_server(lambda connection: None) as port:
        result = observe(tmp_path, f"http://127.0.0.1:{port}/xapi/", "--timeout", "0.5")
    assert result.returncode == 1
    assert result.stderr == (
        f"error: the LRS at http://127.0.0.1:{port}/xapi/ did not answer within 0.5 s "
        "(7 statement(s) not stored)\n"
    )


def test_a_server_answering_garbage_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    def garbage(connection: socket.socket) -> None:
        connection.recv(65536)
        connection.sendall(b"\x00\xffnot http at all\r\n\r\n")
        connection.close()

    with tcp_server(garbage) as port:
        result = observe(tmp_path, f"http://127.0.0.1:{port}/xapi/")
    assert result.returncode == 1
    assert result.stderr == (
        f"error: the LRS at http://127.0.0.1:{port}/xapi/ did not answer as an HTTP server does "
        "(BadStatusLine) (7 statement(s) not stored)\n"
    )


def test_credentials_written_in_the_endpoint_never_appear_in_messages(tmp_path: Path) -> None:
    result = observe(tmp_path, "http://admin:s3cr3t-pw@127.0.0.1:9/xapi/", "--timeout", "1")
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot reach the LRS at http://127.0.0.1:9/xapi/: ")
    assert "s3cr3t-pw" not in result.stderr and "admin" not in result.stderr
    assert "hunter22" not in result.stderr
