"""Where character N of a text value was written in its file, so that a problem inside a
Markdown block (a missing image on its seventh line) points at that line and column."""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\r\n]*")


def index_in_yaml(source: str, start: int, end: int, style: str, value: str, at: int) -> int | None:
    """The index in `source` of character `at` of `value`, the YAML scalar written from `start`
    to `end` in `style` ('|', '>', '"', "'" or '' for plain); None when it cannot be told.

    Every style keeps the text of each source line, less its indentation, in order in the value:
    only the line breaks between them change (folded to spaces, or kept). So each line's text is
    found in the value after the previous one's. A line with an escape (`\\"`, `''`) in a quoted
    scalar is not found as written, and from there on the place is not told.
    """
    if style in ("|", ">"):
        start = source.find("\n", start, end) + 1  # past the header (`|`, `>-`, `|2`...)
        if start == 0:
            return None
    elif style in ('"', "'"):
        start, end = start + 1, end - 1
    found_up_to = 0
    for line in _LINE.finditer(source, start, end):
        text = line.group().strip(" \t")
        if not text:
            continue
        found = value.find(text, found_up_to)
        if found < 0:
            return None
        if found <= at < found + len(text):
            return line.start() + len(line.group()) - len(line.group().lstrip(" \t")) + at - found
        found_up_to = found + len(text)
    return None


def index_in_json(source: str, start: int, at: int) -> int | None:
    """The index in `source` of character `at` of the JSON string whose quote is at `start`."""
    index, count = start + 1, 0
    while index < len(source) and source[index] != '"':
        if count == at:
            return index
        if source[index] != "\\":
            index += 1
        elif source[index + 1] != "u":
            index += 2
        else:
            high = "\ud800" <= chr(int(source[index + 2 : index + 6], 16)) <= "\udbff"
            pair = high and source.startswith("\\u", index + 6)
            index += 12 if pair else 6  # a surrogate pair is one character
        count += 1
    return None
