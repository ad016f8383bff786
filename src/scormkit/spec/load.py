"""Load a spec file into a checked `Course`, reporting every problem with its place."""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from scormkit.errors import Location, Problem, SpecError
from scormkit.spec.base import ID_PATTERN
from scormkit.spec.checks import check_course
from scormkit.spec.models import Course
from scormkit.spec.source import PathKey, SourceMap, format_path, read_document

YAML_WORDS = {"yes", "no", "on", "off", "y", "n"}


def load_course(path: Path | str) -> Course:
    """Read, validate and check the spec at `path`; raise SpecError listing every problem."""
    path = Path(path)
    data, source = read_document(path, str(path))
    course = course_from_data(data, source)
    problems = check_course(course, path.parent, source.locate)
    if problems:
        raise SpecError(problems)
    return course


def course_from_data(data: Any, source: SourceMap) -> Course:
    """Validate plain data against the Course model; raise SpecError with located problems."""
    if not isinstance(data, dict):
        raise SpecError([Problem(source.locate(()), "", "a spec is a mapping of fields, starting with `id:`")])
    try:
        return Course.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(err, data, source) for err in exc.errors()]
        raise SpecError(_without_repeats(problems)) from None


def _without_repeats(problems: list[Problem]) -> list[Problem]:
    seen: dict[str, Problem] = {}
    for p in problems:
        seen.setdefault(str(p), p)
    return list(seen.values())


def _data_path(loc: tuple[int | str, ...], data: Any) -> PathKey:
    """Follow `loc` through `data`, dropping the union tags pydantic adds (e.g. 'quiz')."""
    path: list[str | int] = []
    node = data
    for index, step in enumerate(loc):
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
        elif isinstance(node, dict) and isinstance(step, str) and index < len(loc) - 1:
            continue  # a union tag
        elif index < len(loc) - 1:
            break
        path.append(step)
    return tuple(path)


def _problem(err: ErrorDetails, data: Any, source: SourceMap) -> Problem:
    path = _data_path(tuple(err["loc"]), data)
    kind = err["type"]
    ctx = err.get("ctx", {})
    value = err.get("input")
    raw = source.raw.get(path)
    shown = format_path(path)
    if kind == "missing":
        return Problem(source.locate(path[:-1]), shown, f"missing required field '{path[-1]}'")
    if kind == "extra_forbidden":
        known = _fields_at(path[:-1], data)
        return Problem(
            source.locate(path, key=True),
            shown,
            f"unknown field '{path[-1]}'{_did_you_mean(str(path[-1]), known)}",
        )
    where = source.locate(path)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        expected = [t.strip().strip("'") for t in str(ctx.get("expected_tags", "")).split(",")]
        field_name = str(ctx.get("discriminator", "type")).strip("'")
        if kind == "union_tag_not_found":
            return Problem(where, shown, f"missing '{field_name}': one of {', '.join(expected)}")
        tag = str(ctx.get("tag"))
        hint = _did_you_mean(tag, expected)
        return Problem(
            source.locate((*path, field_name)),
            f"{shown}.{field_name}" if shown else field_name,
            f"unknown {field_name} '{tag}'{hint}; expected one of {', '.join(expected)}",
        )
    if kind == "literal_error":
        expected = [e.strip().strip("'") for e in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
        expected = [e for e in expected if e]
        return Problem(
            where, shown, f"'{raw if raw is not None else value}' is not allowed{_did_you_mean(str(value), expected)}; "
            f"expected one of {', '.join(expected)}"
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        return Problem(
            where, shown, f"'{value}' is not a valid id: use up to 64 lowercase letters, digits, "
            "'-' or '_', starting with a letter"
        )
    if kind == "string_pattern_mismatch":
        return Problem(where, shown, f"'{value}' does not have the expected form ({ctx.get('pattern')})")
    if kind in ("bool_type", "bool_parsing") and isinstance(value, str) and value.lower() in YAML_WORDS:
        return Problem(where, shown, f"'{value}' is text here, not a boolean: write true or false")
    if kind in _TYPE_NAMES:
        return Problem(where, shown, f"expected {_TYPE_NAMES[kind]}, got {_describe(value, raw)}")
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length" if kind == "too_short" else "max_length")
        unit = "characters" if isinstance(value, str) else "items"
        word = "at least" if kind == "too_short" else "at most"
        return Problem(where, shown, f"needs {word} {limit} {unit}, has {ctx.get('actual_length', len(value))}")
    if kind in ("string_too_short", "string_too_long"):
        limit = ctx.get("min_length" if kind == "string_too_short" else "max_length")
        word = "at least" if kind == "string_too_short" else "at most"
        return Problem(where, shown, f"must be {word} {limit} characters long, is {len(value)}")
    if kind in _BOUNDS:
        limit = next(iter(ctx.values()))
        return Problem(where, shown, f"must be {_BOUNDS[kind]} {limit}, is {raw if raw is not None else value}")
    if kind == "value_error":
        return Problem(where, shown, str(ctx.get("error", err["msg"])))
    return Problem(where, shown, err["msg"])


_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "int_from_float": "a whole number",
}
_BOUNDS = {
    "greater_than_equal": "at least",
    "greater_than": "greater than",
    "less_than_equal": "at most",
    "less_than": "less than",
}


def _describe(value: Any, raw: str | None) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {raw or value} (quote it if it is text: '{raw or value}')"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fields_at(path: PathKey, data: Any) -> list[str]:
    """Field names the model at `path` accepts, following `type` tags through unions."""
    annotation: Any = Course
    node = data
    for step in path:
        model = _pick_model(annotation, node)
        node = node[step]
        if isinstance(step, str) and isinstance(model, type) and issubclass(model, BaseModel):
            annotation = model.model_fields[step].annotation
        elif typing.get_origin(model) in (list, dict):
            annotation = typing.get_args(model)[-1]
        else:
            return []
    model = _pick_model(annotation, node)
    return sorted(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []


def _pick_model(annotation: Any, node: Any) -> Any:
    """Unwrap Optional, Annotated and tagged unions down to the type that fits `node`."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _pick_model(typing.get_args(annotation)[0], node)
    if origin in (typing.Union, types.UnionType):
        options = [o for o in typing.get_args(annotation) if o is not type(None)]
        for option in options:
            inner = _pick_model(option, node)
            tag = getattr(inner, "model_fields", {}).get("type")
            if tag is None or (isinstance(node, dict) and node.get("type") in typing.get_args(tag.annotation)):
                return inner
        return None
    return annotation
