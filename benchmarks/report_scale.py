"""Benchmark: `scormkit report` over 100,000 and 1,000,000 generated statements of the flagship.

Statements are generated as the xAPI player sends them for the flagship course (initialized,
experienced per page, answered per question try, role-play choice and survey item, timed-out
per role-play timeout, completed per role-play ending and for the course, passed/failed,
terminated), with a few exact re-sends, written as JSON lines, then reported in a
fresh process so the peak memory figure (maximum resident set size) is the report's own.

Run:  python benchmarks/report_scale.py [STATEMENTS...]
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from scormkit.scenario.walk import TIMEOUT, Walker  # noqa: E402
from scormkit.spec import load_course  # noqa: E402
from scormkit.spec.activities import Quiz, Scenario, Survey  # noqa: E402
from scormkit.spec.models import Course  # noqa: E402
from scormkit.xapi_activities import activity_iri, course_iri  # noqa: E402

FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
ADL = "http://adlnet.gov/expapi/verbs/"
PROFILE = "https://scormkit.dev/xapi/"  # scormkit's xAPI Profile: the timed-out verb, extensions
START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def _statement(
    actor: dict[str, Any],
    verb: str,
    iri: str,
    at: datetime,
    rng: random.Random,
    result: dict[str, Any] | None = None,
) -> dict[str, Any]:
    made: dict[str, Any] = {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "actor": actor,
        "verb": {
            "id": f"{PROFILE}verbs/{verb}" if verb == "timed-out" else ADL + verb,
            "display": {"en": verb},
        },  # fmt: skip
        "object": {"objectType": "Activity", "id": iri},
        "timestamp": at.isoformat().replace("+00:00", "Z"),
    }
    if result:
        made["result"] = result
    return made


def learner_statements(course: Course, number: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    """One learner's session: how far they get and how well they answer are drawn at random."""
    actor = {
        "objectType": "Agent",
        "name": f"Learner {number}",
        "account": {"homePage": "https://lms.example", "name": f"l{number}"},
    }
    at = START + timedelta(minutes=number)
    skill = rng.random()
    stop = (
        len([p for m in course.modules for p in m.pages])
        if rng.random() < 0.8
        else rng.randrange(1, 20)
    )
    root = course_iri(course)
    yield _statement(actor, "initialized", root, at, rng)
    pages = [p for m in course.modules for p in m.pages][:stop]
    for page in pages:
        at += timedelta(seconds=30)
        yield _statement(actor, "experienced", activity_iri(course, "page", page.id), at, rng)
        activity = page.activity
        if isinstance(activity, Quiz):
            for question in activity.questions:
                right = rng.random() < 0.45 + skill / 2
                at += timedelta(seconds=12)
                result = {"success": right, "response": "b" if right else "a", "duration": "PT12S"}
                yield _statement(
                    actor,
                    "answered",
                    activity_iri(course, "question", question.id),
                    at,
                    rng,
                    result,
                )
        elif isinstance(activity, Scenario):
            yield from _roleplay(course, activity, actor, at, rng)
        elif isinstance(activity, Survey):
            for item in activity.items:
                answer = "text" if item.kind == "free_text" else str(rng.randrange(1, 5))
                yield _statement(
                    actor,
                    "answered",
                    activity_iri(course, "item", activity.id, item.id),
                    at,
                    rng,
                    {"response": answer},
                )
    if stop == len([p for m in course.modules for p in m.pages]):
        yield _statement(actor, "completed", root, at, rng, {"completion": True})
        passed = rng.random() < 0.5 + skill / 2
        last = _statement(
            actor,
            "passed" if passed else "failed",
            root,
            at,
            rng,
            {"success": passed, "score": {"raw": 90 if passed else 60}},
        )
        yield last
        if rng.random() < 0.1:
            yield {**last, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}  # a re-send
    yield _statement(actor, "terminated", root, at, rng)


def _roleplay(
    course: Course, scenario: Scenario, actor: dict[str, Any], at: datetime, rng: random.Random
) -> Iterator[dict[str, Any]]:
    walker = Walker(scenario)
    state = walker.start()
    while not walker.ending(state):
        move = rng.choice(walker.moves(state))
        scene = walker.scene(state)
        at += timedelta(seconds=20)
        iri = activity_iri(course, "scene", scenario.id, scene.id)
        if move.step != TIMEOUT:
            letter = "abcdefghij"[[c.id for c in scene.choices].index(move.step)]
            yield _statement(
                actor, "answered", iri, at, rng, {"response": letter, "duration": "PT20S"}
            )
        else:
            lost = {"extensions": {f"{PROFILE}extensions/lost-life": move.lose_life}}
            yield _statement(actor, "timed-out", iri, at, rng, lost)
        state = walker.after(state, move)
    out = walker.out_of_lives(state)
    extensions = {
        "ending": "out-of-lives" if out else walker.scene(state).id,
        "ending-kind": walker.ending(state),
        "points": {d: state.points[i] for i, d in enumerate(walker.dimensions)},
        "badges": [] if out else [b.id for b in scenario.badges if walker.holds(state, b.when)],
    }
    if walker.has_lives:
        extensions["lives"] = state.lives
    result = {
        "success": walker.ending(state) in ("success", scenario.pass_at),
        "completion": True,
        "extensions": {f"{PROFILE}extensions/{k}": v for k, v in extensions.items()},
    }
    yield _statement(
        actor, "completed", activity_iri(course, "scenario", scenario.id), at, rng, result
    )


def write_statements(dest: Path, count: int) -> int:
    """Write at least `count` statements as JSON lines; returns how many were written."""
    course = load_course(FLAGSHIP)
    rng = random.Random(13)
    written = 0
    number = 0
    with dest.open("w", encoding="utf-8") as out:
        while written < count:
            number += 1
            for statement in learner_statements(course, number, rng):
                out.write(json.dumps(statement) + "\n")
                written += 1
    return written


def main(sizes: list[int]) -> None:
    for size in sizes:
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            source = folder / "statements.jsonl"
            written = write_statements(source, size)
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys; from scormkit.cli import main; main()",
                    "report",
                    str(FLAGSHIP),
                    "--statements",
                    str(source),
                    "-o",
                    str(folder / "report.html"),
                ],
                check=True,
                env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
                capture_output=True,
            )
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(
                f"{written:>9} statements: {seconds:6.1f} s, {written / seconds:8.0f} statements/s,"
                f" peak memory {peak:6.1f} MB (largest report so far)"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100_000, 1_000_000])
