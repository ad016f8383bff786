"""What the player needs to run a course: its order, answers, weights, rules and words.

It is written into the launch page as JSON (`render.script_json`) and read by
runtime/player.js; every activity kind and question type adds its own part.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scormkit.player_text import player_text, survey_scale
from scormkit.scenario.player_data import scenario_data
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.models import Course


def _quiz_data(quiz: Quiz, page_id: str) -> dict[str, Any]:
    return {
        "id": quiz.id,
        "page": page_id,
        "passingScore": quiz.passing_score,
        "questions": [q.id for q in quiz.questions],
        "attempts": quiz.attempts,
        "draw": quiz.draw,
        "shuffle": quiz.shuffle,
        "review": quiz.review,
        "keepsRun": quiz.keeps_run(),
    }


def _survey_data(survey: Survey, page_id: str, text: Mapping[str, str]) -> dict[str, Any]:
    items = []
    for item in survey.items:
        labels = item.options or item.scale or survey_scale(text)
        options = 0 if item.kind == "free_text" else len(labels)
        items.append(
            {
                "key": f"{survey.id}-{item.id}",
                "survey": survey.id,
                "id": item.id,
                "kind": item.kind,
                "options": options,
                "maxLength": item.max_length,
            }
        )
    return {"id": survey.id, "page": page_id, "items": items}


def course_data(course: Course, tracker: str, state_budget: int | None = None) -> dict[str, Any]:
    """What the player needs to run `course` with the `tracker` of a target."""
    text = player_text(course)
    pages: list[dict[str, Any]] = []
    quizzes: list[dict[str, Any]] = []
    questions: list[dict[str, Any]] = []
    surveys: list[dict[str, Any]] = []
    scenarios: list[dict[str, Any]] = []
    for module in course.modules:
        for page in module.pages:
            pages.append({"id": page.id, "module": module.id, "title": page.title})
            activity = page.activity
            if isinstance(activity, Survey):
                surveys.append(_survey_data(activity, page.id, text))
            if isinstance(activity, Scenario):
                scenarios.append(scenario_data(activity, page.id))
            if isinstance(activity, Quiz):
                quizzes.append(_quiz_data(activity, page.id))
                questions.extend(q.player_data(activity.id) for q in activity.questions)
    return {
        "id": course.id,
        "title": course.title,
        "language": course.language,
        "tracker": tracker,
        "stateBudget": state_budget,
        "completion": {
            "allPages": course.completion.all_pages,
            "passingScore": course.completion.passing_score,
        },
        "modules": [
            {"id": m.id, "title": m.title, "pages": [p.id for p in m.pages]} for m in course.modules
        ],
        "pages": pages,
        "quizzes": quizzes,
        "questions": questions,
        "surveys": surveys,
        "text": text,
        "scenarios": scenarios,
    }
