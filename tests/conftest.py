"""Project-wide test fixtures: where the repository and the shared schemas are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# The workplace lays `shared/` (standards, schemas, validate.py) beside the clone.
SHARED_DIR = REPO_ROOT.parent / "shared"
NO_SHARED = "../shared (schemas/validate.py) is not present in this clone"


@pytest.fixture
def shared_dir() -> Path:
    """The `../shared` folder next to the clone; skips the test when it is not there."""
    if not (SHARED_DIR / "schemas" / "validate.py").is_file():
        pytest.skip(NO_SHARED)
    return SHARED_DIR


# The real LRS (tests/lrs) for the xAPI and cmi5 tests, shared by the whole session.
from lrs.fixtures import gateway, lrs  # noqa: E402, F401
