"""The Python twin of runtime/state.js: the resume-state format, character by character.

The player saves a learner's progress as one string (format 2): a header of version, layout
hash and pages seen, then sections of comma-separated entries, each led by `|` and a letter.
This module only knows that format; `plan/resume.py` sizes a course with it, and
tests/building/test_budget.py checks the figures against the JavaScript encoder itself. Keep
the two in step.
"""

from __future__ import annotations

import math

VERSION = 1  # "2"
LAYOUT_HASH = 7  # a 32-bit hash in base 36
SEEN_BITS = 5  # pages per character of the seen field
ESCAPED = 2  # characters one escaped (typed) character can take
RUN_ENTRY = 5  # quiz run: attempt digit and a four-digit seed
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def header_size(pages: int) -> int:
    """Characters of the header: version, layout hash, page count and the pages-seen bits."""
    return VERSION + LAYOUT_HASH + len(base36(pages - 1)) + math.ceil(pages / SEEN_BITS) + 3


def section_size(sizes: list[int]) -> int:
    """A section of comma-separated entries, with its letter and the `|` before it; entries
    that are always empty at the end are left out, as state.js leaves them."""
    while sizes and sizes[-1] == 0:
        sizes = sizes[:-1]
    return 2 + sum(sizes) + len(sizes) - 1 if sizes else 0


def numbers_size(ranges: list[tuple[int, int]]) -> int:
    """A `.`-joined run of base-36 numbers, each as wide as the widest value of its range."""
    widths = [max(len(base36(low)), len(base36(high))) for low, high in ranges]
    return sum(widths) + len(widths) - 1


def base36(number: int) -> str:
    """`number` in base 36 as state.js writes it, "-" before a negative one."""
    sign, number = ("-", -number) if number < 0 else ("", number)
    out = ""
    while True:
        number, digit = divmod(number, 36)
        out = DIGITS[digit] + out
        if number == 0:
            return sign + out
