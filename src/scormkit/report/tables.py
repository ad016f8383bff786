"""The report's figures laid out as tables: what the HTML page shows and the CSV files hold.

Every table carries its counts (n) beside its figures, so small cohorts are not over-read.
"""

from __future__ import annotations

from collections.abc import Iterator

from scormkit.report.figures import Figures
from scormkit.report.roleplaytables import roleplay_tables
from scormkit.report.table import Bar, Cell, Table, share


def tables(found: Figures) -> Iterator[Table]:
    """Every table, in reading order, each made when it is asked for: a writer holds one at a
    time (the learners table has a row per learner)."""
    yield from _funnel(found)
    yield _gaps(found)
    yield from _questions(found)
    yield from roleplay_tables(found)
    yield from _surveys(found)
    yield from _observations(found)
    yield _learners(found)


def _funnel(found: Figures) -> list[Table]:
    f = found["funnel"]
    n = f["launched"]
    steps = [
        ["launched", n, n, share(n, n)],
        ["completed", f["completed"], n, share(f["completed"], n)],
        ["passed", f["passed"], n, share(f["passed"], n)],
    ]
    pages = [[p["page"], p["title"], p["reached"], p["stopped_here"], p["n"]] for p in f["pages"]]
    return [
        Table(
            "funnel",
            "Completion",
            "Completion funnel: learners at each step",
            ["step", "learners", "n", "share"],
            steps,
            Bar(0, 1, n),
        ),
        Table(
            "pages",
            "Completion",
            "Pages reached, and where learners who did not complete stop",
            ["page", "title", "reached", "stopped here", "n"],
            pages,
            Bar(1, 2, n),
        ),
        Table(
            "time",
            "Completion",
            "Time in the course: every session's stated duration, summed per learner",
            ["learners timed", "sessions", "average minutes per learner"],
            [[found["time"]["n"], found["time"]["sessions"], found["time"]["average_minutes"]]],
        ),
    ]


def _gaps(found: Figures) -> Table:
    rows = [
        [
            g["skill"],
            g["title"],
            g["pass_mark"],
            g["below"],
            g["n"],
            share(g["below"], g["n"]),
            g["average"],
        ]
        for g in found["skill_gaps"]
    ]
    return Table(
        "skill_gaps",
        "Skill gaps",
        "Skill gaps, ranked: learners below the pass mark per module and role-play dimension",
        ["skill", "title", "pass mark", "learners below", "n", "share below", "average"],
        rows,
        Bar(0, 3),
    )


def _short(text: str, most: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= most else line[: most - 1] + "…"


def _questions(found: Figures) -> list[Table]:
    rows = [
        [
            q["id"],
            _short(q["prompt"]),
            q["module"],
            q["n"],
            q["difficulty"],
            q["discrimination"],
            q["upper_n"],
            q["lower_n"],
            q["average_tries"],
            q["average_seconds"],
            "; ".join(q["flags"]),
        ]
        for q in found["questions"]
    ]
    wrong = [
        [q["id"], w["response"], w["text"], w["times"], q["tries"]]
        for q in found["questions"]
        for w in q["wrong_choices"]
    ]
    return [
        Table(
            "questions",
            "Questions",
            "Questions: difficulty (share right at first try), discrimination (upper minus lower "
            "27%), tries and time",
            [
                "question",
                "prompt",
                "module",
                "n",
                "difficulty",
                "discrimination",
                "upper n",
                "lower n",
                "average tries",
                "average seconds per try",
                "flags",
            ],
            rows,
            Bar(0, 4, 1),
        ),
        Table(
            "wrong_choices",
            "Questions",
            "Wrong answers picked, per question (over every try)",
            ["question", "response", "answer", "times picked", "tries"],
            wrong,
        ),
    ]


def _surveys(found: Figures) -> list[Table]:
    made = []
    for survey in found["surveys"]:
        for item in survey["items"]:
            name = f"{survey['id']}_{item['id']}"
            section = f"Survey: {survey['title']}"
            if item["kind"] == "free_text":
                answers = ([a["learner"], a["text"]] for a in item["answers"])
                made.append(
                    Table(
                        name,
                        section,
                        f"{item['prompt']} (n={item['n']})",
                        ["learner", "answer"],
                        answers,
                    )
                )
            else:
                rows: list[list[Cell]] = [
                    [o["option"], o["count"], item["n"], share(o["count"], item["n"])]
                    for o in item["options"]
                ]
                made.append(
                    Table(
                        name,
                        section,
                        f"{item['prompt']} (n={item['n']})",
                        ["answer", "learners", "n", "share"],
                        rows,
                        Bar(0, 1, item["n"]),
                    )
                )
    return made


def _observations(found: Figures) -> list[Table]:
    made = []
    for o in found["observations"]:
        section = f"Observation: {o['title']}"
        made.append(
            Table(
                f"{o['id']}_criteria",
                section,
                f"Criteria met (n={o['n']} learners observed, {o['passed']} passed)",
                ["criterion", "text", "met", "n", "share"],
                [[c["id"], c["text"], c["met"], c["n"], c["share"]] for c in o["criteria"]],
                Bar(0, 2, o["n"]),
            )
        )
        made.append(
            Table(
                f"{o['id']}_learners",
                section,
                "Learners observed",
                ["learner", "passed"],
                ([x["learner"], "yes" if x["passed"] else "no"] for x in o["learners"]),
            )
        )
    return made


def _learners(found: Figures) -> Table:
    return Table(
        "learners",
        "Learners",
        "Per learner",
        [
            "learner",
            "pages reached",
            "sessions",
            "minutes",
            "completed",
            "verdict",
            "score",
            "modules mastered",
            "role-play best ending",
            "observations",
        ],
        (_learner_row(p) for p in found["learners"]),
    )


def _learner_row(p: Figures) -> list[Cell]:
    modules = sum(m["mastered"] for m in p["modules"].values())
    endings = ", ".join(f"{r['best_ending']}" for r in p["roleplays"].values() if r["best_ending"])
    verdict = {True: "passed", False: "failed", None: ""}[p["passed"]]
    observations = ", ".join(
        f"{k}: {'passed' if v else 'failed'}" for k, v in p["observations"].items()
    )
    return [
        p["learner"],
        f"{p['pages_reached']} of {p['pages']}",
        p["sessions"],
        p["minutes"],
        "yes" if p["completed"] else "no",
        verdict,
        p["score"],
        f"{modules} of {len(p['modules'])}",
        endings,
        observations,
    ]
