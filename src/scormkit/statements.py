"""xAPI statements: builders for the verbs scormkit emits, and sending them to an LRS.

The only module that imports `tincan`. Statements are xAPI 1.0.3 by default (xAPI 1.0.3
xAPI-Data.md 2.4): UUID ids fixed before the first send, one actor IFI, UTC timestamps and ISO
8601 durations (4.6). "2.0" (IEEE 9274.1.1-2023) changes only the version header
(xAPI-Communication.md 3.3): scormkit sends no 2.0-only property, since 1.0.3 LRSs reject
properties they do not know, so the same statement is valid for both.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from tincan import Statement

from scormkit.errors import LrsError, LrsUnreachable
from scormkit.limits import NETWORK_READ_SECONDS
from scormkit.lrs_client import redact, request

Json = dict[str, Any]

VERSIONS = {"1.0.3": "1.0.3", "2.0": "2.0.0"}  # option -> X-Experience-API-Version header
ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    name: f"{ADL_VERBS}{name}"
    for name in (
        "launched",
        "initialized",
        "experienced",
        "answered",
        "completed",
        "passed",
        "failed",
        "suspended",
        "resumed",
        "terminated",
        "satisfied",
    )
} | {  # fmt: skip
    "abandoned": "https://w3id.org/xapi/adl/verbs/abandoned",
    "waived": "https://w3id.org/xapi/adl/verbs/waived",
}
CMI5 = "https://w3id.org/xapi/cmi5/context/"
CMI5_CATEGORY = {"id": f"{CMI5}categories/cmi5", "objectType": "Activity"}
MOVEON_CATEGORY = {"id": f"{CMI5}categories/moveon", "objectType": "Activity"}
MASTERY_EXTENSION = f"{CMI5}extensions/masteryscore"
# Fixed namespace so the same observation sent twice gets the same statement ids (idempotent).
STATEMENT_NAMESPACE = uuid.UUID("5f0c3f1e-9a62-4b8e-8f6b-3d2a1c0e7b94")


def verb(name: str) -> Json:
    """The verb `name` (an ADL or cmi5 verb) with its English display."""
    if name not in VERBS:
        raise ValueError(f"no verb '{name}'; known: {', '.join(sorted(VERBS))}")
    return {"id": VERBS[name], "display": {"en": name}}  # one tag, as the definitions use


def agent(
    *, email: str | None = None, home_page: str | None = None, account: str | None = None,
    name: str | None = None,
) -> Json:  # fmt: skip
    """An Agent with exactly one identifier: an email (mbox) or an account on `home_page`."""
    if (email is None) == (account is None):
        raise ValueError("an agent needs exactly one of an email or an account")
    found: Json = {"objectType": "Agent"}
    if name:
        found["name"] = name
    if email is not None:
        found["mbox"] = email if email.startswith("mailto:") else f"mailto:{email}"
    else:
        if not home_page:
            raise ValueError("an account needs the `home_page` of the system that issued it")
        found["account"] = {"homePage": home_page, "name": account}
    return found


def iso_duration(seconds: float) -> str:
    """`seconds` as an ISO 8601 duration kept to 0.01 s (xAPI-Data.md §4.6), e.g. PT1M2.5S."""
    hundredths = max(0, round(seconds * 100))
    hours, rest = divmod(hundredths, 360000)
    minutes, rest = divmod(rest, 6000)
    secs = f"{rest / 100:.2f}".rstrip("0").rstrip(".")
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{secs}S" if secs != "0" or text == "PT" else "")


def utc_timestamp(moment: datetime) -> str:
    """`moment` in UTC with an explicit Z (xAPI 2.0 requires an offset), to the millisecond."""
    if moment.tzinfo is None:
        raise ValueError("a timestamp needs a time zone")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def statement_id(*parts: str) -> str:
    """A UUID derived from `parts`, so rebuilding the same statement gives the same id."""
    return str(uuid.uuid5(STATEMENT_NAMESPACE, "\n".join(parts)))


def make_statement(
    verb_name: str,
    actor: Json,
    activity: Json,
    *,
    timestamp: datetime,
    ident: str | None = None,
    result: Json | None = None,
    context: Json | None = None,
) -> Json:
    """One xAPI 1.0.3 statement as JSON, checked by tincan; `ident` defaults to a new UUID."""
    data: Json = {
        "id": ident or str(uuid.uuid4()),
        "actor": actor,
        "verb": verb(verb_name),
        "object": activity,
        "timestamp": utc_timestamp(timestamp),
    }
    if result:
        data["result"] = result
    if context:
        data["context"] = context
    # Round-trip through tincan: it rejects malformed parts (bad UUID, agent, language map).
    checked = Statement(json.loads(json.dumps(data))).as_version("1.0.3")
    checked["timestamp"] = data["timestamp"]  # tincan rewrites it with +00:00
    if result and "duration" in result:
        checked["result"]["duration"] = result["duration"]  # and durations in its own form
    checked.pop("version", None)  # set by the LRS (xAPI-Data.md §2.4.10)
    return dict(checked)


def cmi5_context(template: Json, *, moveon: bool, mastery: float | None = None) -> Json:
    """The context of a cmi5 defined statement: contextTemplate plus the cmi5 categories (§9.6)."""
    context = json.loads(json.dumps(template))
    activities = context.setdefault("contextActivities", {})
    category = [c for c in activities.get("category", []) if c["id"] != CMI5_CATEGORY["id"]]
    category.append(CMI5_CATEGORY)
    if moveon:
        category.append(MOVEON_CATEGORY)
    activities["category"] = category
    if mastery is not None:
        context.setdefault("extensions", {})[MASTERY_EXTENSION] = mastery
    return dict(context)


def basic_auth(username: str, password: str) -> str:
    """The Authorization header value for HTTP Basic credentials."""
    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def send_statements(
    statements: Sequence[Json],
    endpoint: str,
    auth: str,
    *,
    version: str = "1.0.3",
    tries: int = 4,
    wait: float = 0.5,
    timeout: float = NETWORK_READ_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """POST `statements` to the LRS at `endpoint`, retrying what failed; LrsError if not stored.

    Retrying is safe: every statement's id is fixed, and an LRS stores an id once. Each try
    waits at most `timeout` seconds for the LRS. Neither `auth` nor credentials written in
    `endpoint` ever appear in an error message.
    """
    if version not in VERSIONS:
        raise LrsError(f"unknown xAPI version '{version}'; choose from {', '.join(VERSIONS)}")
    headers = {
        "X-Experience-API-Version": VERSIONS[version],
        "Authorization": auth,
        "Content-Type": "application/json",
    }
    # Sent as built: tincan's own serializer would rewrite timestamps and durations and add
    # `version`, which belongs to the LRS (xAPI 1.0.3 Data 2.4.10).
    body = json.dumps(list(statements)).encode("utf-8")
    shown = redact(endpoint)
    problem = ""
    for attempt in range(tries):
        if attempt:
            sleep(wait * 2 ** (attempt - 1))
        try:
            reply = request("POST", endpoint, "statements", headers, body, read_seconds=timeout)
        except LrsUnreachable as exc:
            problem = str(exc)
            continue
        if 200 <= reply.status < 300:
            return
        problem = f"the LRS at {shown} refused the statements: HTTP {reply.status} {reply.text()}"
        if reply.status in (400, 401, 403, 409):
            break  # the same request would be refused again
    raise LrsError(f"{problem} ({len(statements)} statement(s) not stored)")
