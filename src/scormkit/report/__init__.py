"""`scormkit report`: a training-needs report from the statements in an LRS or a file.

    source = FileSource(Path("statements.json"))      # or LrsSource(endpoint, auth, activity)
    with open_report(course, source) as found:         # figures; per-learner rows streamed
        write_html(found, Path("report.html"))
    found = make_report(course, source)                # the same, rows read into lists

Statements stream through once (after a first pass for voided ids): each updates one learner's
packed record. Records past a bound are kept in a temporary SQLite file (store.py), and the
figures read learners back one at a time, so memory grows neither with statements nor with
learners; the folder is removed when the report is closed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from scormkit.errors import ReportError
from scormkit.report.catalog import make_catalog
from scormkit.report.cohort import Cohort
from scormkit.report.figures import Figures, figures
from scormkit.report.intake import read_into
from scormkit.report.source import FileSource, LrsSource
from scormkit.report.store import LearnerStore, materialised
from scormkit.spec.models import Course

__all__ = ["FileSource", "Figures", "LrsSource", "make_report", "open_report", "warnings_of"]


def make_report(
    course: Course, source: FileSource | LrsSource, *, pseudonymise: bool = False
) -> Figures:
    """Every figure of the report for `course` from `source` as plain lists and dicts (the
    per-learner rows read into memory); ReportError if nothing usable."""
    with open_report(course, source, pseudonymise=pseudonymise) as found:
        return materialised(found)  # type: ignore[no-any-return]


@contextmanager
def open_report(
    course: Course, source: FileSource | LrsSource, *, pseudonymise: bool = False
) -> Iterator[Figures]:
    """Every figure of the report for `course` from `source`, the per-learner rows (`Rows`)
    read from the store while the context is open; ReportError if nothing usable."""
    with LearnerStore() as store:
        try:
            yield _figures(course, source, store, pseudonymise)
        except sqlite3.Error as error:  # e.g. no room left for the temporary file
            raise ReportError(
                f"the report's learners on disk ({store.where()}): {error}"
            ) from error


def _figures(
    course: Course, source: FileSource | LrsSource, store: LearnerStore, pseudonymise: bool
) -> Figures:
    catalog = make_catalog(course)
    cohort = Cohort(store)
    voided = source.voided_ids()
    statements = (
        source.statements(tuple(catalog.aus))
        if isinstance(source, LrsSource)
        else source.statements()
    )
    read_into(cohort, catalog, statements, voided)
    counts = cohort.counts
    counts.malformed += source.malformed_total
    counts.read += source.malformed_total
    shown = [f"{m.where}: {m.message}" for m in source.malformed]
    counts.malformed_examples[:0] = shown
    del counts.malformed_examples[5:]
    if counts.used == 0:
        raise ReportError(
            f"{source}: no usable statements about course '{course.id}' "
            f"({_summary(counts.read, counts.malformed, counts.unknown)})"
        )
    return figures(catalog, cohort, pseudonymise=pseudonymise)


def _summary(read: int, malformed: int, unknown: int) -> str:
    return f"{read} read, {malformed} malformed, {unknown} about other activities"


def warnings_of(found: Figures) -> list[str]:
    """What the reader of the report should know about its input, one line each."""
    counts = found["input"]
    lines = []
    if counts["malformed"]:
        lines.append(f"{counts['malformed']} malformed statement(s) skipped")
        lines.extend(f"  {example}" for example in counts["malformed_examples"])
    if counts["unknown"]:
        activities = counts["unknown_activities"]
        lines.append(
            f"{counts['unknown']} statement(s) about {len(activities)} activity(ies) "
            "the spec does not know, left out"
        )
        lines.extend(f"  {a['activity']} ({a['statements']})" for a in activities[:5])
    if counts["voided"]:
        lines.append(f"{counts['voided']} voided statement(s) left out")
    if counts["duplicates"]:
        lines.append(f"{counts['duplicates']} duplicate statement(s) counted once")
    lines.extend(found["rebuilt"])
    return lines
