"""What a SCORM 1.2 course reported, and the RTE 3.4 data-model rules it must keep.

scorm-again accepts more than SCORM 1.2 allows: it turns cmi.core.exit "normal" into "" and
interaction result "incorrect" into "wrong" (with a console warning), stores suspend_data past
4096 characters, interaction ids with spaces, and any student_response whatever the type. So
the tests check the values the course sent against the standard here, not only what was stored.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scormkit.testing import ApiCall

CMI_TIMESPAN = re.compile(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?")
CMI_TIME = re.compile(r"\d{2}:\d{2}:\d{2}(\.\d{1,2})?")
CMI_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
CMI_IDENTIFIER = re.compile(r"[^\s]{1,255}")
# CMIFeedback of each interaction type: student_response and correct_responses.n.pattern.
CMI_FEEDBACK = {
    "true-false": re.compile(r"[tf01]"),
    "choice": re.compile(r"[0-9a-z](,[0-9a-z])*"),
    "fill-in": re.compile(r".{0,255}", re.DOTALL),
    "numeric": CMI_DECIMAL,
    "likert": re.compile(r"[0-9a-z]?"),
    "matching": re.compile(r"[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*"),
    "performance": re.compile(r".{0,255}", re.DOTALL),
    "sequencing": re.compile(r"[0-9a-z](,[0-9a-z])*"),
}
VOCABULARY = {
    # "not attempted" is the LMS's to set, never the course's (RTE 3.4, lesson_status).
    "cmi.core.lesson_status": {"passed", "completed", "failed", "incomplete", "browsed"},
    "cmi.core.exit": {"", "time-out", "suspend", "logout"},
}
RESULTS = {"correct", "wrong", "unanticipated", "neutral"}
INTERACTION = re.compile(r"cmi\.interactions\.(\d+)\.(.+)")


def reported(calls: list[ApiCall]) -> dict[str, str]:
    """The last value the course set for each element, e.g. {"cmi.core.exit": "suspend"}."""
    return {c.args[0]: c.args[1] for c in calls if c.name == "LMSSetValue" and c.error == "0"}


def interactions(values: dict[str, str]) -> list[dict[str, str]]:
    """cmi.interactions.n.* of `values` as one dict per interaction, in index order.

    Keys are the part after `n.`, e.g. "student_response" or "correct_responses.0.pattern".
    """
    rows: dict[int, dict[str, str]] = {}
    for key, value in values.items():
        found = INTERACTION.fullmatch(key)
        if found:
            rows.setdefault(int(found[1]), {})[found[2]] = value
    return [rows[index] for index in sorted(rows)]


def nonconforming(values: dict[str, str]) -> list[str]:
    """Every value in `values` that SCORM 1.2 does not allow for its element, explained."""
    problems = [
        f"{element}: '{value}' is not one of {sorted(VOCABULARY[element])}"
        for element, value in values.items()
        if element in VOCABULARY and value not in VOCABULARY[element]
    ]
    limits = {"cmi.core.lesson_location": 255, "cmi.suspend_data": 4096}
    problems += [
        f"{element}: {len(values[element])} characters, more than {limit}"
        for element, limit in limits.items()
        if len(values.get(element, "")) > limit
    ]
    session_time = values.get("cmi.core.session_time")
    if session_time is not None and not CMI_TIMESPAN.fullmatch(session_time):
        problems.append(f"cmi.core.session_time: '{session_time}' is not HHHH:MM:SS.SS")
    for element in ("cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max"):
        score = values.get(element)
        if score and not (CMI_DECIMAL.fullmatch(score) and 0 <= float(score) <= 100):
            problems.append(f"{element}: '{score}' is not a number from 0 to 100")
    for index, row in enumerate(interactions(values)):
        problems += [f"cmi.interactions.{index}.{p}" for p in _interaction_problems(row)]
    return problems


def _interaction_problems(row: dict[str, str]) -> list[str]:
    problems = []
    if not CMI_IDENTIFIER.fullmatch(row.get("id", "")):
        problems.append(f"id: '{row.get('id', '')}' is not a CMIIdentifier")
    kind = row.get("type", "")
    feedback = CMI_FEEDBACK.get(kind)
    if feedback is None:
        problems.append(f"type: '{kind}' is not a SCORM 1.2 interaction type")
    for key, value in row.items():
        responds = key == "student_response" or key.startswith("correct_responses.")
        if responds and feedback and not feedback.fullmatch(value):
            problems.append(f"{key}: '{value}' is not a {kind} response")
    result = row.get("result")
    if result is not None and result not in RESULTS and not CMI_DECIMAL.fullmatch(result):
        problems.append(f"result: '{result}' is not one of {sorted(RESULTS)} or a number")
    if "time" in row and not CMI_TIME.fullmatch(row["time"]):
        problems.append(f"time: '{row['time']}' is not HH:MM:SS")
    if "latency" in row and not CMI_TIMESPAN.fullmatch(row["latency"]):
        problems.append(f"latency: '{row['latency']}' is not HHHH:MM:SS.SS")
    if "weighting" in row and not CMI_DECIMAL.fullmatch(row["weighting"]):
        problems.append(f"weighting: '{row['weighting']}' is not a number")
    return problems
