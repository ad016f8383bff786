"""Pydantic's validation errors in an author's words, each placed where the fix belongs."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from scormkit.errors import Problem
from scormkit.spec.document import PathKey, SourceMap, format_path, quote
from scormkit.spec.models import Course
from scormkit.spec.value_messages import (
    BOUNDS,
    PATTERNS,
    TYPE_NAMES,
    describe,
    length_message,
    number_text,
)

YAML_WORDS = {"yes", "no", "on", "off", "y", "n"}


def validation_problems(
    exc: ValidationError, data: Any, source: SourceMap, root: type[BaseModel] = Course
) -> list[Problem]:
    """One problem per distinct error of validating `data` against `root`."""
    errors = [_Error.of(err, data, root) for err in exc.errors()]
    problems = [
        _problem(error, data, source) for error in errors if not _explained(error, errors, data)
    ]
    return _without_repeats(problems)


def _without_repeats(problems: list[Problem]) -> list[Problem]:
    seen: dict[str, Problem] = {}
    for p in problems:
        seen.setdefault(str(p), p)
    return list(seen.values())


@dataclass(frozen=True)
class _Error:
    """A pydantic error placed in the data: its path there and the types found along it."""

    kind: str
    path: PathKey
    owner: Any  # the model whose field the last step names, or None
    annotation: Any  # the declared type of the value at `path`, or None
    details: ErrorDetails

    @classmethod
    def of(cls, err: ErrorDetails, data: Any, root: type[BaseModel]) -> _Error:
        path, owner, annotation = _follow(tuple(err["loc"]), data, root)
        return cls(err["type"], path, owner, annotation, err)


def _follow(
    loc: tuple[int | str, ...], data: Any, root: type[BaseModel]
) -> tuple[PathKey, Any, Any]:
    """Walk `loc` through the models and `data` together, dropping the union tags pydantic
    adds to it ('quiz' in `activity.quiz.questions`), so the path names only data."""
    path: list[str | int] = []
    owner: Any = None
    annotation: Any = root
    node = data
    steps = list(loc)
    while steps:
        annotation = _unwrap(annotation)
        variants = _variants(annotation)
        if variants is not None:
            tag = steps[0]
            if isinstance(node, dict) and tag in variants and node.get("type") == tag:
                steps.pop(0)
                annotation = variants[tag]
                continue
            annotation = None
        step = steps.pop(0)
        path.append(step)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            owner = annotation
            field = annotation.model_fields.get(str(step))
            annotation = field.annotation if field else None
        elif typing.get_origin(annotation) in (list, dict):
            owner = None
            annotation = typing.get_args(annotation)[-1]
        else:
            owner = annotation = None
        if isinstance(node, dict):
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            node = None
    return tuple(path), owner, annotation


def _unwrap(annotation: Any) -> Any:
    """Drop `Annotated[...]` and `| None`, which add no step to an error's location."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [o for o in typing.get_args(annotation) if o is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _variants(annotation: Any) -> dict[str, type[BaseModel]] | None:
    """The models of a union tagged by `type`, by tag; None when `annotation` is not one."""
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return None
    variants: dict[str, type[BaseModel]] = {}
    for option in typing.get_args(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            tag = option.model_fields.get("type")
            if tag is not None:
                variants.update((t, option) for t in typing.get_args(tag.annotation))
    return variants or None


def _explained(error: _Error, errors: list[_Error], data: Any) -> bool:
    """Whether `error` is a missing field that an unknown field's "did you mean" names.

    `markdwn: x` gives both "missing 'markdown'" and "unknown 'markdwn'"; the second says it all.
    """
    if error.kind != "missing":
        return False
    return any(
        other.kind == "extra_forbidden"
        and other.path[:-1] == error.path[:-1]
        and _closest(str(other.path[-1]), _free_fields(other, data)) == error.path[-1]
        for other in errors
    )


def _other_fields(error: _Error, data: Any) -> str:
    """A "did you mean" for an unknown field, else the fields the mapping could still take."""
    free = _free_fields(error, data)
    hint = _did_you_mean(str(error.path[-1]), free)
    if hint:
        return hint
    if not free:
        return "; this mapping takes no other fields"
    if len(free) > 20:
        return ""
    return f"; other fields here: {', '.join(free)}"


def _free_fields(error: _Error, data: Any) -> list[str]:
    """Fields the mapping holding `error`'s unknown key could still take: those not given."""
    node: Any = data
    for step in error.path[:-1]:
        if isinstance(node, dict):
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
    given = node if isinstance(node, dict) else {}
    return [name for name in _field_names(error.owner) if name not in given]


def _problem(error: _Error, data: Any, source: SourceMap) -> Problem:
    """Place `error` where an author would fix it: a missing field at the mapping that lacks
    it, an unknown field at its key, anything else at the value."""
    path, shown = error.path, format_path(error.path)
    if error.kind == "missing":
        return Problem(source.locate(path[:-1]), shown, f"missing required field '{path[-1]}'")
    if error.kind == "extra_forbidden":
        message = f"unknown field {quote(str(path[-1]))}{_other_fields(error, data)}"
        return Problem(source.locate(path, key=True), shown, message)
    if error.kind in ("union_tag_invalid", "union_tag_not_found"):
        return _tag_problem(error, source)
    return Problem(source.locate(path), shown, _message(error, source.raw.get(path)))


def _message(error: _Error, raw: str | None) -> str:
    """What is wrong with the value of `error`, written `raw` in the file, and what is right."""
    kind = error.kind
    ctx: dict[str, Any] = error.details.get("ctx", {})
    value = error.details.get("input")
    if kind == "literal_error":
        expected = ", ".join(_literal_options(error.annotation))
        if not isinstance(value, str):
            return f"expected one of {expected}, got {describe(value, raw)}"
        hint = _did_you_mean(value, _literal_options(error.annotation))
        return f"{quote(value)} is not allowed{hint}; expected one of {expected}"
    if kind == "string_pattern_mismatch":
        explain = PATTERNS.get(str(ctx.get("pattern")))
        if explain:
            return explain(str(value))
        return f"{quote(str(value))} does not have the expected form ({ctx.get('pattern')})"
    if kind == "bool_type" and isinstance(value, str) and value.lower() in YAML_WORDS:
        return f"{quote(value)} is text here, not a boolean: write true or false"
    if kind in TYPE_NAMES:
        wanted = TYPE_NAMES[kind]
        return f"expected {wanted}, got {describe(value, raw, wanted)}"
    if kind in ("too_short", "too_long", "string_too_short", "string_too_long"):
        return length_message(kind, ctx, value)
    if kind in BOUNDS:
        limit = next(iter(ctx.values()))
        return (
            f"must be {BOUNDS[kind]} {number_text(limit)}, is {raw if raw is not None else value}"
        )
    if kind == "finite_number":
        return f"must be a finite number, is {raw if raw is not None else value}"
    if kind == "value_error":
        return str(ctx.get("error", error.details["msg"]))
    return error.details["msg"]


def _tag_problem(error: _Error, source: SourceMap) -> Problem:
    """Problems of the `type` that says which kind of block, question or activity this is."""
    value = error.details.get("input")
    options = list(_variants(_unwrap(error.annotation)) or {})
    expected = f"one of {', '.join(options)}"
    shown = format_path(error.path)
    if error.kind == "union_tag_not_found" or not isinstance(value, dict):
        return Problem(source.locate(error.path), shown, f"missing field 'type': {expected}")
    path = (*error.path, "type")
    tag = value.get("type")
    where = source.locate(path)
    if not isinstance(tag, str):
        return Problem(where, format_path(path), f"expected {expected}, got {describe(tag, None)}")
    return Problem(
        where,
        format_path(path),
        f"unknown type {quote(tag)}{_did_you_mean(tag, options)}; expected {expected}",
    )


def _literal_options(annotation: Any) -> list[str]:
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is typing.Literal:
        return [str(option) for option in typing.get_args(annotation)]
    return []


def _closest(word: str, options: list[str]) -> str | None:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean(word: str, options: list[str]) -> str:
    close = _closest(word, options)
    return f" (did you mean {quote(close)}?)" if close else ""


def _field_names(model: Any) -> list[str]:
    if isinstance(model, type) and issubclass(model, BaseModel):
        return sorted(model.model_fields)
    return []
