"""Role-play figures over all learners, folded in one learner at a time.

Each learner's runs are replayed, added to the counts here and dropped, so the figures phase
never holds every learner's runs at once.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from scormkit.report.catalog import Catalog
from scormkit.report.roleplay import Replay, best_run, scenario_kind
from scormkit.spec.activities import Scenario


class RoleplayTally:
    """Paths, endings, points, badges, lives lost and timeouts of one scenario, so far."""

    def __init__(self, catalog: Catalog, scenario: Scenario) -> None:
        self.catalog = catalog
        self.scenario = scenario
        self.learners = self.runs = self.unplaced = 0
        self.stated = False  # some learner's endings came from ending statements
        self.endings: Counter[str] = Counter()
        self.paths: Counter[str] = Counter()
        self.choices: Counter[str] = Counter()
        self.lost: Counter[str] = Counter()
        self.timeouts: Counter[str] = Counter()
        self.badges: Counter[str] = Counter()
        self.points: Counter[str] = Counter()  # summed over finished runs
        self.finished = 0
        # Skill gaps: per dimension, the best run of each learner against the pass mark.
        self.best_n = 0
        self.best_points: Counter[str] = Counter()
        self.best_below: Counter[str] = Counter()

    def add(self, replay: Replay, stated: bool) -> None:
        self.learners += 1
        self.stated |= stated
        self.unplaced += replay.unplaced
        for run in replay.runs:
            self.runs += 1
            self.choices.update(run.steps)
            self.lost.update(run.lives_lost_at)
            self.timeouts.update(run.timeouts)
            if run.kind:
                self.finished += 1
                self.endings[run.ending or ""] += 1
                self.paths[" > ".join(run.steps)] += 1
                self.badges.update(run.badges)
                for d in self.scenario.dimensions:
                    self.points[d] += run.points.get(d, 0)
        best = best_run(replay.runs)
        if best:
            self.best_n += 1
            for d in self.scenario.dimensions:
                got = best.points.get(d, 0)
                self.best_points[d] += got
                self.best_below[d] += got < self.catalog.dimension_pass(self.scenario.id, d)

    def gaps(self) -> list[dict[str, Any]]:
        """One skill-gap record per dimension."""
        sid, n = self.scenario.id, self.best_n
        return [
            {
                "skill": f"role-play {sid}: {d}",
                "title": self.scenario.title,
                "pass_mark": f"{self.catalog.dimension_pass(sid, d)} of "
                f"{self.catalog.dimension_max[(sid, d)]} points",
                "n": n,
                "below": self.best_below[d],
                "mastered": n - self.best_below[d],
                "average": round(self.best_points[d] / n, 2) if n else None,
            }
            for d in self.scenario.dimensions
        ]

    def figures(self) -> dict[str, Any]:
        scenario, n = self.scenario, self.finished
        order = {scene.id: index for index, scene in enumerate(scenario.scenes)}
        endings = self.endings
        return {
            "id": scenario.id,
            "title": scenario.title,
            "learners": self.learners,
            "runs": self.runs,
            "finished_runs": n,
            "rebuilt": not self.stated,
            "unplaced_choices": self.unplaced,
            "endings": [
                {
                    "ending": e,
                    "kind": scenario_kind(scenario, e) if e != "out-of-lives" else "failure",
                    "runs": endings[e],
                    "n": n,
                }
                for e in sorted(endings, key=lambda e: (-endings[e], e))
            ],
            "points": [
                {
                    "dimension": d,
                    "average": round(self.points[d] / n, 2) if n else None,
                    "full_marks": self.catalog.dimension_max[(scenario.id, d)],
                    "n": n,
                }
                for d in scenario.dimensions
            ],
            "badges": [
                {"badge": b.id, "title": b.title, "runs": self.badges[b.id], "n": n}
                for b in scenario.badges
            ],
            "choices": [
                {"scene": s.split(":")[0], "choice": s.split(":")[1], "times": c}
                for s, c in sorted(
                    self.choices.items(), key=lambda i: (order[i[0].split(":")[0]], -i[1], i[0])
                )
            ],
            "paths": [
                {"path": p, "runs": c, "n": n}
                for p, c in sorted(self.paths.items(), key=lambda i: (-i[1], i[0]))
            ],
            "lives_lost": [
                {"scene": s, "times": c}
                for s, c in sorted(self.lost.items(), key=lambda i: (-i[1], i[0]))
            ],
            "timeouts": [
                {"scene": s, "times": c}
                for s, c in sorted(self.timeouts.items(), key=lambda i: (-i[1], i[0]))
            ],
        }
