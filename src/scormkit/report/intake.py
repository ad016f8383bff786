"""Reading statements into a cohort: checked, deduplicated, voids honoured, one at a time."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from scormkit.report.catalog import Catalog
from scormkit.report.cohort import Cohort, Ending, Learner, Move, Observed, Tries, seconds
from scormkit.scenario.walk import TIMEOUT

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
VOIDED = f"{ADL_VERBS}voided"
SCORMKIT_EXT = "https://scormkit.dev/xapi/extensions/"
MALFORMED_SHOWN = 5  # examples of malformed statements kept for the report's notes
STORED_BY_LRS = ("id", "stored", "authority", "version")


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


def moment(value: Any) -> str:
    """A timestamp in one comparable form (UTC, microseconds), '' when it is not one."""
    if not isinstance(value, str):
        return ""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return ""
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="microseconds")


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


def _take(cohort: Cohort, catalog: Catalog, statement: dict[str, Any]) -> None:
    counts = cohort.counts
    object_id = statement["object"]["id"]
    known = catalog.known.get(object_id)
    if known is None:
        counts.unknown += 1
        counts.unknown_activities[object_id] = counts.unknown_activities.get(object_id, 0) + 1
        return
    key, name = actor_key(statement["actor"]) or ("", "")
    learner = cohort.learners.get(key)
    if learner is None:
        learner = cohort.learners[key] = Learner(key, name)
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
    if kind in ("course", "page", "module") and verb in ("launched", "initialized", "experienced"):
        learner.launched = True
        if kind == "page":
            learner.pages |= 1 << catalog.page_order.index(ids[0])
    elif kind == "course":
        _course(learner, verb, result, at)
    elif kind == "question" and verb == "answered":
        _question(cohort, learner, ids[0], result, at)
    elif kind == "scene" and verb == "answered":
        letter = str(result.get("response", ""))
        learner.moves.setdefault(ids[0], []).append(Move(at, ids[1], letter))
    elif kind == "scene" and verb == "timed-out":
        learner.moves.setdefault(ids[0], []).append(Move(at, ids[1], TIMEOUT))
    elif kind == "scenario" and verb in ("completed", "passed", "failed"):
        _ending(learner, ids[0], result, at)
    elif kind == "item" and verb == "answered":
        answer = str(result.get("response", ""))
        earlier = learner.survey.get((ids[0], ids[1]))
        if earlier is None or earlier[0] <= at:
            learner.survey[(ids[0], ids[1])] = (at, answer)
    elif kind == "observation" and verb in ("passed", "failed"):
        _observation(learner, ids[0], verb == "passed", at)
    elif kind == "criterion" and verb in ("passed", "failed"):
        observed = learner.observed.setdefault(ids[0], Observed("", False))
        observed.criteria[ids[1]] = verb == "passed"


def _course(learner: Learner, verb: str, result: dict[str, Any], at: str) -> None:
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
    cohort: Cohort, learner: Learner, question: str, result: dict[str, Any], at: str
) -> None:
    tries = learner.questions.setdefault(question, Tries())
    correct = result.get("success") is True
    if tries.count == 0:
        tries.first_correct = correct
    if at >= tries.last_at:
        tries.last_correct, tries.last_at = correct, at
    tries.count += 1
    response = str(result.get("response", ""))
    picked = cohort.responses.setdefault(question, {})
    key = f"{'right' if correct else 'wrong'}\t{response}"
    picked[key] = picked.get(key, 0) + 1
    taken = seconds(result.get("duration"))
    if taken is not None:
        n, total = cohort.times.get(question, (0, 0.0))
        cohort.times[question] = (n + 1, total + taken)


def _ending(learner: Learner, scenario: str, result: dict[str, Any], at: str) -> None:
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


def _observation(learner: Learner, checklist: str, success: bool, at: str) -> None:
    observed = learner.observed.setdefault(checklist, Observed("", False))
    if at >= observed.at:
        observed.at, observed.success = at, success
