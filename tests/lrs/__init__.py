"""A real LRS for the tests: Learning Locker's xapi-statements (npm) in its in-memory mode.

`LrsProcess` starts it on 127.0.0.1 and stops it by its PID; `validate` runs Learning Locker's
independent statement validator (npm @learninglocker/xapi-validation) over statements.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO_ROOT / "node_modules"
LRS_MAIN = NODE_MODULES / "xapi-statements" / "dist" / "index.js"
VALIDATOR = Path(__file__).with_name("validate_statements.js")
STARTER = Path(__file__).with_name("start_lrs.js")  # binds the service to 127.0.0.1
# Any Basic credentials are accepted in the in-memory mode ("test" auth repository).
USERNAME, PASSWORD = "scormkit", "not-a-secret"
VERSION_HEADER = {"X-Experience-API-Version": "1.0.3"}


def missing() -> str | None:
    """Why the LRS cannot run here, or None."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not LRS_MAIN.is_file():
        return "npm xapi-statements is not installed (run npm ci)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LrsProcess:
    """xapi-statements listening on 127.0.0.1 until `stop()`; statements live in memory."""

    def __init__(self, workdir: Path) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        env = {
            **os.environ,
            "EXPRESS_PORT": str(self.port),
            "MODELS_REPO": "memory",
            "STORAGE_REPO": "memory",
            "AUTH_REPO": "test",
            "EVENTS_REPO": "test",
            "EXPRESS_MORGAN_DIRECTORY": str(workdir / "access-logs"),
            "FS_LOCAL_STORAGE_DIR": str(workdir / "storage"),
            "WINSTON_CONSOLE_LEVEL": "error",
            "SERVICE_AWAIT_UPDATES": "true",
        }
        self._log = (workdir / "lrs.log").open("wb")
        self._process = subprocess.Popen(
            ["node", str(STARTER), str(LRS_MAIN.parents[1])],
            cwd=workdir,
            env=env,
            stdout=self._log,
            stderr=self._log,
        )
        self._wait_until_up()

    @property
    def endpoint(self) -> str:
        """The xAPI endpoint, ending with a slash."""
        return f"http://127.0.0.1:{self.port}/xAPI/"

    @property
    def auth(self) -> str:
        from scormkit.statements import basic_auth

        return basic_auth(USERNAME, PASSWORD)

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the LRS exited with {self._process.returncode}")
            try:
                self.request("GET", "statements?limit=1")
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise RuntimeError("the LRS did not start within 30 s")

    def request(
        self, method: str, path: str, body: bytes | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        """One call to the LRS with the test credentials; returns status, body, headers."""
        request = urllib.request.Request(
            self.endpoint + path,
            data=body,
            method=method,
            headers={
                "Authorization": self.auth,
                "Content-Type": "application/json",
                **VERSION_HEADER,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)

    def statements(self, **query: str) -> list[dict[str, Any]]:
        """Every stored statement matching `query` (xAPI GET filters), oldest first."""
        params = {"ascending": "true", "limit": "500", **query}
        status, body, _ = self.request("GET", f"statements?{urlencode(params)}")
        assert status == 200, body
        found: list[dict[str, Any]] = json.loads(body)["statements"]
        return found

    def stop(self) -> None:
        """Stop the LRS process this object started."""
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()


def validate(statements: list[dict[str, Any]]) -> list[str]:
    """What @learninglocker/xapi-validation finds wrong, as 'statement N: problem' lines.

    Skips the calling test, saying why, when node or the validator (`npm ci`) is missing; with
    SCORMKIT_REQUIRE_BROWSER=1 (CI) that fails it instead.
    """
    node = shutil.which("node")
    missing = (
        "node is not installed"
        if node is None
        else "npm @learninglocker/xapi-validation is not installed (run `npm ci`)"
        if not (NODE_MODULES / "@learninglocker" / "xapi-validation").is_dir()
        else None
    )
    if missing:
        if os.environ.get("SCORMKIT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{missing}; the independent statement validator needs it")
        pytest.skip(f"{missing}; the independent statement validator needs it")
    result = subprocess.run(
        [str(node), str(VALIDATOR)],
        input=json.dumps(statements).encode(),
        capture_output=True,
        check=True,
        timeout=60,
    )
    return [f"statement {index}: {message}" for index, message in json.loads(result.stdout)]
