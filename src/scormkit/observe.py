"""Offline observations: a supervisor's filled-in checklist turned into statements for an LRS.

A results file (YAML or JSON) says which checklist, when, who watched, and each criterion:

    observation: oa-front-desk-check-in
    observed_at: "2026-11-20T10:15:00Z"
    observer: {name: Dana Reyes, email: dana.reyes@clinic.example}
    criteria: {greets-promptly: true, verifies-identity: true, explains-wait: false}
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from scormkit.errors import Problem, ResultsError, SpecError
from scormkit.limits import NETWORK_READ_SECONDS, RESULTS_FILE_BYTES
from scormkit.spec.document import PathKey, format_path
from scormkit.spec.models import Course, Module
from scormkit.spec.observation import Observation
from scormkit.spec.source import read_document
from scormkit.statements import Json, agent, make_statement, send_statements, statement_id
from scormkit.xapi_activities import activity_iri, course_iri, observation_activities


@dataclass(frozen=True)
class ObservationResults:
    """One filled-in checklist: which criteria the supervisor saw met."""

    observation: str  # id of the checklist in the spec
    observed_at: datetime
    criteria: dict[str, bool]  # criterion id -> met
    observer: Json | None = None  # the supervisor, as an xAPI Agent


_FIELDS = ("observation", "observed_at", "observer", "criteria")
Report = Callable[[PathKey, str], None]


def read_results(path: Path | str, course: Course | None = None) -> ObservationResults:
    """Read a results file; SpecError listing every problem at file:line:column.

    With `course`, the criteria are checked against the checklist the file names as well.
    """
    shown = str(path)
    document = read_document(Path(path), shown, RESULTS_FILE_BYTES)
    problems = list(document.problems)

    def report(where: PathKey, message: str) -> None:
        key = where[-1:] == ("",)
        at = where[:-1] if key else where
        problems.append(Problem(document.source.locate(at, key=key), format_path(at), message))

    results = _check(document.data, report, course)
    if problems or results is None:
        raise SpecError(problems)
    return results


def results_from(data: Any, where: str = "<results>") -> ObservationResults:
    """Results from already-parsed data (a dict as in the module docstring)."""
    messages: list[str] = []
    results = _check(data, lambda at, m: messages.append(f"{format_path(at) or where}: {m}"), None)
    if messages or results is None:
        raise ResultsError(f"{where}: " + "; ".join(messages))
    return results


def _check(data: Any, report: Report, course: Course | None) -> ObservationResults | None:
    """The results `data` holds, reporting every problem; None when it is not usable."""
    if not isinstance(data, dict):
        report((), "expected a mapping with observation, observed_at, criteria")
        return None
    for key in sorted(set(data) - set(_FIELDS)):
        report((str(key), ""), f"unknown field '{key}'; the fields are {', '.join(_FIELDS)}")
    for key in ("observation", "observed_at", "criteria"):
        if key not in data:
            report((), f"missing field '{key}'")
    when = _time(data.get("observed_at"), report)
    criteria = _criteria(data.get("criteria"), report)
    watcher = _observer(data.get("observer"), report)
    if course is not None and "observation" in data and criteria is not None:
        _match(course, str(data["observation"]), [str(k) for k in data["criteria"]], report)
    if when is None or criteria is None or "observation" not in data:
        return None
    return ObservationResults(str(data["observation"]), when, criteria, watcher)


def _time(when: Any, report: Report) -> datetime | None:
    if when is None:
        return None
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when.replace("Z", "+00:00"))
        except ValueError:
            report(("observed_at",), f"not an ISO 8601 time: {when!r}")
            return None
    if not isinstance(when, datetime) or when.tzinfo is None:
        report(("observed_at",), "give a time with a zone, e.g. 2026-11-20T10:15Z")
        return None
    return when


def _criteria(criteria: Any, report: Report) -> dict[str, bool] | None:
    if criteria is None:
        return None
    if not isinstance(criteria, dict):
        report(("criteria",), "map each criterion id to true (met) or false")
        return None
    for ident, met in criteria.items():
        if not isinstance(met, bool):
            report(
                ("criteria", ident), f"criterion '{ident}': write true (met) or false, not {met!r}"
            )
    return {str(k): v for k, v in criteria.items() if isinstance(v, bool)}


def _observer(observer: Any, report: Report) -> Json | None:
    if observer is None:
        return None
    if not isinstance(observer, dict) or not observer.get("email"):
        report(("observer",), "give at least the observer's email: {name: ..., email: ...}")
        return None
    return agent(email=str(observer["email"]), name=observer.get("name"))


def _match(course: Course, ident: str, criteria: list[str], report: Report) -> None:
    """Report criteria the checklist `ident` lacks or has that the results leave out."""
    try:
        _, observation = find_observation(course, ident)
    except ResultsError as exc:
        report(("observation",), str(exc))
        return
    ids = [c.id for c in observation.criteria]
    for extra in sorted(set(criteria) - set(ids)):
        report(("criteria", extra, ""), f"criterion '{extra}' is not in checklist '{ident}'")
    missing = [i for i in ids if i not in criteria]
    if missing:
        report(("criteria",), f"checklist '{ident}' also needs {', '.join(missing)}")


def find_observation(course: Course, ident: str) -> tuple[Module, Observation]:
    """The checklist `ident` of `course` and its module."""
    for module in course.modules:
        for observation in module.observations:
            if observation.id == ident:
                return module, observation
    known = [o.id for m in course.modules for o in m.observations]
    choices = ", ".join(known) if known else "none in this course"
    raise ResultsError(f"no observation '{ident}' in course '{course.id}' ({choices})")


def observation_statements(
    course: Course, learner: Json, results: ObservationResults
) -> list[Json]:
    """One passed/failed statement per criterion, then one for the whole checklist."""
    module, observation = find_observation(course, results.observation)
    ids = [c.id for c in observation.criteria]
    missing = [i for i in ids if i not in results.criteria]
    extra = sorted(set(results.criteria) - set(ids))
    if missing or extra:
        parts = [f"missing {', '.join(missing)}"] if missing else []
        parts += [f"unknown {', '.join(extra)}"] if extra else []
        problem = "; ".join(parts)
        raise ResultsError(f"criteria of '{observation.id}' do not match the spec: {problem}")
    checklist, *criteria = observation_activities(course, observation)
    grouping = [
        {"objectType": "Activity", "id": course_iri(course)},
        {"objectType": "Activity", "id": activity_iri(course, "module", module.id)},
    ]
    context: Json = {"contextActivities": {"grouping": grouping}, "language": course.language}
    if results.observer:
        context["instructor"] = results.observer
    who = json.dumps(learner, sort_keys=True)
    key = (checklist["id"], who, results.observed_at.isoformat())
    found: list[Json] = []
    for criterion, activity in zip(observation.criteria, criteria, strict=True):
        met = results.criteria[criterion.id]
        found.append(
            make_statement(
                "passed" if met else "failed",
                learner,
                activity,
                timestamp=results.observed_at,
                ident=statement_id(*key, criterion.id),
                result={"success": met},
                context=context | {"contextActivities": {"grouping": grouping, "parent": [
                    {"objectType": "Activity", "id": checklist["id"]}]}},
            )
        )  # fmt: skip
    met_count = sum(results.criteria.values())
    required_met = all(results.criteria[c.id] for c in observation.criteria if c.required)
    success = required_met and met_count >= observation.needed
    total = len(observation.criteria)
    score = {"raw": met_count, "min": 0, "max": total, "scaled": round(met_count / total, 4)}
    found.append(
        make_statement(
            "passed" if success else "failed",
            learner,
            checklist,
            timestamp=results.observed_at,
            ident=statement_id(*key),
            result={"success": success, "completion": True, "score": score},
            context=context,
        )
    )
    return found


def send_observation(
    course: Course,
    learner: Json,
    results: ObservationResults,
    *,
    endpoint: str,
    auth: str,
    version: str = "1.0.3",
    timeout: float = NETWORK_READ_SECONDS,
) -> list[Json]:
    """Send a filled-in checklist to the LRS; returns what was stored, LrsError if not stored."""
    found = observation_statements(course, learner, results)
    send_statements(found, endpoint, auth, version=version, timeout=timeout)
    return found
