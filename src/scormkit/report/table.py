"""One table of the report, and the bar chart drawn over it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass(frozen=True)
class Bar:
    """A bar chart over a table: which column labels the bars, which gives their length."""

    label: int
    value: int
    most: float | None = None  # the longest possible bar; None: the largest value


@dataclass(frozen=True)
class Table:
    """One table of the report; `name` is its CSV file name and HTML id. The rows of a table
    with a row per learner are read as they are written (a generator), others are a list."""

    name: str
    section: str
    caption: str
    columns: list[str]
    rows: Iterable[list[Cell]]
    bar: Bar | None = None
    notes: list[str] = field(default_factory=list)


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
