"""`scormkit validate`: every problem of a spec, of every kind, in one run."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from paths import TESTS

from scormkit.cli import main

SPEC = TESTS / "specs" / "every-problem" / "course.yaml"


EXPECTED = [
    "6:15: packaging.assessment: no module 'nowhere'",
    "8:14: modules[0].include: file 'modules/missing.yaml' not found next to the spec",
    "16:18: modules[1].pages[0].blocks[0].src: file 'images/missing.png' not found next to the "
    "spec",
    "22:20: modules[1].pages[1].blocks[0].style: 'loud' is not allowed; expected one of note, "
    "tip, warning, important",
    "30:11: modules[2].pages[0].activity.pass_at: no scene has `ending: success`, so the "
    "scenario cannot be passed; add one",
    "45:11: modules[2].pages[1].activity: resume state could need 9703 characters, more than "
    "the 4096 every SCORM 1.2 LMS must keep; this quiz takes up to 9640: ask fewer questions, "
    "fewer fill-in or numeric ones, or draw fewer",
]


def test_one_validate_run_lists_a_problem_of_every_kind_sorted_by_position() -> None:
    result = CliRunner().invoke(main, ["validate", str(SPEC), "-t", "scorm12"])
    assert result.exit_code == 1
    assert result.output == "".join(f"{SPEC}:{line}\n" for line in EXPECTED) + "6 problems\n"


def test_the_budget_is_that_of_the_targets_asked_for() -> None:
    result = CliRunner().invoke(main, ["validate", str(SPEC), "-t", "scorm2004"])
    assert "resume state" not in result.output
    assert result.output.endswith("5 problems\n")


def test_a_build_over_the_budget_points_at_the_largest_activity(tmp_path: Path) -> None:
    item = "            - {{id: f{}, type: fill_in, prompt: Which word, accepted: [word]}}\n"
    questions = "".join(item.format(i) for i in range(40))
    spec = tmp_path / "words.yaml"
    spec.write_text(
        "id: words\ntitle: Words\nmodules:\n  - id: m\n    title: M\n    pages:\n"
        "      - id: p\n        title: P\n        activity:\n          type: quiz\n"
        f"          id: quiz\n          questions:\n{questions}"
    )
    result = CliRunner().invoke(main, ["build", str(spec), "-t", "scorm12", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{spec}:10:11: modules[0].pages[0].activity: resume state could need 9694 characters, "
        "more than the 4096 every SCORM 1.2 LMS must keep; this quiz takes up to 9640: ask fewer "
        "questions, fewer fill-in or numeric ones, or draw fewer"
    )
