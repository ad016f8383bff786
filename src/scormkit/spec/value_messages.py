"""Spec values in words: what a wrong value is, and what a right one looks like."""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterable
from typing import Any

from scormkit.spec.base import ID_PATTERN
from scormkit.spec.document import quote
from scormkit.spec.models import Colour, Course, Language


def length_message(kind: str, ctx: dict[str, Any], value: Any) -> str:
    if kind.startswith("string_"):
        if kind == "string_too_short" and ctx.get("min_length") == 1:
            return "must not be empty"
        limit = ctx.get("min_length" if kind == "string_too_short" else "max_length")
        word = "at least" if kind == "string_too_short" else "at most"
        return f"must be {word} {limit} characters long, is {len(value)}"
    limit = int(ctx.get("min_length" if kind == "too_short" else "max_length", 0))
    actual = int(ctx.get("actual_length", 0))
    if kind == "too_short" and actual == 0:
        return f"must not be empty: give at least {_count(limit, 'item')}"
    word = "at least" if kind == "too_short" else "at most"
    return f"must have {word} {_count(limit, 'item')}, has {actual}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def number_text(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}
BOUNDS = {
    "greater_than_equal": "at least",
    "greater_than": "greater than",
    "less_than_equal": "at most",
    "less_than": "less than",
}


def describe(value: Any, raw: str | None, wanted: str = "") -> str:
    """`value` in words, with a hint when quotes made or would make it the `wanted` kind."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        written = raw or number_text(value)
        hint = f" (put it in quotes: '{written}')" if wanted == "text" else ""
        return f"the number {written}{hint}"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, str):
        if "number" in wanted and re.fullmatch(r"-?\d+(\.\d+)?", value.strip()):
            return f"the text {quote(value)} (remove the quotes to make it a number)"
        return f"the text {quote(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


# Patterns: what each means in words, with a corrected value when one is obvious.


def _pattern_in(metadata: Iterable[Any]) -> str:
    return str(next(m.pattern for m in metadata if getattr(m, "pattern", None)))


def _id_message(value: str) -> str:
    if len(value) > 64 and re.fullmatch(ID_PATTERN, value[:64]):
        return f"{quote(value)} is too long for an id: {len(value)} characters, at most 64"
    fixed = re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-")[:64]
    hint = f" (e.g. '{fixed}')" if re.fullmatch(ID_PATTERN, fixed) else ""
    return (
        f"{quote(value)} is not a valid id{hint}: use up to 64 lowercase letters, digits, "
        "'-' or '_', starting with a letter"
    )


def _language_message(value: str) -> str:
    fixed = value.replace("_", "-")
    hint = (
        f" (did you mean '{fixed}'?)"
        if re.fullmatch(_pattern_in(typing.get_args(Language)[1:]), fixed)
        else ""
    )
    return f"{quote(value)} is not a BCP 47 language tag{hint}: write e.g. en, fr or es-MX"


def _colour_message(value: str) -> str:
    return f"{quote(value)} is not a colour: write '#' and six hex digits, e.g. '#1d4f91'"


def _iri_message(value: str) -> str:
    return (
        f"{quote(value)} is not an http(s) address: write e.g. https://example.com/courses, "
        "without spaces, '?' or '#'"
    )


PATTERNS: dict[str, Callable[[str], str]] = {
    ID_PATTERN: _id_message,
    _pattern_in(typing.get_args(Language)[1:]): _language_message,
    _pattern_in(typing.get_args(Colour)[1:]): _colour_message,
    _pattern_in(Course.model_fields["iri"].metadata): _iri_message,
}
