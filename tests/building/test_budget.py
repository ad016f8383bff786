"""The worst-case resume state: Python's figure matches the player's encoder; builds refuse
courses whose state an LMS might not keep."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import spec_path
from generated_course import generated_course
from paths import REPO_ROOT

from scormkit import build
from scormkit.errors import SpecError
from scormkit.plan.player_data import course_data
from scormkit.plan.resume import answer_sizes, worst_state_size
from scormkit.questions import FillIn, Matching, MultipleChoice, Numeric, Sequencing
from scormkit.scenario.proof import prove_scenario
from scormkit.spec import Course, load_course
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.models import Module, Page

ENCODER = REPO_ROOT / "tests" / "js" / "encode_worst.mjs"
# Every character the state format escapes, so typed text takes its most room.
ESCAPED = "|,%~"


def _fill(length: int) -> str:
    return (ESCAPED * length)[:length]


def worst_progress(course: Course) -> dict[str, Any]:
    """The progress that takes the most state: everything seen and answered at length."""
    pages = [page for module in course.modules for page in module.pages]
    answers: dict[str, Any] = {}
    runs: dict[str, Any] = {}
    survey: dict[str, str] = {}
    scenarios: dict[str, Any] = {}
    for page in pages:
        activity = page.activity
        if isinstance(activity, Quiz):
            runs[activity.id] = {"attempt": 35, "seed": 36**4 - 1}
            # A draw keeps only one attempt's answers: those plan/resume.py counts as longest.
            sizes = answer_sizes(activity)
            for question, size in zip(activity.questions, sizes, strict=True):
                if size == 0:
                    continue
                if isinstance(question, FillIn | Numeric):
                    response = [_fill(question.typed_max)]
                elif isinstance(question, MultipleChoice):
                    response = list("abcdefghijklmnopqrstuvwxyz"[: len(question.choices)])
                elif isinstance(question, Matching | Sequencing):
                    count = len(
                        question.pairs if isinstance(question, Matching) else question.steps
                    )
                    response = ["a"] * count
                else:
                    response = ["a"]
                answers[question.id] = {"response": response, "tries": 9, "correct": False}
        if isinstance(activity, Scenario):
            scenarios[activity.id] = widest_scenario_state(activity)
        if isinstance(activity, Survey):
            for item in activity.items:
                key = f"{activity.id}-{item.id}"
                survey[key] = _fill(item.max_length) if item.kind == "free_text" else "z"
    return {
        "page": len(pages) - 1,
        "seen": [True] * len(pages),
        "answers": answers,
        "runs": runs,
        "survey": survey,
        "scenarios": scenarios,
    }


def widest_scenario_state(scenario: Scenario) -> dict[str, Any]:
    """A role-play's saved progress with every number at its widest reachable value."""
    ranges = prove_scenario(scenario).value_range

    def widest(name: str, default: int) -> int:
        low, high = ranges.get(name, (default, default))
        return low if len(f"{low:x}") > len(f"{high:x}") else high

    return {
        "run": {
            "scene": scenario.scenes[-1].id,
            "lives": scenario.lives,
            "variables": {name: widest(name, v) for name, v in scenario.variables.items()},
            "points": {name: widest(name, 0) for name in scenario.dimensions},
        },
        "best": 3,
        "earned": [badge.id for badge in scenario.badges],
        "timerOff": True,
    }


def encoded_length(course: Course) -> tuple[int, int]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    payload = {"course": course_data(course, "scorm12"), "progress": worst_progress(course)}
    result = subprocess.run(
        [node, str(ENCODER)], input=json.dumps(payload), capture_output=True, text=True, check=True
    )
    figures = json.loads(result.stdout)
    return figures["length"], figures["hash"]


CASES = {
    "flagship": lambda: load_course(spec_path("healthcare-customer-service.yaml")),
    "every question type": lambda: load_course(spec_path("every-question.yaml")),
    "drawn quiz": lambda: load_course(spec_path("retry-draw.yaml")),
    "generated": lambda: generated_course(pages=137, questions=64, per_quiz=7),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_python_worst_case_is_exactly_what_the_player_encodes(name: str) -> None:
    course = CASES[name]()
    length, hash_length = encoded_length(course)
    # plan/resume.py counts the longest hash, 7 base-36 digits; the rest must agree exactly.
    assert worst_state_size(course) == length + 7 - hash_length


def test_a_course_of_1000_pages_and_500_questions_fits_scorm_12() -> None:
    course = generated_course(pages=1000, questions=500)
    assert any(
        p.activity.keeps_run()
        for m in course.modules
        for p in m.pages
        if isinstance(p.activity, Quiz)
    )
    assert worst_state_size(course) <= 4096


def test_a_course_that_could_outgrow_suspend_data_fails_to_build_naming_the_fix(
    tmp_path: Path,
) -> None:
    items = [
        {"id": f"i{n}", "kind": "free_text", "prompt": "Tell us", "max_length": 1000}
        for n in range(3)
    ]
    course = Course.model_validate(
        {
            "id": "chatty",
            "title": "Chatty",
            "modules": [
                {
                    "id": "m",
                    "title": "M",
                    "pages": [
                        {
                            "id": "p",
                            "title": "P",
                            "activity": {"type": "survey", "id": "s", "items": items},
                        }
                    ],
                }
            ],
        }
    )
    with pytest.raises(SpecError) as caught:
        build(course, "scorm12", tmp_path)
    assert str(caught.value) == (
        "course 'chatty': modules[0].pages[0].activity: resume state could need 6020 "
        "characters, more than the 4096 every SCORM 1.2 LMS must keep; this survey takes up to "
        "6003: lower `max_length` of its free_text items"
    )
    assert not list(tmp_path.iterdir())
    survey = Survey(id="s", items=items)  # the chatty survey
    page = Page(id="p", title="P", activity=survey)
    in_code = Course(id="chatty", title="Chatty", modules=[Module(id="m", title="M", pages=[page])])
    with pytest.raises(SpecError) as caught:
        build(in_code, "scorm12", tmp_path)
    line = next(n for n, text in enumerate(Path(__file__).read_text().splitlines(), 1)
                if text.endswith("# the chatty survey"))  # fmt: skip
    assert str(caught.value).startswith(f"{__file__}:{line}: modules[0].pages[0].activity: ")
