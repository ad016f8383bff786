"""The longest resume state a course can need, so a build can refuse what an LMS cannot keep.

Mirrors the encoding rules of runtime/state.js (format 2): keep the two in step. Every count is
the worst case: each question answered with the most tries and the longest response, every
typed character one the format must escape (two characters each), every survey item answered.
tests/test_budget.py checks these figures against the JavaScript encoder itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scormkit.errors import BuildError
from scormkit.render import TYPED_MAX, quiz_keeps_run
from scormkit.spec.activities import (
    FillIn,
    Matching,
    MultipleChoice,
    Numeric,
    Question,
    Quiz,
    Scenario,
    Sequencing,
    Survey,
)
from scormkit.spec.models import Course, Page
from scormkit.spec.scenariostate import scenario_state_worst_case

VERSION = 1  # "2"
LAYOUT_HASH = 7  # a 32-bit hash in base 36
SEEN_BITS = 5  # pages per character of the seen field
ESCAPED = 2  # characters an escaped character can take
RUN_ENTRY = 5  # quiz run: attempt digit and a four-digit seed


@dataclass(frozen=True)
class Part:
    """Characters one part of the state can take, and what an author changes to shrink it."""

    name: str
    size: int
    remedy: str


def _pages(course: Course) -> list[Page]:
    return [page for module in course.modules for page in module.pages]


def _entries(sizes: list[int]) -> int:
    """A section of comma-separated entries, with its letter and the `|` before it; entries
    that are always empty at the end are left out, as state.js leaves them."""
    while sizes and sizes[-1] == 0:
        sizes = sizes[:-1]
    return 2 + sum(sizes) + len(sizes) - 1 if sizes else 0


def response_size(question: Question) -> int:
    """The longest response to `question` as state.js writes it."""
    if isinstance(question, FillIn | Numeric):
        return ESCAPED * TYPED_MAX[question.type]
    if isinstance(question, MultipleChoice):
        return len(question.choices)
    if isinstance(question, Matching):
        return len(question.pairs)
    if isinstance(question, Sequencing):
        return len(question.steps)
    return 1


def answer_sizes(quiz: Quiz) -> list[int]:
    """The longest entry of each question of `quiz`; one a draw leaves out stays empty."""
    sizes = [1 + response_size(q) for q in quiz.questions]
    if quiz.draw is None:
        return sizes
    # Only one attempt's answers are kept, so at most `draw` questions, the longest ones.
    kept = sorted(range(len(sizes)), key=lambda i: -sizes[i])[: quiz.draw]
    return [size if i in kept else 0 for i, size in enumerate(sizes)]


def state_parts(course: Course) -> list[Part]:
    """The worst case of each part of `course`'s resume state, in the order state.js writes."""
    pages = _pages(course)
    quizzes = [p.activity for p in pages if isinstance(p.activity, Quiz)]
    surveys = [p.activity for p in pages if isinstance(p.activity, Survey)]
    questions = [q for quiz in quizzes for q in quiz.questions]
    typed = [q for q in questions if isinstance(q, FillIn | Numeric)]
    items = [item for survey in surveys for item in survey.items]
    header = (
        VERSION + LAYOUT_HASH + len(_base36(len(pages) - 1)) + math.ceil(len(pages) / SEEN_BITS) + 3
    )
    parts = [
        Part("pages viewed", header, "split the course into smaller courses"),
        Part(
            "quiz answers",
            _entries([size for quiz in quizzes for size in answer_sizes(quiz)]),
            "ask fewer questions"
            + (
                f", or fewer fill-in or numeric ones ({len(typed)} keep typed text)"
                if typed
                else ""
            ),
        ),
        Part(
            "quiz attempts",
            _entries([RUN_ENTRY if quiz_keeps_run(quiz) else 0 for quiz in quizzes]),
            "shuffle, draw or limit attempts in fewer quizzes",
        ),
        Part(
            "survey answers",
            _entries([1 + ESCAPED * i.max_length if i.kind == "free_text" else 1 for i in items]),
            "lower `max_length` of free_text survey items",
        ),
    ]
    scenarios = [page.activity for page in pages if isinstance(page.activity, Scenario)]
    parts.append(
        Part(
            "role-play state",
            _entries([scenario_state_worst_case(scenario) for scenario in scenarios]),
            "use fewer badges, variables or points dimensions in role-plays",
        )
    )
    return [part for part in parts if part.size]


def worst_state_size(course: Course) -> int:
    """The most characters `course`'s resume state can take."""
    return sum(part.size for part in state_parts(course))


def check_state_budget(course: Course, budget: int, target_label: str) -> None:
    """Raise BuildError when `course` could need more resume state than `budget` characters."""
    parts = state_parts(course)
    size = sum(part.size for part in parts)
    if size <= budget:
        return
    largest = sorted(parts, key=lambda part: -part.size)[:2]
    advice = "; ".join(f"{p.name} take up to {p.size}: {p.remedy}" for p in largest)
    raise BuildError(
        f"course '{course.id}': resume state could need {size} characters, more than the "
        f"{budget} every {target_label} LMS must keep; {advice}"
    )


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if number == 0:
            return out
