"""Fixtures for playing packages in headless Chromium against a real LMS runtime (scorm-again).

One Chromium per test session, a fresh browser context per test, one static server on
127.0.0.1 per session; every test's packages are unpacked under its own tmp_path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .requirements import (
    CHROMIUM,
    SCORM_AGAIN,
    browser_required,
    missing_requirements,
    skip_or_fail,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from .lms import LmsSession
    from .server import StaticServer

if browser_required():
    # Test modules skip themselves when playwright is missing; under CI that must be an error.
    import playwright.sync_api  # noqa: F401

# Chromium as root needs --no-sandbox; the rest keep it from calling home on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Long enough for a slow CI machine, short enough that a broken player fails fast.
ACTION_TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium, shared by the whole test session."""
    missing = missing_requirements()
    if missing:
        skip_or_fail(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context: no cookies, storage or cache from other tests."""
    context = browser.new_context()
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def lms_server() -> Iterator[StaticServer]:
    """The server of the LMS page, scorm-again and the packages under test."""
    if not (SCORM_AGAIN / "scorm12.js").is_file():
        skip_or_fail(missing_requirements())
    from .lms import start_lms_server

    server = start_lms_server(SCORM_AGAIN)
    yield server
    server.stop()


@pytest.fixture
def lms(page: Page, lms_server: StaticServer, tmp_path: Path) -> Iterator[LmsSession]:
    """A test LMS in this test's page: `lms.launch(zip_path)` plays a package."""
    from .lms import LmsSession

    session = LmsSession(page, lms_server, tmp_path / "lms")
    yield session
    session.dispose()


@pytest.fixture
def build_package(tmp_path: Path) -> Callable[[Path], Path]:
    """Builds a spec for SCORM 1.2 with scormkit; returns the zip's path."""

    def build_scorm12(spec: Path) -> Path:
        # Imported here so the harness's own tests run even while the build is broken.
        from scormkit.build import build

        return build(spec, target="scorm12", out_dir=tmp_path / "dist")

    return build_scorm12
