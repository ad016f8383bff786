"""`scormkit report` over several sessions and over cmi5 launches, as an LMS and the player
make them: time summed over every session, and cmi5 AU statements (about the LMS's own
activity id) mapped to the course by the AU's publisher id, from a file and from the real LRS.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paths import FLAGSHIP_SPEC

from scormkit.report import FileSource, LrsSource, make_report
from scormkit.spec import load_course
from scormkit.statements import agent, make_statement, send_statements
from scormkit.xapi_activities import activity_iri, course_iri

if TYPE_CHECKING:
    from lrs import LrsProcess

COURSE = load_course(FLAGSHIP_SPEC)
COURSE_IRI = course_iri(COURSE)
AU_ID = f"{COURSE_IRI}/au"  # the AU's publisher id in cmi5.xml
LMS_ACTIVITY = "https://lms.example/activities/8c1f2e90-au-launch"  # the LMS's own id for it
CMI5 = "https://w3id.org/xapi/cmi5/context/"
REGISTRATION = "5d2b6a1e-0c3f-4e8a-9b7d-1a2b3c4d5e6f"
CARA = agent(account="cara", home_page="https://lms.test", name="Cara Lind")
DAN = agent(account="dan", home_page="https://lms.test", name="Dan Moss")
START = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self, minutes: float = 0.5) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now


def xapi_session(t: Clock, who: dict[str, Any], *ended: tuple[str, str]) -> list[Any]:
    """One launch of the xAPI player: initialized, a page, then `ended` (verb, duration)."""
    grouping = {"contextActivities": {"grouping": [{"objectType": "Activity", "id": COURSE_IRI}]}}
    course = {"objectType": "Activity", "id": COURSE_IRI}
    made = [
        make_statement(
            "initialized", who, course, timestamp=t(), context={"registration": REGISTRATION}
        ),
        make_statement(
            "experienced",
            who,
            {"objectType": "Activity", "id": activity_iri(COURSE, "page", "tp-why-service")},
            timestamp=t(),
            context={**grouping, "registration": REGISTRATION},
        ),
    ]
    for verb, duration in ended:
        result: dict[str, Any] = {"duration": duration}
        if verb == "completed":
            result["completion"] = True
        if verb == "passed":
            result.update(success=True, score={"scaled": 0.9, "raw": 90, "min": 0, "max": 100})
        made.append(
            make_statement(
                verb,
                who,
                course,
                timestamp=t(),
                result=result,
                context={"registration": REGISTRATION},
            )
        )
    return made


def test_time_in_the_course_sums_every_session_of_a_learner_who_resumes(tmp_path: Path) -> None:
    t = Clock()
    statements = [
        # Cara leaves after 5 min 10 s and resumes the next day for 4 minutes.
        *xapi_session(t, CARA, ("suspended", "PT5M"), ("terminated", "PT5M10S")),
        *xapi_session(t, DAN, ("terminated", "PT2M30S")),
        *xapi_session(t, CARA, ("completed", "PT3M"), ("passed", "PT3M"), ("terminated", "PT4M")),
    ]
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(statements))
    found = make_report(COURSE, FileSource(source))
    # Cara: 310 s + 240 s = 550 s; Dan: 150 s; average (550 + 150) / 2 s = 5.8 min.
    assert found["time"] == {"n": 2, "sessions": 3, "average_minutes": 5.8}
    learners = {p["learner"]: (p["sessions"], p["minutes"], p["passed"]) for p in found["learners"]}
    assert learners == {"Cara Lind": (2, 9.2, True), "Dan Moss": (1, 2.5, None)}


def cmi5_launch(
    t: Clock,
    who: dict[str, Any],
    session: str,
    *,
    answers: list[bool],
    ending: list[str],
    last: str = "PT3M",
    au_id: str = AU_ID,
) -> list[Any]:
    """One cmi5 launch as the LMS and the player make it (cmi5 spec 9.6, 10): the AU's own
    statements are about the LMS's activity id, in the AU's grouping, with the cmi5 category;
    item statements are about the course's IRIs with the same contextTemplate."""
    template = {
        "contextActivities": {"grouping": [{"objectType": "Activity", "id": au_id}]},
        "extensions": {f"{CMI5}extensions/sessionid": session},
        "registration": REGISTRATION,
    }
    defined = {
        **template,
        "contextActivities": {
            **template["contextActivities"],
            "category": [{"objectType": "Activity", "id": f"{CMI5}categories/cmi5"}],
        },
    }
    au = {"objectType": "Activity", "id": LMS_ACTIVITY}
    quiz = activity_iri(COURSE, "quiz", "quiz-touchpoints")
    made = [make_statement("initialized", who, au, timestamp=t(), context=defined)]
    made.append(
        make_statement(
            "experienced",
            who,
            {"objectType": "Activity", "id": activity_iri(COURSE, "page", "tp-check")},
            timestamp=t(),
            context=template,
        )
    )
    for right in answers:
        made.append(
            make_statement(
                "answered",
                who,
                {
                    "objectType": "Activity",
                    "id": activity_iri(COURSE, "question", "q-tp-every-role"),
                },
                timestamp=t(),
                result={"success": right, "response": "false" if right else "true"},
                context={
                    **template,
                    "contextActivities": {
                        **template["contextActivities"],
                        "parent": [{"objectType": "Activity", "id": quiz}],
                    },
                },
            )
        )
    for verb in ending:
        result: dict[str, Any] = {"duration": last if verb == "terminated" else "PT6M"}
        if verb == "completed":
            result["completion"] = True
        if verb in ("passed", "failed"):
            result.update(success=verb == "passed", score={"scaled": 0.8})
        made.append(make_statement(verb, who, au, timestamp=t(), result=result, context=defined))
    return made


