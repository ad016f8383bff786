"""Where a report keeps its learners: the most recently seen in memory, the rest in SQLite.

While statements are read, at most `limits.REPORT_LEARNERS_IN_MEMORY` learners' records are
held, least recently seen first out: past the limit a batch of them is pickled into a SQLite
file in a temporary folder (one transaction per batch), and a learner's record is read back
when a later statement names them. Before the figures are made every record is written to the
store (a SQLite database in memory when none was ever evicted: the same queries, nothing on
disk), and the figures read learners back one at a time in the order they need, with what
they derive per learner (ranks, rows of the learners table) in tables SQLite sorts. The
folder is removed when the store is closed, also after an error.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterator
from tempfile import TemporaryDirectory
from types import TracebackType
from typing import Any

from scormkit import limits
from scormkit.report.cohort import Learner

BATCH = 1_000  # rows written per transaction (derived tables); evictions: a quarter of the limit

SCHEMA = """
CREATE TABLE learners (key BLOB PRIMARY KEY, name BLOB NOT NULL, record BLOB NOT NULL);
CREATE TABLE series (id INTEGER NOT NULL, value REAL NOT NULL);
CREATE TABLE people (key BLOB PRIMARY KEY, name BLOB NOT NULL, digest TEXT NOT NULL,
                     share REAL, tries BLOB NOT NULL, row TEXT NOT NULL);
CREATE TABLE texts (item INTEGER NOT NULL, at REAL NOT NULL, name BLOB NOT NULL,
                    key BLOB NOT NULL, text BLOB NOT NULL);
CREATE TABLE observed (checklist INTEGER NOT NULL, name BLOB NOT NULL, key BLOB NOT NULL,
                       passed INTEGER NOT NULL);
CREATE TABLE shown (key BLOB PRIMARY KEY, shown BLOB NOT NULL);
"""


def packed(text: str) -> bytes:
    """Text as SQLite compares it here: UTF-8 bytes, whose order is the order of Python's
    strings (code point by code point), lone surrogates included."""
    return text.encode("utf-8", "surrogatepass")


def unpacked(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


class LearnerStore:
    """Every learner's record; use as a context manager, so the temporary folder goes."""

    def __init__(self) -> None:
        self.limit = max(1, limits.REPORT_LEARNERS_IN_MEMORY)
        self.recent: OrderedDict[str, Learner] = OrderedDict()
        self.folder: TemporaryDirectory[str] | None = None
        self.connection: sqlite3.Connection | None = None
        self.pending: dict[str, list[tuple[Any, ...]]] = {}

    def __enter__(self) -> LearnerStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        if self.folder is not None:
            self.folder.cleanup()
            self.folder = None
        self.recent.clear()

    def where(self) -> str:
        """The temporary folder, for messages."""
        return self.folder.name if self.folder is not None else "memory"

    def learner(self, key: str, name: str) -> Learner:
        """The record of the learner `key`, made (named `name`) if they are new."""
        found = self.recent.get(key)
        if found is not None:
            self.recent.move_to_end(key)
            return found
        if self.connection is not None:
            row = self.connection.execute(
                "SELECT record FROM learners WHERE key = ?", (packed(key),)
            ).fetchone()
            found = pickle.loads(row[0]) if row else None  # noqa: S301 (our own file)
        if found is None:
            found = Learner(key, name)
        self.recent[key] = found
        if len(self.recent) > self.limit:
            self._write([self.recent.popitem(last=False)[1] for _ in range(self._batch())])
        return found

    def _batch(self) -> int:
        return max(1, min(self.limit // 4, len(self.recent) - 1))

    def _open(self, on_disk: bool) -> sqlite3.Connection:
        if on_disk:
            self.folder = TemporaryDirectory(prefix="scormkit-report-")
            connection = sqlite3.connect(f"{self.folder.name}/learners.sqlite")
        else:
            connection = sqlite3.connect(":memory:")
        # A scratch file removed afterwards: no journal, no waiting for the disk.
        connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        self.connection = connection
        return connection

    def _write(self, learners: list[Learner]) -> None:
        connection = self.connection or self._open(on_disk=True)
        with connection:
            connection.executemany(
                "INSERT OR REPLACE INTO learners VALUES (?, ?, ?)",
                (
                    (packed(p.key), packed(p.name), pickle.dumps(p, pickle.HIGHEST_PROTOCOL))
                    for p in learners
                ),
            )

    def finish(self) -> sqlite3.Connection:
        """Every record into the database (one in memory if none went to disk); no more
        statements after this."""
        if self.connection is None:
            self._open(on_disk=False)
        while self.recent:
            self._write(
                [self.recent.popitem(last=False)[1] for _ in range(min(BATCH, len(self.recent)))]
            )
        assert self.connection is not None
        self.connection.execute("CREATE INDEX learners_by_name ON learners (name, key)")
        return self.connection

    def by_name(self) -> Iterator[Learner]:
        """Every learner, one at a time, by name then identifier (the learners table's order)."""
        assert self.connection is not None
        for (record,) in self.connection.execute("SELECT record FROM learners ORDER BY name, key"):
            yield pickle.loads(record)  # noqa: S301 (our own file)

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        """Add `row` to `table` (of the SCHEMA's derived tables), in batches."""
        rows = self.pending.setdefault(table, [])
        rows.append(row)
        if len(rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        assert self.connection is not None
        with self.connection:
            for table, rows in self.pending.items():
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    self.connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
                    rows.clear()

    def run(self, sql: str, *params: Any) -> None:
        """Run one statement that changes the store (after the rows waiting to be added)."""
        self.flush()
        assert self.connection is not None
        with self.connection:
            self.connection.execute(sql, params)

    def query(self, sql: str, *params: Any) -> Iterator[tuple[Any, ...]]:
        self.flush()
        assert self.connection is not None
        yield from self.connection.execute(sql, params)


class Rows:
    """A figure's rows kept in the store (one per learner): read again, one at a time, each time
    they are iterated, so no writer holds them all."""

    def __init__(
        self, store: LearnerStore, sql: str, params: tuple[Any, ...], make: Callable[..., Any]
    ) -> None:
        self.store, self.sql, self.params, self.make = store, sql, params, make

    def __iter__(self) -> Iterator[Any]:
        return (self.make(*row) for row in self.store.query(self.sql, *self.params))

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None


def materialised(value: Any) -> Any:
    """`value` with every Rows read into a list: figures that outlive the store."""
    if isinstance(value, Rows):
        return [materialised(v) for v in value]
    if isinstance(value, dict):
        return {k: materialised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [materialised(v) for v in value]
    return value
