"""Load a spec file into a checked `Course`, reporting every problem with its place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scormkit.errors import Problem, SpecError, YamlSyntaxError
from scormkit.spec.banks import with_banks
from scormkit.spec.course_checks import check_course
from scormkit.spec.document import SourceMap, format_path
from scormkit.spec.explain import validation_problems
from scormkit.spec.includes import mount_includes
from scormkit.spec.models import Course
from scormkit.spec.salvage import salvage
from scormkit.spec.source import parse_yaml, read_document
from scormkit.spec.value_messages import describe


def load_course(path: Path | str) -> Course:
    """Read, validate and check the spec at `path`; raise SpecError listing every problem."""
    course, problems, _source = read_course(Path(path))
    if problems or course is None:
        raise SpecError(problems)
    return course


def read_course(path: Path) -> tuple[Course | None, list[Problem], SourceMap]:
    """The course at `path` (broken parts stood in for; None when beyond that), every problem
    found, and where each value came from; raise SpecError only when the file cannot be read."""
    try:
        document = read_document(path, str(path))
    except YamlSyntaxError as exc:
        raise SpecError([*exc.problems, *_included_problems(exc.readable, path)]) from None
    mount_includes(document, path)
    try:
        course = course_from_data(document.data, document.source)
    except SpecError as exc:
        stand_ins = {format_path(path) for path in document.stand_ins}
        found = [p for p in exc.problems if not _within(p.path, stand_ins)]
        salvaged, others = salvage(document.data, document.source, path.parent)
        problems = sorted({*document.problems, *found, *others}, key=lambda p: (p.where, p.path))
        return salvaged, problems, document.source
    checked = check_course(course, path.parent, document.source.locate)
    return course, [*document.problems, *checked], document.source


def _included_problems(readable: str | None, path: Path) -> list[Problem]:
    """What reading finds wrong in the parts of a spec with syntax problems that do read, and
    in the files they include: their own syntax problems, say."""
    if readable is None:
        return []
    try:
        document = parse_yaml(readable, str(path))
    except SpecError:  # nothing but the broken parts: no includes to read
        return []
    mount_includes(document, path)
    return document.problems


def _within(path: str, places: set[str]) -> bool:
    return any(path == place or path.startswith((f"{place}.", f"{place}[")) for place in places)


def course_from_data(data: Any, source: SourceMap) -> Course:
    """Validate plain data against the Course model; raise SpecError with located problems."""
    if not isinstance(data, dict):
        message = (
            "expected a mapping of fields (id: ..., title: ..., modules: ...), "
            f"got {describe(data, source.raw.get(()))}"
        )
        raise SpecError([Problem(source.locate(()), "", message)])
    try:
        course = Course.model_validate(data)
    except ValidationError as exc:
        raise SpecError(validation_problems(exc, data, source)) from None
    course, missing = with_banks(course)
    if missing:
        raise SpecError(Problem(source.locate(p), format_path(p), m) for p, m in missing)
    return course
