"""Benchmark: `scormkit report` over the statements of 1,000, 10,000 and 100,000 learners.

Statements are generated as the xAPI player sends them for the flagship course (initialized,
experienced per page, answered per question try, role-play choice and survey item, timed-out
per role-play timeout, completed per role-play ending and for the course, passed/failed,
terminated), with a few exact re-sends, written as JSON lines, then reported (HTML and JSON) in
a fresh process, so the peak memory figure (maximum resident set size of that process) is the
report's own. With --baseline the same statements are also reported by another tree, e.g.
main's, for the figures side by side.

Past `limits.REPORT_LEARNERS_IN_MEMORY` learners the report keeps their records in a temporary
SQLite file; `--together N` takes N learners' statements turn about, to measure what that costs
when more learners are active at once than are held in memory.

Run:  python benchmarks/report_scale.py [LEARNERS...] [--baseline OTHER/src] [--together N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from scormkit.limits import REPORT_LEARNERS_IN_MEMORY  # noqa: E402
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


def write_statements(dest: Path, learners: int, together: int = 1) -> int:
    """Write the statements of `learners` learners as JSON lines; returns how many. With
    `together` above 1, that many learners' statements are taken turn about (as an LRS returns
    those of learners who play at the same time), instead of one learner's after another's."""
    course = load_course(FLAGSHIP)
    rng = random.Random(13)
    written = 0
    numbers = iter(range(1, learners + 1))
    playing: list[Iterator[dict[str, Any]]] = []
    with dest.open("w", encoding="utf-8") as out:
        while True:
            playing += [
                learner_statements(course, n, rng) for n in islice(numbers, together - len(playing))
            ]
            if not playing:
                return written
            for statements in list(playing):
                statement = next(statements, None)
                if statement is None:
                    playing.remove(statements)
                    continue
                out.write(json.dumps(statement) + "\n")
                written += 1


def run_report(src: Path, source: Path, out: Path) -> tuple[float, float, float]:
    """Seconds, CPU seconds and peak resident memory (MB) of `scormkit report` run from
    `src` (CPU time says more than the time on a machine shared with other jobs)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from scormkit.cli import main; main()",
            "report",
            str(FLAGSHIP),
            "--statements",
            str(source),
            "-o",
            str(out),
            "--json",
            str(out.with_suffix(".json")),
        ],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"report from {src} failed with exit status {child.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, usage.ru_maxrss / 1024


def main(learner_counts: list[int], baseline: Path | None, together: int) -> None:
    trees = [("this tree", ROOT / "src")] + ([("baseline", baseline)] if baseline else [])
    print(
        f"{'learners':>9} {'statements':>11} {'tree':>10} {'time':>8} {'cpu':>8} "
        f"{'stmts/cpu s':>11} {'peak':>9}"
    )
    peaks: dict[str, list[tuple[int, float]]] = {name: [] for name, _ in trees}
    for learners in learner_counts:
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            source = folder / "statements.jsonl"
            written = write_statements(source, learners, together)
            for name, src in trees:
                seconds, cpu, peak = run_report(src, source, folder / "report.html")
                peaks[name].append((learners, peak))
                print(
                    f"{learners:>9,} {written:>11,} {name:>10} {seconds:>7.1f}s {cpu:>7.1f}s"
                    f" {written / cpu:>11,.0f} {peak:>6.1f} MB",
                    flush=True,
                )
    for name, points in peaks.items():
        if len(points) >= 2:
            (n0, p0), (n1, p1) = points[0], points[-1]
            print(f"{name}: {1024 * (p1 - p0) / (n1 - n0):.2f} KB per learner ({n0:,} to {n1:,})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("learners", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another tree's src/ folder to run the same report from, e.g. main's "
        "(git archive main src | tar -x -C /tmp/main)",
    )
    parser.add_argument(
        "--together",
        type=int,
        default=1,
        help="learners whose statements are taken turn about (default 1: one after another); "
        f"above the report's {REPORT_LEARNERS_IN_MEMORY:,} learners in memory, records go to "
        "disk and come back on nearly every statement",
    )
    arguments = parser.parse_args()
    main(arguments.learners, arguments.baseline, arguments.together)
