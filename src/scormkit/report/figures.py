"""The report's figures from a filled cohort: funnel, time, mastery and skill gaps, learners.

One pass reads the learners back from the store, by name then identifier, and adds each to
every figure's running counts; what a figure needs across learners (a ranking, a list of
names) goes to the store's tables as it passes, and is read back in order from there. Sums of
fractional values (minutes, percents) are taken by `sum` over the values in that same order,
so every figure is the same to the last bit as summing a list of all learners.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from scormkit.report.catalog import Catalog
from scormkit.report.cohort import Cohort, Learner
from scormkit.report.people import keep_learner, learner_rows, module_percent, name_learners
from scormkit.report.questions import QuestionTally
from scormkit.report.roleplay import learner_runs
from scormkit.report.roleplaytally import RoleplayTally
from scormkit.report.store import LearnerStore
from scormkit.report.surveys import ObservationTally, SurveyTally

Figures = dict[str, Any]
TIME = -1  # the series of learners' minutes; quizzes' percents are series 0, 1…


def figures(catalog: Catalog, cohort: Cohort, *, pseudonymise: bool = False) -> Figures:
    """Every figure of the report, as plain data (the JSON output). The rows with one entry
    per learner (the learners table, free-text answers, learners observed) are `Rows` read
    from the cohort's store, which must stay open while they are written."""
    store = cohort.store
    store.finish()
    funnel = Funnel(catalog)
    modules = Modules(catalog, store)
    questions = QuestionTally(catalog)
    surveys = SurveyTally(catalog, store)
    observations = ObservationTally(catalog, store)
    tallies = {s: RoleplayTally(catalog, scenario) for s, scenario in catalog.scenarios.items()}
    timed = sessions = 0
    for learner in store.by_name():
        funnel.add(learner)
        spans, spent = learner.time_spent()
        sessions += spans
        if spans:
            timed += 1
            store.add("series", (TIME, spent))
        modules.add(learner)
        questions.add(learner)
        surveys.add(learner)
        observations.add(learner)
        runs = learner_runs(catalog, learner)
        for scenario_id, replay in runs.items():
            tallies[scenario_id].add(replay, bool(learner.endings.get(scenario_id)))
        keep_learner(store, catalog, learner, runs)
    name_learners(store, pseudonymise)
    gaps = modules.figures() + [gap for tally in tallies.values() for gap in tally.gaps()]
    total = series_sum(store, TIME)
    return {
        "course": {
            "id": catalog.course.id,
            "title": catalog.course.title,
            "pass_percent": catalog.pass_percent,
        },
        "funnel": funnel.figures(),
        "time": {
            "n": timed,
            "sessions": sessions,
            "average_minutes": round(total / timed / 60, 1) if timed else None,
        },
        "skill_gaps": sorted(gaps, key=lambda g: (-g["below"], g["skill"])),
        "questions": questions.figures(cohort, store),
        "roleplays": [tally.figures() for tally in tallies.values()],
        "surveys": surveys.figures(),
        "observations": observations.figures(),
        "learners": learner_rows(store),
        "input": _input(cohort),
        "rebuilt": [
            f"role-play '{s}': endings, points, lives, badges and timeouts rebuilt from the "
            "choices and the scene graph (the statements have no ending statements)"
            for s, tally in tallies.items()
            if not tally.stated and tally.learners
        ],
    }


def series_sum(store: LearnerStore, series: int) -> float:
    """The values of a series summed in the order they were added, as `sum` of their list."""
    return float(
        sum(
            value
            for (value,) in store.query(
                "SELECT value FROM series WHERE id = ? ORDER BY rowid", series
            )
        )
    )


class Funnel:
    """Launched, pages reached and where learners stop, completed, passed."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.launched = self.completed = self.passed = self.failed = 0
        self.reached: Counter[str] = Counter()
        self.stopped: Counter[str] = Counter()

    def add(self, learner: Learner) -> None:
        if not learner.launched:
            return
        order = self.catalog.page_order
        self.launched += 1
        self.completed += learner.completed
        self.passed += bool(learner.verdict and learner.verdict[1])
        self.failed += bool(learner.verdict and not learner.verdict[1])
        self.reached.update(order[i] for i in range(len(order)) if learner.pages >> i & 1)
        if not learner.completed and learner.pages:
            self.stopped[order[learner.pages.bit_length() - 1]] += 1

    def figures(self) -> Figures:
        catalog, n = self.catalog, self.launched
        return {
            "launched": n,
            "completed": self.completed,
            "passed": self.passed,
            "failed": self.failed,
            "pages": [
                {
                    "page": page,
                    "title": catalog.page_titles[page],
                    "reached": self.reached[page],
                    "stopped_here": self.stopped[page],
                    "n": n,
                }
                for page in catalog.page_order
            ],
        }


class Modules:
    """Per module's quiz: learners below its pass mark, and their average percent."""

    def __init__(self, catalog: Catalog, store: LearnerStore) -> None:
        self.catalog, self.store = catalog, store
        self.quizzes = [
            (
                quiz_id,
                module,
                quiz,
                [(catalog.question_index[q.id], q.weight) for q in quiz.questions],
            )
            for quiz_id, (module, quiz) in catalog.quizzes.items()
        ]
        self.n: Counter[int] = Counter()
        self.below: Counter[int] = Counter()

    def add(self, learner: Learner) -> None:
        for index, (_, _, quiz, weights) in enumerate(self.quizzes):
            percent = module_percent(learner, weights)
            if percent is not None:
                self.n[index] += 1
                self.below[index] += percent < self.catalog.quiz_pass(quiz)
                self.store.add("series", (index, percent))

    def figures(self) -> list[Figures]:
        found = []
        for index, (quiz_id, module, quiz, _) in enumerate(self.quizzes):
            n, below = self.n[index], self.below[index]
            found.append(
                {
                    "skill": f"module {module.id}",
                    "title": module.title,
                    "quiz": quiz_id,
                    "pass_mark": f"{self.catalog.quiz_pass(quiz)}%",
                    "n": n,
                    "below": below,
                    "mastered": n - below,
                    "average": round(series_sum(self.store, index) / n, 1) if n else None,
                }
            )
        return found


def _input(cohort: Cohort) -> Figures:
    counts = cohort.counts
    return {
        "read": counts.read,
        "used": counts.used,
        "duplicates": counts.duplicates,
        "voided": counts.voided,
        "voiding": counts.voiding,
        "unknown": counts.unknown,
        "malformed": counts.malformed,
        "unknown_activities": [
            {"activity": a, "statements": n}
            for a, n in sorted(counts.unknown_activities.items(), key=lambda i: (-i[1], i[0]))
        ],
        "malformed_examples": list(counts.malformed_examples),
    }
