"""Project-wide test fixtures: specs by name, packages built from them, the shared schemas."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from paths import COURSE_SPECS, PLAYING_SPECS, REPO_ROOT, TEST_SPECS

from scormkit import build

# Where specs live: what authors see (course_specs/), and the corner cases the tests add.
SPEC_FOLDERS = (COURSE_SPECS, TEST_SPECS, PLAYING_SPECS)
FLAGSHIP = "healthcare-customer-service.yaml"


def spec_path(name: str) -> Path:
    """The spec file called `name` (e.g. "minimal.yaml") in any of the SPEC_FOLDERS."""
    for folder in SPEC_FOLDERS:
        if (folder / name).is_file():
            return folder / name
    raise LookupError(f"no spec '{name}' in {', '.join(f.name for f in SPEC_FOLDERS)}")


Built = Callable[..., Path]


@pytest.fixture(scope="session")
def built_package(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Builds a spec by name for a target (once per session for the same arguments):
    `built_package("minimal.yaml", "scorm12", per_module=True)` is the zip's path."""
    made: dict[tuple[str, str, bool | None], Path] = {}

    def make(name: str, target: str = "scorm12", *, per_module: bool | None = None) -> Path:
        key = (name, target, per_module)
        if key not in made:
            out = tmp_path_factory.mktemp("built")
            made[key] = build(spec_path(name), target, out, launch_per_module=per_module)
        return made[key]

    return make


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
