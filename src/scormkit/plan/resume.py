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


def activity_entries(activity: Quiz | Scenario | Survey) -> dict[str, list[int]]:
    """The longest entry of each of `activity`'s places in the state, by the part they are in."""
    if isinstance(activity, Quiz):
        run = RUN_ENTRY if activity.keeps_run() else 0
        return {"quiz answers": answer_sizes(activity), "quiz attempts": [run]}
    if isinstance(activity, Survey):
        sizes = [1 + ESCAPED * i.max_length if i.kind == "free_text" else 1 for i in activity.items]
        return {"survey answers": sizes}
    return {"role-play state": [scenario_state_worst_case(activity)]}


def activity_share(activity: Quiz | Scenario | Survey) -> int:
    """The most characters of resume state `activity`'s own entries can take."""
    return sum(sum(sizes) for sizes in activity_entries(activity).values())


def state_parts(course: Course) -> list[Part]:
    """The worst case of each part of `course`'s resume state, in the order state.js writes."""
    pages = [page for module in course.modules for page in module.pages]
    entries = [activity_entries(page.activity) for page in pages if page.activity is not None]
    quizzes = [p.activity for p in pages if isinstance(p.activity, Quiz)]
    typed = [q for quiz in quizzes for q in quiz.questions if q.typed_max]
    more_typed = f", or fewer fill-in or numeric ones ({len(typed)} keep typed text)"

    def part(name: str, remedy: str) -> Part:
        return Part(
            name, section_size([n for found in entries for n in found.get(name, [])]), remedy
        )

    parts = [
        Part("pages viewed", header_size(len(pages)), "split the course into smaller courses"),
        part("quiz answers", "ask fewer questions" + (more_typed if typed else "")),
        part("quiz attempts", "shuffle, draw or limit attempts in fewer quizzes"),
        part("survey answers", "lower `max_length` of free_text survey items"),
        part("role-play state", "use fewer badges, variables or points dimensions in role-plays"),
    ]
    return [found for found in parts if found.size]


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
