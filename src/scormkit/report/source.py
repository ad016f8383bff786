"""Where a report's statements come from: a file, or an LRS through the statement query API.

Both yield statements one at a time, so a report never holds a whole statement set in memory.
Files are read with ijson (a streaming JSON parser over the C yajl library): a JSON list or an
LRS StatementResult of a million statements is walked without loading it, which `json.load`
cannot do. JSON lines need no library: one statement per line.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlencode

import ijson

from scormkit.errors import LrsError, ReportError
from scormkit.lrs_client import redact, statement_pages

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
PAGE_SIZE = 500
MALFORMED_KEPT = 5  # lines that are not JSON kept as examples; the rest are only counted


def utc_text(moment: str) -> str:
    """An ISO 8601 time as UTC with a Z: no '+' for a server to misread in a query."""
    try:
        parsed = datetime.fromisoformat(moment)
    except ValueError:
        raise ReportError(f"--since: not an ISO 8601 time: {moment!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Malformed:
    """Something in the input that is not a statement, and where it was."""

    where: str
    message: str


@dataclass
class FileSource:
    """Statements in a JSON list, an LRS StatementResult object, or JSON lines."""

    path: Path
    since: str | None = None  # as the LRS filter: stored (else timestamp) after this time
    registration: str | None = None
    malformed: list[Malformed] = field(default_factory=list)  # the first few
    malformed_total: int = 0

    def __str__(self) -> str:
        return str(self.path)

    def statements(self) -> Iterator[Any]:
        """Each statement in file order that passes `since` and `registration`."""
        if self.since is None and self.registration is None:
            yield from self._all()
            return
        after = datetime.fromisoformat(utc_text(self.since)) if self.since else None
        for statement in self._all():
            if self.registration and _registration(statement) != self.registration:
                continue
            if after and not _stored_after(statement, after):
                continue
            yield statement

    def _all(self) -> Iterator[Any]:
        """Each statement in file order; lines that are not JSON are noted in `malformed`."""
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise ReportError(f"{self.path}: cannot read: {exc.strerror or exc}") from None
        with handle:
            kind = _kind(handle)
            if kind == "lines":
                yield from self._lines(handle)
                return
            prefix = "item" if kind == "list" else "statements.item"
            try:
                yield from ijson.items(handle, prefix, use_float=True)
            except ijson.JSONError as exc:
                raise ReportError(f"{self.path}: not valid JSON: {exc}") from None

    def _lines(self, handle: BinaryIO) -> Iterator[Any]:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except ValueError as exc:
                self.malformed_total += 1
                if len(self.malformed) < MALFORMED_KEPT:
                    self.malformed.append(Malformed(f"{self.path}:{number}", f"not JSON: {exc}"))

    def voided_ids(self) -> set[str]:
        """Ids of the statements this file voids: a first pass, skipped when none can be."""
        if not _mentions(self.path, VOIDED.encode()):
            return set()
        return {s["object"]["id"] for s in FileSource(self.path).statements() if _voids(s)}


def _mentions(path: Path, marker: bytes) -> bool:
    """Whether `marker` occurs in the file at `path`, read in 1 MB chunks."""
    try:
        handle = path.open("rb")
    except OSError:
        return True  # let the main pass say what is wrong
    with handle:
        tail = b""
        while chunk := handle.read(1 << 20):
            if marker in tail + chunk:
                return True
            tail = chunk[-len(marker) :]
    return False


def _kind(handle: BinaryIO) -> str:
    """'list', 'result' (a StatementResult) or 'lines', from the file's first characters."""
    start = handle.read(4096)
    handle.seek(0)
    text = start.lstrip()
    if text.startswith(b"["):
        return "list"
    first_line = start.split(b"\n", 1)[0]
    try:
        first = json.loads(first_line)
    except ValueError:
        first = None
    if isinstance(first, dict) and "statements" not in first:
        return "lines"
    if text.startswith(b"{"):
        return "result"
    return "lines"


def _registration(statement: Any) -> Any:
    try:
        return statement["context"]["registration"]
    except (KeyError, TypeError):
        return None


def _stored_after(statement: Any, after: datetime) -> bool:
    """Whether the statement was stored (or, lacking that, made) after `after`."""
    if not isinstance(statement, dict):
        return True  # malformed: let the intake count it
    when = statement.get("stored") or statement.get("timestamp")
    try:
        moment = datetime.fromisoformat(str(when))
    except ValueError:
        return True
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)) > after


def _voids(statement: Any) -> bool:
    try:
        return bool(
            statement["verb"]["id"] == VOIDED
            and statement["object"]["objectType"] == "StatementRef"
        )
    except (KeyError, TypeError):
        return False


def _activity_ids(statement: Any) -> set[str]:
    """The object's id and every context activity's: what `related_activities` matches."""
    found: set[str] = set()
    if not isinstance(statement, dict):
        return found
    thing = statement.get("object")
    if isinstance(thing, dict) and isinstance(thing.get("id"), str):
        found.add(thing["id"])
    context = statement.get("context")
    listed = context.get("contextActivities") if isinstance(context, dict) else None
    for activities in listed.values() if isinstance(listed, dict) else ():
        for activity in activities if isinstance(activities, list) else [activities]:
            if isinstance(activity, dict) and isinstance(activity.get("id"), str):
                found.add(activity["id"])
    return found


@dataclass
class LrsSource:
    """Statements about one course from an LRS's statement resource (xAPI Communication §2.1.3).

    Filters are pushed to the LRS: the course activity with related_activities, since and
    registration; pages are followed through `more` (lrs_client: timeouts, bounded replies,
    retries). Credentials never appear in a message.
    """

    endpoint: str
    auth: str
    activity: str
    since: str | None = None
    registration: str | None = None
    sleep: Callable[[float], None] = time.sleep
    malformed: list[Malformed] = field(default_factory=list)  # an LRS answers only statements
    malformed_total: int = 0

    def __str__(self) -> str:
        return redact(self.endpoint)

    def _query(self, **extra: str) -> dict[str, str]:
        query = {"ascending": "true", "limit": str(PAGE_SIZE), **extra}
        if self.since:
            query["since"] = utc_text(self.since)
        if self.registration:
            query["registration"] = self.registration
        return query

    def statements(self, aus: tuple[str, ...] = ()) -> Iterator[Any]:
        """Every statement about the course's activities, oldest first; then those grouped
        under one of `aus` (cmi5 AU publisher ids, which a cmi5 LMS's contextTemplate puts in
        grouping instead of the course) that the first query did not already answer."""
        query = self._query(activity=self.activity, related_activities="true")
        yield from self._pages(f"statements?{urlencode(query)}")
        for au in aus:
            query = self._query(activity=au, related_activities="true")
            for statement in self._pages(f"statements?{urlencode(query)}"):
                if self.activity not in _activity_ids(statement):
                    yield statement

    def voided_ids(self) -> set[str]:
        """Ids voided in the LRS (it hides those itself; this catches LRSs that do not)."""
        query = self._query(verb=VOIDED)
        return {
            s["object"]["id"] for s in self._pages(f"statements?{urlencode(query)}") if _voids(s)
        }

    def _pages(self, resource: str) -> Iterator[Any]:
        headers = {
            "Authorization": self.auth,
            "X-Experience-API-Version": "1.0.3",
            "Accept": "application/json",
        }
        try:
            yield from statement_pages(self.endpoint, resource, headers, sleep=self.sleep)
        except LrsError as exc:
            raise ReportError(str(exc)) from None
