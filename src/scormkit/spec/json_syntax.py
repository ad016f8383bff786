"""Every syntax problem of a JSON spec in one run.

The standard `json` module stops at the first problem. Each common mistake is mended in place,
one character for one, so every later line and column stays where the author wrote it, and the
text is read again, until it reads or MAX_SYNTAX_PROBLEMS are found (fewer in a large file):
a missing ',' or ':' takes the place of a space before the spot; a trailing comma becomes a
space; a text in single quotes gets double ones; a tab inside a text and a '\\' that starts no
escape become spaces; an unquoted key takes its quotes from the indentation before it; a
missing or misspelt value becomes a stand-in, whose path no other check then complains about;
anything after the end of the spec is set aside. A mistake that cannot be mended so (a text
left open, a line break inside a text, a bracket out of place) ends the reading, after the
problems found so far.
"""

from __future__ import annotations

import json
import re

from scormkit.errors import Location, Problem, SpecError
from scormkit.limits import MAX_SYNTAX_PROBLEMS, SYNTAX_REREAD_CHARS

# Checks syntax and reads strings; numbers are read by json_source's reader, which can report a
# number too long for Python's int() instead of failing with ValueError.
DECODER = json.JSONDecoder(parse_int=len, parse_float=len)
_WORD = re.compile(r"[A-Za-z0-9_.+\-]+")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def mend_json(text: str, shown_as: str) -> tuple[str, list[Problem], list[int]]:
    """`text` mended to read as JSON, its syntax problems, and where stand-in values start."""
    problems: list[Problem] = []
    stand_ins: list[int] = []
    most = min(MAX_SYNTAX_PROBLEMS, max(1, SYNTAX_REREAD_CHARS // max(1, len(text))))
    reached = -1
    while True:
        try:
            DECODER.decode(text)
        except json.JSONDecodeError as exc:
            # Reading that stops no further on than before met a mistake a mend made, or the
            # same one: the mistake was not one a character mends (a bracket out of place).
            if exc.pos <= reached:
                raise SpecError(problems) from None
            reached = exc.pos
            where = Location(shown_as, exc.lineno, exc.colno)
            problems.append(Problem(where, "", f"not valid JSON: {_message(exc)}"))
            mended = _mend(text, exc)
            if mended is None or mended[0] == text:
                raise SpecError(problems) from None
            if len(problems) == most:
                message = f"reading stopped after {most} problems; fix these and run again"
                stop = Location(shown_as, exc.lineno + 1, 1)
                raise SpecError([*problems, Problem(stop, "", message)]) from None
            text, stand_in = mended
            if stand_in is not None:
                stand_ins.append(stand_in)
        except RecursionError:
            problem = Problem(Location(shown_as), "", "nested too deeply to read")
            raise SpecError([*problems, problem]) from None
        else:
            return text, problems, stand_ins


# What the `json` module's messages mean, in the author's words.
_MESSAGES = {
    "Expecting property name enclosed in double quotes": "expected a key in double quotes",
    "Invalid control character at": (
        "a control character (a tab or line break) inside a string; write it as \\t or \\n"
    ),
    "Extra data": "more after the end of the JSON value; a spec file holds one { } object",
    "Invalid \\escape": "a '\\' that starts no escape; write '\\\\' for a backslash",
    "Invalid \\uXXXX escape": "'\\u' must be followed by four hexadecimal digits",
    "Expecting ',' delimiter": "a ',' is missing before this",
    "Expecting ':' delimiter": "a ':' is missing after the key",
    "Expecting value": "expected a value",
}


def _message(exc: json.JSONDecodeError) -> str:
    """What a JSON syntax error means, in the author's words."""
    here = exc.doc[exc.pos : exc.pos + 1]
    if exc.doc[: exc.pos].rstrip().endswith(",") and here in ("]", "}"):
        return f"a comma before '{here}'; JSON allows no trailing commas"
    if here == "'":
        return "text in single quotes; JSON wants double quotes"
    return _MESSAGES.get(exc.msg, exc.msg[0].lower() + exc.msg[1:])


def _mend(text: str, exc: json.JSONDecodeError) -> tuple[str, int | None] | None:
    """`text` with the mistake at `exc` mended in place and where a stand-in value starts, or
    None when it cannot be mended without moving later text."""
    at = exc.pos
    here = text[at : at + 1]
    before = text[:at].rstrip()
    if not text[at:].strip():
        return None  # the file ends early: nothing after it to read on with
    if before.endswith(",") and here in ("]", "}"):
        return _put(text, len(before) - 1, " "), None
    if here == "'":
        end = text.find("'", at + 1)
        if end == -1 or '"' in text[at:end] or "\n" in text[at:end]:
            return None
        return _put(_put(text, at, '"'), end, '"'), None
    if exc.msg in ("Expecting ',' delimiter", "Expecting ':' delimiter"):
        space = _space_before(text, at)
        mark = "," if "','" in exc.msg else ":"
        return None if space is None else (_put(text, space, mark), None)
    if exc.msg == "Invalid control character at" and here not in ("\n", "\r"):
        return _put(text, at, " "), None
    if exc.msg == "Invalid \\escape":
        return _put(text, at, " "), None
    if exc.msg == "Invalid \\uXXXX escape":  # `at` is the u
        return _put(_put(text, at - 1, " "), at, " "), None
    if exc.msg == "Extra data":
        return text[:at] + re.sub(r"[^\n\r]", " ", text[at:]), None
    if exc.msg == "Expecting property name enclosed in double quotes":
        return _quoted_key(text, at)
    if exc.msg == "Expecting value":
        return _stand_in(text, at)
    return None


def _put(text: str, index: int, char: str) -> str:
    return text[:index] + char + text[index + 1 :]


def _space_before(text: str, at: int) -> int | None:
    """The last space or tab before `at`, in the blank run that ends there."""
    index = at - 1
    while index >= 0 and text[index] in " \t\n\r":
        if text[index] in " \t":
            return index
        index -= 1
    return None


def _stand_in(text: str, at: int) -> tuple[str, int] | None:
    """A misspelt word (`tru`, `none`) or a missing value replaced by a stand-in `0`."""
    word = _WORD.match(text, at)
    if word:
        return text[:at] + "0" + " " * (word.end() - at - 1) + text[word.end() :], at
    space = _space_before(text, at)
    return None if space is None else (_put(text, space, "0"), space)


def _quoted_key(text: str, at: int) -> tuple[str, None] | None:
    """An unquoted key given its quotes, taking two spaces of the indentation before it."""
    key = _KEY.match(text, at)
    if not key or text[at - 2 : at] not in ("  ", "\t\t", " \t", "\t "):
        return None
    return text[: at - 2] + f'"{key.group()}"' + text[key.end() :], None
