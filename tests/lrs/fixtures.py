"""The session-wide LRS fixture (imported by tests/conftest.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from . import LrsProcess, missing
from .gateway import Gateway


@pytest.fixture(scope="session")
def lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LrsProcess]:
    """A real LRS on 127.0.0.1 for the whole test session, stopped at its end."""
    why = missing()
    if why:
        if os.environ.get("SCORMKIT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"the LRS is required: {why}")
        pytest.skip(why)
    process = LrsProcess(tmp_path_factory.mktemp("lrs"))
    yield process
    process.stop()


@pytest.fixture(scope="session")
def gateway(lrs: LrsProcess) -> Iterator[Gateway]:
    """The LMS side of xAPI and cmi5 launches, in front of the real LRS."""
    server = Gateway(lrs)
    yield server
    server.stop()
