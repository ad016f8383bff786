"""The report's figures from a filled cohort: funnel, time, mastery and skill gaps, learners."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from scormkit.report.catalog import Catalog
from scormkit.report.cohort import Cohort, Learner
from scormkit.report.questions import question_figures
from scormkit.report.roleplay import Replay, best_run, learner_runs
from scormkit.report.roleplaytally import RoleplayTally
from scormkit.report.surveys import observation_figures, survey_figures
from scormkit.spec.activities import Quiz

Figures = dict[str, Any]


def figures(catalog: Catalog, cohort: Cohort, *, pseudonymise: bool = False) -> Figures:
    """Every figure of the report, as plain data (the JSON output). Consumes the cohort's
    learners: each is dropped once its row is made, so the learners' records and their rows
    are not all held at once."""
    everyone = sorted(cohort.learners.values(), key=lambda p: (p.name, p.key))
    learners: list[Learner | None] = list(everyone)
    names = _names(everyone, pseudonymise)
    found: Figures = {
        "course": {
            "id": catalog.course.id,
            "title": catalog.course.title,
            "pass_percent": catalog.pass_percent,
        },
        "funnel": _funnel(catalog, everyone),
        "time": _time(everyone),
        "skill_gaps": _modules(catalog, everyone),  # role-play dimensions added below
        "questions": question_figures(catalog, cohort),
        "roleplays": [],
        "surveys": survey_figures(catalog, everyone, names),
        "observations": observation_figures(catalog, everyone, names),
        "learners": [],
        "input": _input(cohort),
    }
    del everyone
    cohort.learners.clear()
    tallies = {s: RoleplayTally(catalog, scenario) for s, scenario in catalog.scenarios.items()}
    for index, learner in enumerate(learners):  # each learner's runs are folded in and dropped
        assert learner is not None
        runs = learner_runs(catalog, learner)
        for scenario_id, replay in runs.items():
            tallies[scenario_id].add(replay, bool(learner.endings.get(scenario_id)))
        found["learners"].append(_learner(catalog, learner, names.pop(learner.key), runs))
        learners[index] = None
    gaps = found["skill_gaps"] + [gap for tally in tallies.values() for gap in tally.gaps()]
    found["skill_gaps"] = sorted(gaps, key=lambda g: (-g["below"], g["skill"]))
    found["roleplays"] = [tally.figures() for tally in tallies.values()]
    found["rebuilt"] = [
        f"role-play '{s}': endings, points, lives, badges and timeouts rebuilt from the choices "
        "and the scene graph (the statements have no ending statements)"
        for s, tally in tallies.items()
        if not tally.stated and tally.learners
    ]
    return found


def _time(learners: list[Learner]) -> Figures:
    """Time in the course: per learner every session's longest stated duration, summed."""
    spent = [p.time_spent() for p in learners]
    timed = [seconds for sessions, seconds in spent if sessions]
    return {
        "n": len(timed),
        "sessions": sum(sessions for sessions, _ in spent),
        "average_minutes": round(sum(timed) / len(timed) / 60, 1) if timed else None,
    }


def _names(learners: list[Learner], pseudonymise: bool) -> dict[str, str]:
    if not pseudonymise:
        return {p.key: p.name for p in learners}
    # Numbered in the order of a hash of the identifier: stable, and says nothing about names.
    order = sorted(learners, key=lambda p: hashlib.sha256(p.key.encode()).hexdigest())
    return {p.key: f"Learner {i + 1}" for i, p in enumerate(order)}


def _funnel(catalog: Catalog, learners: list[Learner]) -> Figures:
    launched = [p for p in learners if p.launched]
    order = catalog.page_order
    reached = Counter(order[i] for p in launched for i in range(len(order)) if p.pages >> i & 1)
    stopped: Counter[str] = Counter()
    for learner in launched:
        if not learner.completed and learner.pages:
            stopped[order[learner.pages.bit_length() - 1]] += 1
    n = len(launched)
    return {
        "launched": n,
        "completed": sum(p.completed for p in launched),
        "passed": sum(bool(p.verdict and p.verdict[1]) for p in launched),
        "failed": sum(bool(p.verdict and not p.verdict[1]) for p in launched),
        "pages": [
            {
                "page": page,
                "title": catalog.page_titles[page],
                "reached": reached[page],
                "stopped_here": stopped[page],
                "n": n,
            }
            for page in order
        ],
    }


def _module_percent(learner: Learner, questions: list[tuple[int, float]]) -> float | None:
    """The weighted share of the quiz's questions whose latest try was right."""
    answered = [(t, w) for q, w in questions if (t := learner.tried(q))]
    if not answered:
        return None
    total = sum(w for _, w in questions)
    right = sum(w for t, w in answered if t.last_correct)
    return 100 * right / total if total else None


def _weights(catalog: Catalog, quiz: Quiz) -> list[tuple[int, float]]:
    return [(catalog.question_index[q.id], q.weight) for q in quiz.questions]


def _modules(catalog: Catalog, learners: list[Learner]) -> list[Figures]:
    found = []
    for quiz_id, (module, quiz) in catalog.quizzes.items():
        weights = _weights(catalog, quiz)
        mark = catalog.quiz_pass(quiz)
        percents = [x for person in learners if (x := _module_percent(person, weights)) is not None]
        below = sum(p < mark for p in percents)
        found.append(
            {
                "skill": f"module {module.id}",
                "title": module.title,
                "quiz": quiz_id,
                "pass_mark": f"{mark}%",
                "n": len(percents),
                "below": below,
                "mastered": len(percents) - below,
                "average": round(sum(percents) / len(percents), 1) if percents else None,
            }
        )
    return found


def _learner(catalog: Catalog, learner: Learner, name: str, runs: dict[str, Replay]) -> Figures:
    modules = {}
    for module, quiz in catalog.quizzes.values():
        percent = _module_percent(learner, _weights(catalog, quiz))
        if percent is not None:
            modules[module.id] = {
                "percent": round(percent, 1),
                "mastered": percent >= catalog.quiz_pass(quiz),
            }
    roleplays = {}
    for scenario_id, replay in runs.items():
        best = best_run(replay.runs)
        roleplays[scenario_id] = {
            "runs": len(replay.runs),
            "best_ending": best.ending if best else None,
            "points": best.points if best else {},
            "badges": best.badges if best else [],
        }
    sessions, spent = learner.time_spent()
    return {
        "learner": name,
        "sessions": sessions,
        "minutes": round(spent / 60, 1) if sessions else None,
        "pages_reached": learner.pages.bit_count(),
        "pages": len(catalog.page_order),
        "completed": learner.completed,
        "passed": learner.verdict[1] if learner.verdict else None,
        "score": learner.verdict[2] if learner.verdict else None,
        "modules": modules,
        "roleplays": roleplays,
        "observations": {o: v.success for o, v in sorted(learner.observed.items()) if v.at},
    }


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
