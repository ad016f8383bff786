"""The player's JavaScript unit tests (tests/js/), run with node's own test runner."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from paths import REPO_ROOT

JS_TESTS = REPO_ROOT / "tests" / "js"


def test_the_players_javascript_unit_tests_pass() -> None:
    if not JS_TESTS.is_dir():
        pytest.skip("tests/js/ does not exist yet")
    node = shutil.which("node")
    if node is None:
        message = "node is not installed; the JavaScript unit tests need Node 20"
        if os.environ.get("SCORMKIT_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [node, "--test", "tests/js/"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    ran = re.search(r"^# tests (\d+)$", result.stdout, re.MULTILINE)
    if ran is None or ran.group(1) == "0":
        pytest.skip("tests/js/ holds no tests yet")
