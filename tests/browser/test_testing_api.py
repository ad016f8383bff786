"""The learner-path test API authors use: its example runs, on either LMS side."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .requirements import SCORM_AGAIN, missing_requirements, skip_or_fail

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = REPO_ROOT / "examples" / "test_minimal_course.py"


def run_example(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    missing = missing_requirements()
    if missing:
        skip_or_fail(missing)
    env = {k: v for k, v in os.environ.items() if k != "SCORMKIT_SCORM_AGAIN"} | extra_env
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        check=False,
        timeout=300,
    )


def test_the_authors_example_passes_against_scormkits_own_lms() -> None:
    result = run_example({})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_the_authors_example_passes_against_scorm_again() -> None:
    result = run_example({"SCORMKIT_SCORM_AGAIN": str(SCORM_AGAIN)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
