"""The running totals of a report: one packed record per learner, filled statement by statement.

Each statement updates its learner's record and is dropped, so memory never grows with the
number of statements; records (about 2.3 KB each for the benchmark's flagship learners) are
held in memory up to a bound and kept on disk past it (store.py), so it does not grow with the
number of learners either.
Per learner only what a figure needs is kept: per question the tries and whether the first and
latest were right, per role-play the choices (a run can only be replayed in time order), per
session its longest stated duration, per survey item the latest answer.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from scormkit.report.store import LearnerStore

# A learner's last statements checked for copies: the runtime's re-sends (a second send at
# exit, a relaunch re-sending the last session's end) follow within a few statements.
DEDUPE_WINDOW = 32


class Recent:
    """A learner's last DEDUPE_WINDOW statements as two 8-byte digests each: a ring of at most
    512 bytes, grown as statements come."""

    __slots__ = ("ring", "next")
    SIZE = 8
    FULL = 2 * SIZE * DEDUPE_WINDOW

    def __init__(self) -> None:
        self.ring = bytearray()
        self.next = 0

    def __contains__(self, digest: bytes) -> bool:
        at = self.ring.find(digest)
        while at >= 0 and at % self.SIZE:  # a match must start on a digest's boundary
            at = self.ring.find(digest, at + 1)
        return at >= 0

    def add(self, *digests: bytes) -> None:
        for digest in digests:
            if len(self.ring) < self.FULL:
                self.ring += digest
                continue
            self.ring[self.next : self.next + self.SIZE] = digest
            self.next = (self.next + self.SIZE) % self.FULL


class Tries(NamedTuple):
    """A learner's tries at one question."""

    times: int
    first_correct: bool
    last_correct: bool


class Move(NamedTuple):
    """One role-play choice as stated: when (seconds since 1970), in which scene, which letter."""

    at: float
    scene: str
    letter: str


# Packed records: a learner's state is a few bytearrays, not an object per answer.
TRY = struct.Struct("<HBd")  # tries, 1 = first try right | 2 = latest try right, latest's time
MOVE = struct.Struct("<dHB")  # time, scene index, choice index, TIMED_OUT or NO_CHOICE
SESSION = struct.Struct("<8sd")  # session digest, the longest duration stated in it
NO_CHOICE = 255  # the response was not a choice's letter
TIMED_OUT = 254  # the scene's timer ran out (a timed-out statement)


def tried_in(tries: bytes | bytearray, question: int) -> Tries | None:
    """The tries at the `question`-th question in a learner's packed TRY records."""
    at = question * TRY.size
    if at >= len(tries):
        return None
    count, flags, _ = TRY.unpack_from(tries, at)
    return Tries(count, bool(flags & 1), bool(flags & 2)) if count else None


@dataclass(slots=True)
class Ending:
    """An ending statement sent by the player (when it sends them): what a run ended with."""

    at: float
    scene: str
    points: dict[str, int]
    lives: int | None
    badges: list[str]


@dataclass(slots=True)
class Observed:
    """A learner's latest observation with one checklist."""

    at: float
    success: bool
    criteria: dict[str, bool] = field(default_factory=dict)


class Learner:
    """Everything the report needs about one person, packed: about 2.3 KB for a learner of the
    flagship (see docs/report.md, Scale). Times are seconds since 1970 (0: not stated)."""

    __slots__ = (
        "key", "name", "launched", "completed", "pages", "verdict", "tries", "moves",
        "endings", "survey", "observed", "recent", "sessions", "launches", "units",
    )  # fmt: skip

    def __init__(self, key: str, name: str) -> None:
        self.key = key
        self.name = name
        self.launched = False
        self.completed = False
        self.pages = 0  # bit i set: the i-th page of the course (spec order) was reached
        self.verdict: tuple[float, bool, float | None] | None = None  # (at, passed, score)
        self.tries = bytearray()  # TRY records by question index, from the first answered
        self.moves: dict[str, bytearray] = {}  # scenario id -> MOVE records
        self.endings: dict[str, list[Ending]] = {}
        self.survey: dict[tuple[str, ...], tuple[float, str]] = {}  # (survey, item) -> answer
        self.observed: dict[str, Observed] = {}
        self.recent = Recent()
        self.sessions = bytearray()  # SESSION records
        self.launches = 0  # `initialized` statements without a session id, for session keys
        # cmi5 AUs per module: module id -> (completed, latest verdict time, passed or None)
        self.units: dict[str, tuple[bool, float, bool | None]] = {}

    def tried(self, question: int) -> Tries | None:
        """The tries at the `question`-th question of the course, None if never answered."""
        return tried_in(self.tries, question)

    def all_tried(self) -> list[Tries]:
        found = (self.tried(i) for i in range(len(self.tries) // TRY.size))
        return [t for t in found if t]

    def answer(self, question: int, correct: bool, at: float) -> None:
        end = (question + 1) * TRY.size
        if len(self.tries) < end:
            self.tries += bytes(end - len(self.tries))
        count, flags, last_at = TRY.unpack_from(self.tries, end - TRY.size)
        if count == 0:
            flags = int(correct)
        if at >= last_at:
            flags, last_at = (flags & 1) | (2 if correct else 0), at
        TRY.pack_into(self.tries, end - TRY.size, min(count + 1, 0xFFFF), flags, last_at)

    def move(self, scenario: str, at: float, scene: int, choice: int) -> None:
        packed = self.moves.setdefault(scenario, bytearray())
        packed += MOVE.pack(at, scene, choice if 0 <= choice <= TIMED_OUT else NO_CHOICE)

    def moves_in(self, scenario: str) -> list[tuple[float, int, int]]:
        return list(MOVE.iter_unpack(self.moves.get(scenario, b"")))

    def session(self, digest: bytes, seconds: float) -> None:
        """Note that a session stated `seconds` of its duration; the longest statement counts."""
        for at in range(0, len(self.sessions), SESSION.size):
            known, longest = SESSION.unpack_from(self.sessions, at)
            if known == digest:
                SESSION.pack_into(self.sessions, at, digest, max(longest, seconds))
                return
        self.sessions += SESSION.pack(digest, seconds)

    def time_spent(self) -> tuple[int, float]:
        """Sessions with a stated duration, and their durations summed (seconds)."""
        spans = [longest for _, longest in SESSION.iter_unpack(self.sessions)]
        return len(spans), sum(spans)


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
    """Every learner's record (in `store`, memory or disk), and the counts of what was read."""

    store: LearnerStore
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
