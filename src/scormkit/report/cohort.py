"""The running totals of a report: one small record per learner, filled statement by statement.

Memory grows with learners and the size of the spec, never with the number of statements:
each statement updates its learner's record and is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# A learner's last statements checked for copies: the runtime's re-sends (a second send at
# exit, a relaunch re-sending the last session's end) follow within a few statements.
DEDUPE_WINDOW = 32


class Recent:
    """A learner's last DEDUPE_WINDOW statements as two 8-byte digests each: a 512-byte ring."""

    __slots__ = ("ring", "next")
    SIZE = 8

    def __init__(self) -> None:
        self.ring = bytearray(2 * self.SIZE * DEDUPE_WINDOW)
        self.next = 0

    def __contains__(self, digest: bytes) -> bool:
        at = self.ring.find(digest)
        while at >= 0 and at % self.SIZE:  # a match must start on a digest's boundary
            at = self.ring.find(digest, at + 1)
        return at >= 0

    def add(self, *digests: bytes) -> None:
        for digest in digests:
            self.ring[self.next : self.next + self.SIZE] = digest
            self.next = (self.next + self.SIZE) % len(self.ring)


@dataclass(slots=True)
class Tries:
    """A learner's tries at one question."""

    count: int = 0
    first_correct: bool = False
    last_correct: bool = False
    last_at: str = ""
    seconds: float = 0.0


@dataclass(slots=True)
class Move:
    """One role-play choice as stated: when, in which scene, which letter."""

    at: str
    scene: str
    letter: str


@dataclass(slots=True)
class Ending:
    """An ending statement sent by the player (when it sends them): what a run ended with."""

    at: str
    scene: str
    points: dict[str, int]
    lives: int | None
    badges: list[str]


@dataclass(slots=True)
class Observed:
    """A learner's latest observation with one checklist."""

    at: str
    success: bool
    criteria: dict[str, bool] = field(default_factory=dict)


@dataclass(slots=True)
class Learner:
    """Everything the report needs about one person."""

    key: str
    name: str
    launched: bool = False
    pages: int = 0  # bit i set: the i-th page of the course (spec order) was reached
    completed: bool = False
    verdict: tuple[str, bool, float | None] | None = None  # (timestamp, passed, score 0-100)
    questions: dict[str, Tries] = field(default_factory=dict)
    moves: dict[str, list[Move]] = field(default_factory=dict)  # scenario id -> choices
    endings: dict[str, list[Ending]] = field(default_factory=dict)
    survey: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # -> (at, answer)
    observed: dict[str, Observed] = field(default_factory=dict)
    recent: Recent = field(default_factory=Recent)


@dataclass(slots=True)
class Counts:
    """What happened to the statements read, for the report's notes."""

    read: int = 0
    used: int = 0
    duplicates: int = 0
    voided: int = 0
    voiding: int = 0
    unknown: int = 0
    malformed: int = 0
    unknown_activities: dict[str, int] = field(default_factory=dict)
    malformed_examples: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Cohort:
    """Every learner's record, and the counts of what was read."""

    learners: dict[str, Learner] = field(default_factory=dict)
    counts: Counts = field(default_factory=Counts)
    responses: dict[str, dict[str, int]] = field(default_factory=dict)  # question -> response -> n
    # Question -> (tries, seconds) over every try, for the average time per try.
    times: dict[str, tuple[int, float]] = field(default_factory=dict)


DURATION = re.compile(
    r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?"
    r"(?:(\d+(?:\.\d+)?)S)?)?$"
)


def seconds(duration: Any) -> float | None:
    """An ISO 8601 duration (xAPI-Data §4.6) in seconds, None when it is not one."""
    if not isinstance(duration, str):
        return None
    match = DURATION.match(duration)
    if not match:
        return None
    days, hours, minutes, secs = (float(part or 0) for part in match.groups())
    return ((days * 24 + hours) * 60 + minutes) * 60 + secs
