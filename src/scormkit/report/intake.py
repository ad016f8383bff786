"""Reading statements into a cohort: checked, deduplicated, voids honoured, one at a time."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from scormkit.report.catalog import LETTERS, Catalog, Known
from scormkit.report.cohort import TIMED_OUT, Cohort, Ending, Learner, Observed, seconds

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
VOIDED = f"{ADL_VERBS}voided"
SCORMKIT_EXT = "https://scormkit.dev/xapi/extensions/"
CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MALFORMED_SHOWN = 5  # examples of malformed statements kept for the report's notes
STORED_BY_LRS = ("id", "stored", "authority", "version")
LAUNCHING = ("launched", "initialized", "experienced")


def actor_key(actor: Any) -> tuple[str, str] | None:
    """A learner's identifier (xAPI-Data §2.4.2.3 IFI) and the name to show, or None."""
    if not isinstance(actor, dict):
        return None
    name = actor.get("name") if isinstance(actor.get("name"), str) else None
    for ifi in ("mbox", "mbox_sha1sum", "openid"):
        value = actor.get(ifi)
        if isinstance(value, str) and value:
            return f"{ifi}:{value}", name or value.removeprefix("mailto:")
    account = actor.get("account")
    if isinstance(account, dict) and isinstance(account.get("name"), str):
        return f"account:{account.get('homePage')}|{account['name']}", name or account["name"]
    return None


def moment(value: Any) -> float:
    """A timestamp as seconds since 1970 (exact to the microsecond), 0 when it is not one."""
    if not isinstance(value, str):
        return 0.0
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return 0.0
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def problem_of(statement: Any) -> str | None:
    """What makes `statement` unusable, or None."""
    if not isinstance(statement, dict):
        return "not a JSON object"
    for part in ("actor", "verb", "object"):
        if not isinstance(statement.get(part), dict):
            return f"no {part}"
    if not isinstance(statement["verb"].get("id"), str):
        return "verb has no id"
    if not isinstance(statement["object"].get("id"), str):
        return "object has no id"
    if actor_key(statement["actor"]) is None:
        return "actor has no identifier (mbox, mbox_sha1sum, openid or account)"
    return None


def read_into(
    cohort: Cohort, catalog: Catalog, statements: Iterable[Any], voided: set[str]
) -> None:
    """Add every usable statement of `statements` to `cohort`."""
    counts = cohort.counts
    for index, statement in enumerate(statements):
        counts.read += 1
        problem = problem_of(statement)
        if problem:
            counts.malformed += 1
            if len(counts.malformed_examples) < MALFORMED_SHOWN:
                ident = statement.get("id") if isinstance(statement, dict) else None
                counts.malformed_examples.append(
                    f"statement {index + 1}{f' ({ident})' if ident else ''}: {problem}"
                )
            continue
        if statement["verb"]["id"] == VOIDED:
            counts.voiding += 1
            continue
        if statement.get("id") in voided:
            counts.voided += 1
            continue
        _take(cohort, catalog, statement)


def _digests(statement: dict[str, Any]) -> tuple[bytes, bytes]:
    ident = str(statement.get("id", ""))
    content = {k: v for k, v in statement.items() if k not in STORED_BY_LRS}
    text = json.dumps(content, sort_keys=True, default=str)
    return (
        hashlib.blake2b(ident.encode(), digest_size=8).digest(),
        hashlib.blake2b(text.encode(), digest_size=8).digest(),
    )


def _context_ids(statement: dict[str, Any], kind: str) -> list[str]:
    """The ids of the statement's context activities of one kind (grouping, category…)."""
    context = statement.get("context")
    found = context.get("contextActivities") if isinstance(context, dict) else None
    listed = found.get(kind) if isinstance(found, dict) else None
    if isinstance(listed, dict):  # xAPI 1.0.3 Data §2.4.6.2: a single activity is allowed
        listed = [listed]
    if not isinstance(listed, list):
        return []
    return [a["id"] for a in listed if isinstance(a, dict) and isinstance(a.get("id"), str)]


def _au_of(catalog: Catalog, statement: dict[str, Any]) -> Known | None:
    """A cmi5 AU's own statement (initialized, completed, passed…): its object is the activity
    id the LMS launched the AU with, so it is known by the AU's publisher id (cmi5.xml), which
    the LMS's contextTemplate puts in grouping (cmi5 spec 9.6.2.3, 10), and the cmi5 category
    (cmi5 spec 9.6.2.1)."""
    if CMI5_CATEGORY not in _context_ids(statement, "category"):
        return None
    for grouping in _context_ids(statement, "grouping"):
        unit = catalog.aus.get(grouping)
        if unit is not None:
            return Known("au", unit)
    return None


def _session(
    learner: Learner, statement: dict[str, Any], verb: str, result: dict[str, Any]
) -> None:
    """Durations per session: the players state a course statement's duration as its session's
    time so far (as cmi5 asks of terminated), so a session's longest counts. A cmi5 session is
    told by its session id (cmi5 spec 9.6.3.1), others by the launch that began at the
    learner's latest `initialized`, within the registration."""
    context = statement.get("context")
    context = context if isinstance(context, dict) else {}
    extensions = context.get("extensions")
    session = extensions.get(SESSION_ID) if isinstance(extensions, dict) else None
    if session is None and verb == "initialized":
        learner.launches += 1
    taken = seconds(result.get("duration"))
    if taken is None:
        return
    key = f"{context.get('registration')}|{session if session is not None else learner.launches}"
    learner.session(hashlib.blake2b(key.encode(), digest_size=8).digest(), taken)


