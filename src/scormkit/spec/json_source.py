"""Read strict JSON (RFC 8259) into a Document, recording where each value and key starts."""

from __future__ import annotations

import bisect
import re
from typing import Any

from scormkit.errors import Location, Problem, SpecError
from scormkit.limits import MAX_DEPTH, MAX_VALUES
from scormkit.spec.document import (
    Document,
    PathKey,
    SourceMap,
    check_text,
    duplicate_key,
    format_path,
    refuse_empty,
)
from scormkit.spec.json_syntax import DECODER as _DECODER
from scormkit.spec.json_syntax import mend_json


def parse_json(text: str, shown_as: str) -> Document:
    """Parse strict JSON into plain data, its SourceMap and the problems stepped over.

    JSON is not read as YAML: PyYAML's YAML 1.1 rejects tab indentation, reads `1e3` as text
    and accepts trailing commas, all of which differ from JSON (RFC 8259). Syntax problems are
    all found in one run (json_syntax.py).
    """
    refuse_empty(text.lstrip("\ufeff"), shown_as)
    text, problems, mended = mend_json(text.removeprefix("\ufeff"), shown_as)
    reader = _JsonReader(text, SourceMap(shown_as, text=text))
    data = reader.value(reader.skip(0), ())
    # Values put in for missing or misspelt ones: no check complains about them again.
    starts = {reader.at(index) for index in mended}
    reader.stand_ins.update(path for path, at in reader.source.values.items() if at in starts)
    return Document(data, reader.source, [*problems, *reader.problems], reader.stand_ins)


_JSON_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_JSON_WORDS: dict[str, Any] = {"true": True, "false": False, "null": None}
_JSON_SPACE = re.compile(r"[ \t\n\r]*")


class _JsonReader:
    """Walks text `_DECODER` has accepted, recording where each value and key starts."""

    def __init__(self, text: str, source: SourceMap) -> None:
        self.text = text
        self.source = source
        self.problems: list[Problem] = []
        self.stand_ins: set[PathKey] = set()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.end = 0
        self.count = 0

    def at(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def skip(self, index: int) -> int:
        match = _JSON_SPACE.match(self.text, index)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    def report(self, index: int, path: PathKey, message: str) -> None:
        self.problems.append(
            Problem(Location(self.source.file, *self.at(index)), format_path(path), message)
        )

    def value(self, index: int, path: PathKey) -> Any:
        """The value starting at `index`; sets `self.end` to just after it."""
        self.source.values[path] = self.at(index)
        self.count += 1
        if self.count > MAX_VALUES:
            where = Location(self.source.file, *self.at(index))
            message = f"more than {MAX_VALUES} values; split the course or remove repeated parts"
            raise SpecError([Problem(where, "", message)])
        if len(path) > MAX_DEPTH:
            self.report(index, path, f"nested more than {MAX_DEPTH} levels deep")
            self.stand_ins.add(path)
            _, self.end = _DECODER.raw_decode(self.text, index)
            return None
        char = self.text[index]
        if char == "{":
            return self.mapping(index, path)
        if char == "[":
            return self.sequence(index, path)
        if char == '"':
            text, self.end = _DECODER.raw_decode(self.text, index)
            self.source.raw[path] = text
            self.source.spans[path] = (index, self.end, "json")
            check_text(text, lambda message: self.report(index, path, message))
            return text
        number = _JSON_NUMBER.match(self.text, index)
        if number and number.end() > index:
            self.end = number.end()
            self.source.raw[path] = written = number.group()
            try:
                return float(written) if number.group(1) or number.group(2) else int(written)
            except ValueError:
                self.report(index, path, f"a number of {len(written)} digits is too long")
                self.stand_ins.add(path)
                return None
        for word, result in _JSON_WORDS.items():
            if self.text.startswith(word, index):
                self.end = index + len(word)
                self.source.raw[path] = word
                return result
        # json.loads accepts NaN, Infinity and -Infinity; RFC 8259 does not.
        word = next(w for w in ("NaN", "Infinity", "-Infinity") if self.text.startswith(w, index))
        self.end = index + len(word)
        self.report(index, path, f"{word} is not a JSON number")
        self.stand_ins.add(path)
        return float(word)

    def mapping(self, index: int, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        index = self.skip(index + 1)
        while self.text[index] != "}":
            key, after = _DECODER.raw_decode(self.text, index)
            key_at = self.at(index)
            index = self.skip(self.skip(after) + 1)  # past the ':'
            if key in result:
                message = duplicate_key(key, self.source.keys[(*path, key)], key_at)
                self.problems.append(
                    Problem(Location(self.source.file, *key_at), format_path((*path, key)), message)
                )
                _, self.end = _DECODER.raw_decode(self.text, index)  # skip the repeat
            else:
                self.source.keys[(*path, key)] = key_at
                result[key] = self.value(index, (*path, key))
            index = self.skip(self.end)
            if self.text[index] == ",":
                index = self.skip(index + 1)
        self.end = index + 1
        return result

    def sequence(self, index: int, path: PathKey) -> list[Any]:
        result: list[Any] = []
        index = self.skip(index + 1)
        while self.text[index] != "]":
            result.append(self.value(index, (*path, len(result))))
            index = self.skip(self.end)
            if self.text[index] == ",":
                index = self.skip(index + 1)
        self.end = index + 1
        return result
