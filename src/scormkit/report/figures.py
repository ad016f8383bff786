"""The report's figures from a filled cohort: funnel, mastery and skill gaps, learners."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from scormkit.report.catalog import Catalog
from scormkit.report.cohort import Cohort, Learner
from scormkit.report.questions import question_figures
from scormkit.report.roleplay import Replay, best_run, learner_runs, scenario_figures
from scormkit.report.surveys import observation_figures, survey_figures

Figures = dict[str, Any]


def figures(catalog: Catalog, cohort: Cohort, *, pseudonymise: bool = False) -> Figures:
    """Every figure of the report, as plain data (the JSON output)."""
    learners = sorted(cohort.learners.values(), key=lambda p: (p.name, p.key))
    names = _names(learners, pseudonymise)
    runs = {p.key: learner_runs(catalog, p) for p in learners}
    modules = _modules(catalog, learners)
    dimensions = _dimensions(catalog, learners, runs)
    rebuilt = {s: not any(p.endings.get(s) for p in learners) for s in catalog.scenarios}
    found: Figures = {
        "course": {
            "id": catalog.course.id,
            "title": catalog.course.title,
            "pass_percent": catalog.pass_percent,
        },
        "funnel": _funnel(catalog, learners),
        "skill_gaps": sorted(modules + dimensions, key=lambda g: (-g["below"], g["skill"])),
        "questions": question_figures(catalog, cohort),
        "roleplays": [
            scenario_figures(
                catalog,
                scenario,
                [runs[p.key][s] for p in learners if s in runs[p.key]],
                rebuilt[s],
            )
            for s, scenario in catalog.scenarios.items()
        ],
        "surveys": survey_figures(catalog, learners, names),
        "observations": observation_figures(catalog, learners, names),
        "learners": [_learner(catalog, p, names[p.key], runs[p.key]) for p in learners],
        "input": _input(cohort),
    }
    found["rebuilt"] = [
        f"role-play '{s}': endings, points, lives, badges and timeouts rebuilt from the choices "
        "and the scene graph (the statements have no ending statements)"
        for s, was in rebuilt.items()
        if was and any(s in runs[k] for k in runs)
    ]
    return found


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


def _module_percent(learner: Learner, questions: list[tuple[str, float]]) -> float | None:
    answered = [(q, w) for q, w in questions if q in learner.questions]
    if not answered:
        return None
    total = sum(w for _, w in questions)
    right = sum(w for q, w in answered if learner.questions[q].last_correct)
    return 100 * right / total if total else None


def _modules(catalog: Catalog, learners: list[Learner]) -> list[Figures]:
    found = []
    for quiz_id, (module, quiz) in catalog.quizzes.items():
        weights = [(q.id, q.weight) for q in quiz.questions]
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


def _dimensions(
    catalog: Catalog, learners: list[Learner], runs: dict[str, dict[str, Replay]]
) -> list[Figures]:
    found = []
    for scenario_id, scenario in catalog.scenarios.items():
        bests = [
            b
            for p in learners
            if scenario_id in runs[p.key] and (b := best_run(runs[p.key][scenario_id].runs))
        ]
        for dimension in scenario.dimensions:
            mark = catalog.dimension_pass(scenario_id, dimension)
            points = [b.points.get(dimension, 0) for b in bests]
            below = sum(p < mark for p in points)
            most = catalog.dimension_max[(scenario_id, dimension)]
            found.append(
                {
                    "skill": f"role-play {scenario_id}: {dimension}",
                    "title": scenario.title,
                    "pass_mark": f"{mark} of {most} points",
                    "n": len(points),
                    "below": below,
                    "mastered": len(points) - below,
                    "average": round(sum(points) / len(points), 2) if points else None,
                }
            )
    return found


def _learner(catalog: Catalog, learner: Learner, name: str, runs: dict[str, Replay]) -> Figures:
    modules = {}
    for module, quiz in catalog.quizzes.values():
        percent = _module_percent(learner, [(q.id, q.weight) for q in quiz.questions])
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
    return {
        "learner": name,
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
