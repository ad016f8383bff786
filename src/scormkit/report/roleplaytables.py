"""The role-play tables of the report: endings, points, badges, choices, paths, lives."""

from __future__ import annotations

from typing import Any

from scormkit.report.figures import Figures
from scormkit.report.table import Bar, Cell, Table


def roleplay_tables(found: Figures) -> list[Table]:
    made = []
    for r in found["roleplays"]:
        notes = (
            [f"Rebuilt from {r['runs']} run(s) of choices and the scene graph."]
            if r["rebuilt"]
            else []
        )
        if r["unplaced_choices"]:
            notes.append(f"{r['unplaced_choices']} choice(s) did not fit the scene graph.")
        sid = r["id"]
        made += [
            Table(
                f"{sid}_endings",
                f"Role-play: {r['title']}",
                "Endings reached (finished runs)",
                ["ending", "kind", "runs", "n"],
                [[e["ending"], e["kind"], e["runs"], e["n"]] for e in r["endings"]],
                Bar(0, 2, r["finished_runs"]),
                notes,
            ),
            Table(
                f"{sid}_points",
                f"Role-play: {r['title']}",
                "Average points per dimension",
                ["dimension", "average", "full marks", "n"],
                [[p["dimension"], p["average"], p["full_marks"], p["n"]] for p in r["points"]],
            ),
            Table(
                f"{sid}_badges",
                f"Role-play: {r['title']}",
                "Badges earned (finished runs)",
                ["badge", "title", "runs", "n"],
                [[b["badge"], b["title"], b["runs"], b["n"]] for b in r["badges"]],
            ),
            Table(
                f"{sid}_choices",
                f"Role-play: {r['title']}",
                "Choices made, per scene",
                ["scene", "choice", "times"],
                [[c["scene"], c["choice"], c["times"]] for c in r["choices"]],
            ),
            Table(
                f"{sid}_paths",
                f"Role-play: {r['title']}",
                "Paths taken (finished runs)",
                ["path", "runs", "n"],
                [[p["path"], p["runs"], p["n"]] for p in r["paths"]],
            ),
            Table(
                f"{sid}_lives",
                f"Role-play: {r['title']}",
                "Where lives are lost and timers run out",
                ["scene", "lives lost", "timeouts"],
                _lives(r),
            ),
        ]
    return made


def _lives(r: dict[str, Any]) -> list[list[Cell]]:
    lost = {x["scene"]: x["times"] for x in r["lives_lost"]}
    out = {x["scene"]: x["times"] for x in r["timeouts"]}
    scenes = sorted(set(lost) | set(out), key=lambda s: (-lost.get(s, 0), s))
    return [[s, lost.get(s, 0), out.get(s, 0)] for s in scenes]