def cmi5_cohort() -> list[Any]:
    t = Clock()
    return [
        # Cara stops after a wrong answer (3 min), resumes in a second session, answers right,
        # completes and passes (7 min); Dan answers right once and leaves (3 min).
        *cmi5_launch(t, CARA, "s-cara-1", answers=[False], ending=["terminated"]),
        *cmi5_launch(t, DAN, "s-dan-1", answers=[True], ending=["terminated"]),
        *cmi5_launch(
            t,
            CARA,
            "s-cara-2",
            answers=[True],
            ending=["completed", "passed", "terminated"],
            last="PT7M",
        ),
    ]


def check_cmi5_figures(found: dict[str, Any]) -> None:
    assert found["input"]["unknown"] == 0 and found["input"]["unknown_activities"] == []
    funnel = found["funnel"]
    assert (funnel["launched"], funnel["completed"], funnel["passed"], funnel["failed"]) == (
        2,
        1,
        1,
        0,
    )
    pages = {p["page"]: p["reached"] for p in funnel["pages"]}
    assert pages["tp-check"] == 2
    assert found["time"] == {"n": 2, "sessions": 3, "average_minutes": 6.5}  # (10 + 3) / 2
    question = found["questions"][0]
    assert (question["id"], question["n"], question["difficulty"], question["tries"]) == (
        "q-tp-every-role",
        2,
        0.5,
        3,
    )
    learners = {
        p["learner"]: (p["sessions"], p["minutes"], p["completed"], p["passed"], p["score"])
        for p in found["learners"]
    }
    assert learners == {
        "Cara Lind": (2, 10.0, True, True, None),
        "Dan Moss": (1, 3.0, False, None, None),
    }


def test_cmi5_statements_under_the_lms_ids_are_mapped_to_the_course(tmp_path: Path) -> None:
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(cmi5_cohort()))
    check_cmi5_figures(make_report(COURSE, FileSource(source)))


def test_cmi5_statements_are_found_in_the_lrs_by_the_au_publisher_id(lrs: LrsProcess) -> None:
    since = datetime.now(UTC).isoformat()
    send_statements(cmi5_cohort(), lrs.endpoint, lrs.auth)
    found = make_report(COURSE, LrsSource(lrs.endpoint, lrs.auth, COURSE_IRI, since=since))
    check_cmi5_figures(found)
    assert found["input"]["read"] == found["input"]["used"] == 14


def test_an_lms_statement_without_the_cmi5_category_stays_unknown(tmp_path: Path) -> None:
    t = Clock()
    statements = cmi5_cohort()
    foreign = make_statement(
        "experienced",
        DAN,
        {"objectType": "Activity", "id": LMS_ACTIVITY},
        timestamp=t(),
        context={"contextActivities": {"grouping": [{"objectType": "Activity", "id": AU_ID}]}},
    )
    source = tmp_path / "statements.json"
    source.write_text(json.dumps([*statements, foreign]))
    found = make_report(COURSE, FileSource(source))
    assert found["input"]["unknown_activities"] == [{"activity": LMS_ACTIVITY, "statements": 1}]


def test_with_one_au_per_module_the_course_is_completed_and_passed_when_every_module_is(
    tmp_path: Path,
) -> None:
    t = Clock()
    statements = []
    for number, module in enumerate(COURSE.modules):
        # Cara completes and passes every module; Dan passes all but the last, which he fails.
        for who, verdict in ((CARA, "passed"), (DAN, "failed" if number == 5 else "passed")):
            statements += cmi5_launch(
                t,
                who,
                f"{who['name']}-{module.id}",
                answers=[],
                ending=["completed", verdict, "terminated"],
                au_id=f"{AU_ID}/{module.id}",
            )
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(statements))
    found = make_report(COURSE, FileSource(source))
    funnel = found["funnel"]
    assert (funnel["launched"], funnel["completed"], funnel["passed"], funnel["failed"]) == (
        2,
        2,
        1,
        1,
    )
    assert found["input"]["unknown"] == 0
    assert found["time"] == {"n": 2, "sessions": 12, "average_minutes": 36.0}  # 6 sessions x 6 min
