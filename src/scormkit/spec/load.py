"""Load a spec file into a checked `Course`, reporting every problem with its place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scormkit.errors import Problem, SpecError
from scormkit.spec.banks import with_banks
from scormkit.spec.checks import check_course
from scormkit.spec.document import SourceMap, format_path
from scormkit.spec.explain import describe, validation_problems
from scormkit.spec.includes import mount_includes
from scormkit.spec.models import Course
from scormkit.spec.source import read_document


def load_course(path: Path | str) -> Course:
    """Read, validate and check the spec at `path`; raise SpecError listing every problem."""
    path = Path(path)
    document = read_document(path, str(path))
    mount_includes(document, path)
    try:
        course = course_from_data(document.data, document.source)
    except SpecError as exc:
        stand_ins = {format_path(path) for path in document.stand_ins}
        found = [p for p in exc.problems if p.path not in stand_ins]
        raise SpecError([*document.problems, *found]) from None
    problems = [*document.problems, *check_course(course, path.parent, document.source.locate)]
    if problems:
        raise SpecError(problems)
    return course


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
