"""The longest resume state a course can need, so a build can refuse what an LMS cannot keep.

Sizes a course with the format of runtime/state.js (its twin is scormkit.state). Every count is
the worst case: each question answered with the most tries and the longest response, every
typed character one the format must escape, every survey item answered.
tests/building/test_budget.py checks these figures against the JavaScript encoder itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from scormkit.errors import BuildError
from scormkit.scenario.state import scenario_state_worst_case
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.models import Course
from scormkit.state import ESCAPED, RUN_ENTRY, header_size, section_size


@dataclass(frozen=True)
class Part:
    """Characters one part of the state can take, and what an author changes to shrink it."""

    name: str
    size: int
    remedy: str


def answer_sizes(quiz: Quiz) -> list[int]:
    """The longest entry of each question of `quiz`; one a draw leaves out stays empty."""
    sizes = [1 + q.response_size() for q in quiz.questions]
    if quiz.draw is None:
        return sizes
    # Only one attempt's answers are kept, so at most `draw` questions, the longest ones.
    kept = sorted(range(len(sizes)), key=lambda i: -sizes[i])[: quiz.draw]
    return [size if i in kept else 0 for i, size in enumerate(sizes)]


def state_parts(course: Course) -> list[Part]:
    """The worst case of each part of `course`'s resume state, in the order state.js writes."""
    pages = [page for module in course.modules for page in module.pages]
    quizzes = [p.activity for p in pages if isinstance(p.activity, Quiz)]
    surveys = [p.activity for p in pages if isinstance(p.activity, Survey)]
    scenarios = [p.activity for p in pages if isinstance(p.activity, Scenario)]
    typed = [q for quiz in quizzes for q in quiz.questions if q.typed_max]
    items = [item for survey in surveys for item in survey.items]
    more_typed = f", or fewer fill-in or numeric ones ({len(typed)} keep typed text)"
    parts = [
        Part("pages viewed", header_size(len(pages)), "split the course into smaller courses"),
        Part(
            "quiz answers",
            section_size([size for quiz in quizzes for size in answer_sizes(quiz)]),
            "ask fewer questions" + (more_typed if typed else ""),
        ),
        Part(
            "quiz attempts",
            section_size([RUN_ENTRY if quiz.keeps_run() else 0 for quiz in quizzes]),
            "shuffle, draw or limit attempts in fewer quizzes",
        ),
        Part(
            "survey answers",
            section_size(
                [1 + ESCAPED * i.max_length if i.kind == "free_text" else 1 for i in items]
            ),
            "lower `max_length` of free_text survey items",
        ),
        Part(
            "role-play state",
            section_size([scenario_state_worst_case(scenario) for scenario in scenarios]),
            "use fewer badges, variables or points dimensions in role-plays",
        ),
    ]
    return [part for part in parts if part.size]


def worst_state_size(course: Course) -> int:
    """The most characters `course`'s resume state can take."""
    return sum(part.size for part in state_parts(course))


def check_state_budget(parts: list[Part], budget: int, course_id: str, target_label: str) -> None:
    """Raise BuildError when the state could need more than `budget` characters."""
    size = sum(part.size for part in parts)
    if size <= budget:
        return
    largest = sorted(parts, key=lambda part: -part.size)[:2]
    advice = "; ".join(f"{p.name} take up to {p.size}: {p.remedy}" for p in largest)
    raise BuildError(
        f"course '{course_id}': resume state could need {size} characters, more than the "
        f"{budget} every {target_label} LMS must keep; {advice}"
    )
