"""The learner-path test API authors use: its example runs, on either LMS side."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .requirements import SCORM_AGAIN, missing_requirements, skip_or_fail

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import REPO_ROOT, TESTS
from playwright.sync_api import expect

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from scormkit.testing import CoursePlayer

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


THREE_MODULES = (TESTS / "playing") / "specs" / "three-modules.yaml"
EVERY_QUESTION = REPO_ROOT / "tests" / "specs" / "every-question.yaml"


@pytest.fixture(scope="module")
def player_2004(browser: Browser) -> Iterator[CoursePlayer]:
    from scormkit.testing import CoursePlayer

    # The session's browser: playwright runs once per thread.
    with CoursePlayer(target="scorm2004", browser=browser) as course_player:
        yield course_player


def test_an_author_opens_another_modules_sco_and_the_relaunch_asks_to_continue(
    player_2004: CoursePlayer, tmp_path: Path
) -> None:
    spec = tmp_path / "course.yaml"
    spec.write_text(THREE_MODULES.read_text() + "packaging:\n  launch_per_module: true\n")
    run = player_2004.launch(spec, item="item-check")
    expect(run.learner.section("quiz-page")).to_be_visible()
    run.answer("q-single", "a")
    saved = run.close()
    assert saved["cmi.entry"] == "resume"

    run = player_2004.launch(spec, saved=saved, item="item-check")
    run.start_over()
    expect(run.learner.section("quiz-page")).to_be_visible()
    assert [c.name for c in run.calls()][0] == "Initialize"
    assert run.problems() == []


def test_an_author_fills_a_survey_and_the_lms_records_it(player_2004: CoursePlayer) -> None:
    run = player_2004.launch(EVERY_QUESTION)
    run.open("survey-page")
    run.fill_survey("opinion", {"useful": "4", "comments": "Clear enough"})
    set_values = [c.args for c in run.calls() if c.name == "SetValue"]
    assert any("Clear enough" in str(args[1]) for args in set_values)
    assert run.problems() == []
