"""What the player needs to run a course: its order, answers, weights, rules and words.

It is written into the launch page as JSON (`render.script_json`) and read by
runtime/player.js; every activity kind (its model in spec/activities.py, scenarios in
scenario/player_data.py) and question type (questions/) adds its own part.
"""

from __future__ import annotations

from typing import Any

from scormkit.cards import cover_data, module_card
from scormkit.player_text import player_text, survey_scale
from scormkit.scenario.player_data import scenario_data
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.models import Course


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
                surveys.append(activity.player_data(page.id, survey_scale(text)))
            if isinstance(activity, Scenario):
                scenarios.append(scenario_data(activity, page.id))
            if isinstance(activity, Quiz):
                quizzes.append(activity.player_data(page.id))
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
        # Pictures name their files by spec path here; rendering gives their packaged hrefs.
        **cover_data(course, {}),
        "modules": [module_card(m, {}) for m in course.modules],
        "pages": pages,
        "quizzes": quizzes,
        "questions": questions,
        "surveys": surveys,
        "text": text,
        "scenarios": scenarios,
    }
