"""`scormkit validate`: every problem of a spec in one run, the resume-state budget included."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from scormkit.budget import RUN_ENTRY, answer_sizes, worst_state_size
from scormkit.errors import Problem, SpecError
from scormkit.render import quiz_keeps_run
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.document import PathKey, SourceMap, format_path
from scormkit.spec.load import read_course
from scormkit.spec.models import Course
from scormkit.spec.scenariostate import scenario_state_worst_case
from scormkit.targets import TARGETS

_REMEDY = {
    "quiz": "ask fewer questions, fewer fill-in or numeric ones, or draw fewer",
    "survey": "lower `max_length` of its free_text items",
    "scenario": "use fewer badges, variables or points dimensions",
}


def validate_spec(path: Path | str, targets: Iterable[str] = TARGETS) -> Course:
    """The checked course at `path`; raise SpecError listing every problem, including resume
    state that would not fit the smallest budget of `targets`."""
    course, problems, source = read_course(Path(path))
    if course is not None:
        problems = [*problems, *budget_problems(course, source, targets)]
    if problems or course is None:
        raise SpecError(problems)
    return course


def budget_problems(course: Course, source: SourceMap, targets: Iterable[str]) -> list[Problem]:
    """One problem at each of the two activities that take most of a resume state too long for
    the strictest of `targets`; none when it fits."""
    chosen = [TARGETS[name] for name in targets if name in TARGETS]
    if not chosen:
        return []
    strictest = min(chosen, key=lambda target: target.state_budget)
    size = worst_state_size(course)
    if size <= strictest.state_budget:
        return []
    largest = sorted(_shares(course), key=lambda share: -share[2])[:2]
    found = []
    for where, kind, share in largest:
        if share < size / 10:
            continue  # too small a part to be worth changing
        message = (
            f"resume state could need {size} characters, more than the "
            f"{strictest.state_budget} every {strictest.label} LMS must keep; this {kind} "
            f"takes up to {share}: {_REMEDY[kind]}"
        )
        found.append(Problem(source.locate(where), format_path(where), message))
    return found


def _shares(course: Course) -> list[tuple[PathKey, str, int]]:
    """Each activity of `course`, its kind and the characters of resume state it can take."""
    shares: list[tuple[PathKey, str, int]] = []
    for m, module in enumerate(course.modules):
        for p, page in enumerate(module.pages):
            where: PathKey = ("modules", m, "pages", p, "activity")
            activity = page.activity
            if isinstance(activity, Quiz):
                run = RUN_ENTRY if quiz_keeps_run(activity) else 0
                shares.append((where, "quiz", sum(answer_sizes(activity)) + run))
            elif isinstance(activity, Survey):
                sizes = [
                    1 + 2 * i.max_length if i.kind == "free_text" else 1 for i in activity.items
                ]
                shares.append((where, "survey", sum(sizes)))
            elif isinstance(activity, Scenario):
                shares.append((where, "scenario", scenario_state_worst_case(activity)))
    return shares
