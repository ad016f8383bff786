"""What the browser tests need on the machine, and what happens when it is missing."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import NoReturn

import pytest
from paths import REPO_ROOT

SCORM_AGAIN = REPO_ROOT / "node_modules" / "scorm-again" / "dist"
# $SCORMKIT_CHROMIUM, else /usr/bin/chromium: the same default as scormkit.testing.
CHROMIUM = Path(os.environ.get("SCORMKIT_CHROMIUM") or "/usr/bin/chromium")
# CI sets this, so a machine without Chromium or node_modules fails the run instead of
# quietly skipping the tests that matter most.
REQUIRE_ENV = "SCORMKIT_REQUIRE_BROWSER"


def browser_required() -> bool:
    """Whether missing browser tools must fail the tests rather than skip them."""
    return os.environ.get(REQUIRE_ENV) == "1"


def missing_requirements() -> list[str]:
    """What the browser tests need and this machine lacks, each with how to get it."""
    missing = []
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright package (pip install -e '.[test]')")
    if not CHROMIUM.is_file():
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    if not (SCORM_AGAIN / "scorm12.js").is_file():
        missing.append(f"scorm-again in {SCORM_AGAIN.relative_to(REPO_ROOT)} (npm ci)")
    return missing


def skip_or_fail(missing: list[str]) -> NoReturn:
    """Skip the test for the missing tools, or fail it when `SCORMKIT_REQUIRE_BROWSER=1`."""
    reason = "browser tests need " + "; ".join(missing)
    if browser_required():
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1)", pytrace=False)
    pytest.skip(reason)