def _take(cohort: Cohort, catalog: Catalog, statement: dict[str, Any]) -> None:
    counts = cohort.counts
    object_id = statement["object"]["id"]
    known = catalog.known.get(object_id) or _au_of(catalog, statement)
    if known is None:
        counts.unknown += 1
        counts.unknown_activities[object_id] = counts.unknown_activities.get(object_id, 0) + 1
        return
    key, name = actor_key(statement["actor"]) or ("", "")
    learner = cohort.store.learner(key, name)
    by_id, by_content = _digests(statement)
    if (statement.get("id") and by_id in learner.recent) or by_content in learner.recent:
        counts.duplicates += 1
        return
    learner.recent.add(by_id, by_content)
    counts.used += 1
    verb = statement["verb"]["id"].rsplit("/", 1)[-1]
    given = statement.get("result")
    result: dict[str, Any] = given if isinstance(given, dict) else {}
    at = moment(statement.get("timestamp")) or moment(statement.get("stored"))
    kind, ids = known.kind, known.ids
    if kind == "au" and not ids:
        kind = "course"  # the course's one AU
    if kind in ("course", "au"):
        _session(learner, statement, verb, result)
    if kind == "au":
        _unit(catalog, learner, ids[0], verb, result, at)
    elif kind in ("course", "page", "module") and verb in LAUNCHING:
        learner.launched = True
        if kind == "page":
            learner.pages |= 1 << known.index
    elif kind == "course":
        _course(learner, verb, result, at)
    elif kind == "question" and verb == "answered":
        _question(cohort, learner, known, result, at)
    elif kind == "scene" and verb == "answered":
        letter = str(result.get("response", ""))
        learner.move(ids[0], at, known.index, LETTERS.find(letter) if len(letter) == 1 else -1)
    elif kind == "scene" and verb == "timed-out":
        learner.move(ids[0], at, known.index, TIMED_OUT)
    elif kind == "scenario" and verb in ("completed", "passed", "failed"):
        _ending(learner, ids[0], result, at)
    elif kind == "item" and verb == "answered":
        answer = str(result.get("response", ""))
        earlier = learner.survey.get(ids)
        if earlier is None or earlier[0] <= at:
            learner.survey[ids] = (at, answer)  # the catalog's tuple: no new key per learner
    elif kind == "observation" and verb in ("passed", "failed"):
        _observation(learner, ids[0], verb == "passed", at)
    elif kind == "criterion" and verb in ("passed", "failed"):
        observed = learner.observed.setdefault(ids[0], Observed(0.0, False))
        observed.criteria[ids[1]] = verb == "passed"


def _unit(
    catalog: Catalog, learner: Learner, module: str, verb: str, result: dict[str, Any], at: float
) -> None:
    """A statement of a module's own cmi5 AU: the course is completed when every module's AU
    is, passed when every scored module's latest verdict is passed, failed when one is failed."""
    learner.launched = True
    done, when, passed = learner.units.get(module, (False, 0.0, None))
    if verb == "completed" or result.get("completion") is True:
        done = True
    if verb in ("passed", "failed") and when <= at:
        when, passed = at, verb == "passed"
    learner.units[module] = (done, when, passed)
    units = learner.units
    if all(units.get(m.id, (False,))[0] for m in catalog.course.modules):
        learner.completed = True
    verdicts = [units.get(m, (False, 0.0, None)) for m in sorted(catalog.scored_modules)]
    if any(v[2] is not None for v in verdicts):
        latest = max(v[1] for v in verdicts)
        if all(v[2] for v in verdicts):
            learner.verdict = (latest, True, None)
        elif any(v[2] is False for v in verdicts):
            learner.verdict = (latest, False, None)


def _course(learner: Learner, verb: str, result: dict[str, Any], at: float) -> None:
    learner.launched = True
    if verb == "completed" or result.get("completion") is True:
        learner.completed = True
    if verb in ("passed", "failed"):
        score = (
            result.get("score", {}).get("raw") if isinstance(result.get("score"), dict) else None
        )
        if learner.verdict is None or learner.verdict[0] <= at:
            learner.verdict = (at, verb == "passed", score)


def _question(
    cohort: Cohort, learner: Learner, known: Known, result: dict[str, Any], at: float
) -> None:
    question = known.ids[0]
    correct = result.get("success") is True
    learner.answer(known.index, correct, at)
    response = str(result.get("response", ""))
    picked = cohort.responses.setdefault(question, {})
    key = f"{'right' if correct else 'wrong'}\t{response}"
    picked[key] = picked.get(key, 0) + 1
    taken = seconds(result.get("duration"))
    if taken is not None:
        n, total = cohort.times.get(question, (0, 0.0))
        cohort.times[question] = (n + 1, total + taken)


def _ending(learner: Learner, scenario: str, result: dict[str, Any], at: float) -> None:
    given = result.get("extensions")
    extensions: dict[str, Any] = given if isinstance(given, dict) else {}
    ending = extensions.get(f"{SCORMKIT_EXT}ending")
    if not isinstance(ending, str):
        return  # a verdict without the ending: the choices say more
    points = extensions.get(f"{SCORMKIT_EXT}points")
    lives = extensions.get(f"{SCORMKIT_EXT}lives")
    badges = extensions.get(f"{SCORMKIT_EXT}badges")
    learner.endings.setdefault(scenario, []).append(
        Ending(
            at,
            ending,
            {str(k): int(v) for k, v in points.items()} if isinstance(points, dict) else {},
            int(lives) if isinstance(lives, int | float) else None,
            [str(b) for b in badges] if isinstance(badges, list) else [],
        )
    )


def _observation(learner: Learner, checklist: str, success: bool, at: float) -> None:
    observed = learner.observed.setdefault(checklist, Observed(0.0, False))
    if at >= observed.at:
        observed.at, observed.success = at, success
