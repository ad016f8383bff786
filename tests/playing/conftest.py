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
    from lrs import LrsProcess
    from lrs.gateway import Gateway
    from playwright.sync_api import Browser, Page

    from scormkit.testing import LmsSession, TestLms

    from .xapi_lms import Launcher

if browser_required():
    # Test modules skip themselves when playwright is missing; under CI that must be an error.
    import playwright.sync_api  # noqa: F401


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium, shared by the whole test session."""
    missing = missing_requirements()
    if missing:
        skip_or_fail(missing)
    from playwright.sync_api import sync_playwright

    from scormkit.testing import launch_chromium

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright, CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context: no cookies, storage or cache from other tests."""
    from scormkit.testing.player import ACTION_TIMEOUT_MS

    context = browser.new_context()
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def lms_server() -> Iterator[TestLms]:
    """The server of the LMS page, scorm-again and the packages under test."""
    if not (SCORM_AGAIN / "scorm12.js").is_file():
        skip_or_fail(missing_requirements())
    from scormkit.testing import TestLms

    server = TestLms(SCORM_AGAIN)
    yield server
    server.stop()


@pytest.fixture
def lms(page: Page, lms_server: TestLms, tmp_path: Path) -> Iterator[LmsSession]:
    """A test LMS in this test's page: `lms.launch(zip_path)` plays a package."""
    from scormkit.testing import LmsSession

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


@pytest.fixture
def launcher(page: Page, gateway: Gateway, lrs: LrsProcess, tmp_path: Path) -> Iterator[Launcher]:
    """An LMS launching xAPI and cmi5 packages for one learner (tests/playing/xapi_lms.py); the
    test fails if any launch used its credential after `terminated`."""
    from .xapi_lms import Launcher

    launcher = Launcher(page, gateway, lrs, tmp_path)
    yield launcher
    launcher.check_nothing_refused()
