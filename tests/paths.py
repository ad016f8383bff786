"""Where things are, for every test: the repository's folders and the specs the tests use."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
TESTS = REPO_ROOT / "tests"
COURSE_SPECS = REPO_ROOT / "course_specs"  # what authors see
FLAGSHIP_SPEC = COURSE_SPECS / "healthcare-customer-service.yaml"
MINIMAL_SPEC = COURSE_SPECS / "minimal.yaml"
TEST_SPECS = TESTS / "specs"  # corner cases the tests add
PLAYING_SPECS = TESTS / "playing" / "specs"
THREE_MODULES_SPEC = PLAYING_SPECS / "three-modules.yaml"
BAD_SPECS = TESTS / "bad_specs"
QUESTION_FILES = TESTS / "questionfiles"
GOLDEN = TESTS / "golden"
RUNTIME = REPO_ROOT / "src" / "scormkit" / "runtime"
DOCS = REPO_ROOT / "docs"
