"""A parsed spec file: its data, where each value came from, and what reading found wrong."""

from __future__ import annotations

import difflib
import json
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scormkit.errors import Location, Problem, SpecError
from scormkit.limits import size_text
from scormkit.spec.textplaces import index_in_json, index_in_yaml

PathKey = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a loaded document starts."""

    file: str
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    raw: dict[PathKey, str] = field(default_factory=dict)  # scalar text as written
    mounts: dict[PathKey, SourceMap] = field(default_factory=dict)  # included files, by place
    # The file's text, and where each text value is written in it (start, end, style: YAML's
    # '|', '>', '"', "'", '' for plain, or 'json'), to place a character inside a value.
    text: str = ""
    spans: dict[PathKey, tuple[int, int, str]] = field(default_factory=dict)

    def locate(self, path: PathKey, *, key: bool = False, at: int | None = None) -> Location:
        """The start of the value at `path` (or of its key), else of its nearest ancestor;
        with `at`, of character `at` of the text at `path` where that can be told."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.mounts:
                return self.mounts[path[:end]].locate(path[end:], key=key, at=at)
        if key and path in self.keys:
            return Location(self.file, *self.keys[path])
        if at is not None and path in self.spans:
            index = self._index(path, at)
            if index is not None:
                return Location(self.file, *line_column(self.text, index))
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found:
                return Location(self.file, *found)
        return Location(self.file)

    def _index(self, path: PathKey, at: int) -> int | None:
        start, end, style = self.spans[path]
        value = self.raw.get(path, "")
        if style == "json":
            return index_in_json(self.text, start, at)
        return index_in_yaml(self.text, start, end, style, value, at)


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


def read_limited(path: Path, shown_as: str, limit: int) -> bytes:
    """The bytes of the regular file `path`; SpecError when it is missing, not a regular file
    (a FIFO or a device would be read forever) or larger than `limit`."""

    def refuse(message: str) -> SpecError:
        return SpecError([Problem(Location(shown_as), "", message)])

    try:
        mode = path.stat().st_mode  # before opening: opening a pipe waits for a writer
        if stat.S_ISDIR(mode):
            raise refuse("is a folder, not a spec file")
        if not stat.S_ISREG(mode):
            raise refuse("is not a regular file (a pipe or a device); give a file")
        with path.open("rb") as file:
            data = file.read(limit + 1)
    except FileNotFoundError:
        raise refuse("no such file") from None
    except IsADirectoryError:
        raise refuse("is a folder, not a spec file") from None
    except OSError as exc:
        raise refuse(f"cannot be read: {exc.strerror}") from None
    if len(data) > limit:
        raise refuse(f"is larger than {size_text(limit)}, the most scormkit reads")
    return data


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


# Characters XML 1.0 cannot carry (XML 1.0 5th Ed. section 2.2, production [2] Char): every
# manifest, descriptor and statement is XML or JSON made from spec text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def check_text(value: str, report: Callable[[str], None]) -> None:
    """Report a character no package can carry: a control character XML 1.0 forbids, or a
    lone half of a UTF-16 surrogate pair."""
    found = _NOT_XML.search(value)
    if found is None:
        return
    char = found.group()
    code = f"\\u{ord(char):04x}"
    if "\ud800" <= char <= "\udfff":
        report(f"text contains '{code}', half of a surrogate pair; write the character itself")
    else:
        report(f"text contains the control character '{code}', which XML cannot carry; remove it")


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


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """A "did you mean" naming the option closest to `word`; empty when none is close."""
    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean {quote(close[0])}?)" if close else ""
