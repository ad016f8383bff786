"""`scormkit validate`: every problem of a spec in one run, the resume-state budget included."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from scormkit.errors import Problem, SpecError
from scormkit.plan.resume import activity_share, worst_state_size
from scormkit.player_text import player_text
from scormkit.spec.activities import Quiz
from scormkit.spec.course_checks import Locate
from scormkit.spec.document import PathKey, SourceMap, format_path
from scormkit.spec.load import read_course
from scormkit.spec.models import OLD_LAUNCH_PER_MODULE, Course
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
        problems = [*problems, *budget_problems(course, source.locate, targets)]
        problems += [
            Problem(source.locate(p), format_path(p), m) for p, m in launch_problems(course)
        ]
    if problems or course is None:
        raise SpecError(problems)
    return course


def launch_problems(course: Course) -> list[tuple[PathKey, str]]:
    """Packaging rules that need one launch per module, set for a course that is one launch."""
    packaging = course.packaging
    if packaging.launch_per_module:
        return []
    found: list[tuple[PathKey, str]] = []
    if packaging.modules_in_order:
        found.append((("packaging", "modules_in_order"), "opening modules in order needs "
                      "one launch per module: set `launch_per_module: true`"))  # fmt: skip
    if packaging.assessment:
        found.append((("packaging", "assessment"), "an assessment module needs one launch "
                      "per module: set `launch_per_module: true`"))  # fmt: skip
    return found


def spec_warnings(path: Path | str, targets: Iterable[str] = TARGETS) -> list[Problem]:
    """What in the spec at `path` builds, but is likely a mistake for `targets`."""
    course, problems, source = read_course(Path(path))
    if course is None or problems:
        return []
    found: list[tuple[PathKey, str]] = []
    if "iri" not in course.model_fields_set and {"xapi", "cmi5"} & set(targets):
        found.append((("id",), "no `iri`: xAPI and cmi5 activity ids are made under "
                      f"{course.iri}, a domain you do not own; set `iri`"))  # fmt: skip
    found += verdict_feedback(course)
    warnings = [Problem(source.locate(p), format_path(p), f"warning: {m}") for p, m in found]
    return [*old_names(source), *warnings]


def old_names(source: SourceMap) -> list[Problem]:
    """A field written under its old name, which still works: where, and what to write."""
    where: PathKey = ("packaging", OLD_LAUNCH_PER_MODULE)
    if where not in source.keys:
        return []
    value = source.raw.get(where, "true")
    message = (
        f"warning: `{OLD_LAUNCH_PER_MODULE}` is the old name of this field; "
        f"write `launch_per_module: {value}` instead"
    )
    return [Problem(source.locate(where, key=True), format_path(where), message)]


def verdict_feedback(course: Course) -> list[tuple[PathKey, str]]:
    """Feedback that only repeats the verdict the player already shows ("Correct.")."""
    text = player_text(course)
    verdicts = {_words(text["right"]), _words(text["wrong"]), *map(_words, _VERDICTS)}
    found: list[tuple[PathKey, str]] = []
    for m, module in enumerate(course.modules):
        for p, page in enumerate(module.pages):
            quiz = page.activity
            if not isinstance(quiz, Quiz):
                continue
            for q, question in enumerate(quiz.questions):
                here: PathKey = ("modules", m, "pages", p, "activity", "questions", q)
                fields = [
                    "correct_feedback",
                    "incorrect_feedback",
                    "true_feedback",
                    "false_feedback",
                ]
                for name in fields:
                    value = getattr(question, name, None)
                    if isinstance(value, str) and _words(value) in verdicts:
                        found.append(((*here, name), _REPEATS.format(value=value.strip())))
    return found


_VERDICTS = ("correct", "incorrect", "right", "wrong", "correcto", "incorrecto")
_REPEATS = "'{value}' repeats the verdict the player already shows; say why, or leave it out"


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def budget_problems(course: Course, locate: Locate, targets: Iterable[str]) -> list[Problem]:
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
        found.append(Problem(locate(where), format_path(where), message))
    return found


def _shares(course: Course) -> list[tuple[PathKey, str, int]]:
    """Each activity of `course`, its kind and the characters of resume state it can take."""
    return [
        (("modules", m, "pages", p, "activity"), page.activity.type, activity_share(page.activity))
        for m, module in enumerate(course.modules)
        for p, page in enumerate(module.pages)
        if page.activity is not None
    ]
