"""A parsed spec file: its data, where each value came from, and what reading found wrong."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scormkit.errors import Location, Problem, SpecError

PathKey = tuple[str | int, ...]

# A spec has hundreds of values; this many means aliases are multiplying ("billion laughs").
MAX_VALUES = 100_000
# Deeper than any spec needs, and shallow enough that no reader runs out of stack.
MAX_DEPTH = 100


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a loaded document starts."""

    file: str
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    raw: dict[PathKey, str] = field(default_factory=dict)  # scalar text as written
    mounts: dict[PathKey, SourceMap] = field(default_factory=dict)  # included files, by place

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """The start of the value at `path` (or of its key), else of its nearest ancestor."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.mounts:
                return self.mounts[path[:end]].locate(path[end:], key=key)
        if key and path in self.keys:
            return Location(self.file, *self.keys[path])
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found:
                return Location(self.file, *found)
        return Location(self.file)


@dataclass
class Document:
    """A parsed spec file: its data, where each value came from, and what was wrong in it.

    `problems` are the mistakes reading could step over (a duplicate key keeps its first
    value), so they are reported together with the problems validation finds. Where a value
    could not be read at all, `data` holds a stand-in and `stand_ins` its path: any complaint
    about the stand-in would only repeat the reading problem.
    """

    data: Any
    source: SourceMap
    problems: list[Problem]
    stand_ins: set[PathKey]


def refuse_empty(text: str, shown_as: str) -> None:
    """Raise SpecError when `text` holds nothing but white space."""
    if not text.strip():
        raise SpecError(
            [Problem(Location(shown_as), "", "the file is empty; a spec starts with `id:`")]
        )


def duplicate_key(key: str, first: tuple[int, int], again: tuple[int, int]) -> str:
    """The message for `key` written again at `again`, first written at `first` (line, column)."""
    place = f"line {first[0]}" if first[0] != again[0] else f"column {first[1]}"
    return f"duplicate key {quote(key)}; the first is at {place}"


def check_text(value: str, report: Callable[[str], None]) -> None:
    """Report text that cannot be written as UTF-8: a lone half of a UTF-16 surrogate pair."""
    for char in value:
        if "\ud800" <= char <= "\udfff":
            code = f"\\u{ord(char):04x}"
            report(f"text contains '{code}', half of a surrogate pair; write the character itself")
            return


def line_column(text: str, index: int) -> tuple[int, int]:
    """Line and column, from 1, of character `index` of `text`."""
    line = text.count("\n", 0, index)
    return line + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def format_path(path: PathKey) -> str:
    """`("modules", 0, "title")` -> `modules[0].title`; odd keys are quoted: `points["a b"]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not re.fullmatch(r"[A-Za-z0-9_-]+", part):
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
        else:
            out += f".{part}" if out else part
    return out


def quote(text: str, limit: int = 60) -> str:
    """`text` in single quotes on one line, escaped and shortened to `limit` characters."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"
