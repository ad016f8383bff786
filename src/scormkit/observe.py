"""Offline observations: a supervisor's filled-in checklist turned into statements for an LRS.

A results file (YAML or JSON) says which checklist, when, who watched, and each criterion:

    observation: oa-front-desk-check-in
    observed_at: "2026-11-20T10:15:00Z"
    observer: {name: Dana Reyes, email: dana.reyes@clinic.example}
    criteria: {greets-promptly: true, verifies-identity: true, explains-wait: false}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from scormkit.errors import ResultsError
from scormkit.spec.models import Course, Module
from scormkit.spec.observation import Observation
from scormkit.statements import Json, agent, make_statement, send_statements, statement_id
from scormkit.xapi_activities import activity_iri, course_iri, observation_activities


@dataclass(frozen=True)
class ObservationResults:
    """One filled-in checklist: which criteria the supervisor saw met."""

    observation: str  # id of the checklist in the spec
    observed_at: datetime
    criteria: dict[str, bool]  # criterion id -> met
    observer: Json | None = None  # the supervisor, as an xAPI Agent


def read_results(path: Path | str) -> ObservationResults:
    """Read a results file; ResultsError saying what is wrong when it does not fit."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResultsError(f"{source}: cannot read: {exc.strerror or exc}") from None
    try:
        data = json.loads(text) if source.suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise ResultsError(f"{source}: not valid YAML or JSON: {exc}") from None
    return results_from(data, str(source))


def results_from(data: Any, where: str = "<results>") -> ObservationResults:
    """Results from already-parsed data (a dict as in the module docstring)."""
    if not isinstance(data, dict):
        raise ResultsError(f"{where}: expected a mapping with observation, observed_at, criteria")
    unknown = sorted(set(data) - {"observation", "observed_at", "observer", "criteria"})
    if unknown:
        raise ResultsError(f"{where}: unknown field '{unknown[0]}'")
    for key in ("observation", "observed_at", "criteria"):
        if key not in data:
            raise ResultsError(f"{where}: missing field '{key}'")
    when = data["observed_at"]
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when.replace("Z", "+00:00"))
        except ValueError:
            raise ResultsError(f"{where}: observed_at: not an ISO 8601 time: {when!r}") from None
    if not isinstance(when, datetime) or when.tzinfo is None:
        raise ResultsError(f"{where}: observed_at: give a time with a zone, e.g. 2026-11-20T10:15Z")
    criteria = data["criteria"]
    if not isinstance(criteria, dict) or not all(isinstance(v, bool) for v in criteria.values()):
        raise ResultsError(f"{where}: criteria: map each criterion id to true (met) or false")
    observer = data.get("observer")
    watcher = None
    if observer is not None:
        if not isinstance(observer, dict) or not observer.get("email"):
            raise ResultsError(f"{where}: observer: give at least an email")
        watcher = agent(email=str(observer["email"]), name=observer.get("name"))
    return ObservationResults(str(data["observation"]), when, dict(criteria), watcher)


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
) -> list[Json]:
    """Send a filled-in checklist to the LRS; returns what was stored, LrsError if not stored."""
    found = observation_statements(course, learner, results)
    send_statements(found, endpoint, auth, version=version)
    return found
