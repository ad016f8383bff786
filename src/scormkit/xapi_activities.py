"""xAPI activities of a course: deterministic IRIs and definitions derived from the spec.

Every id is `<course.iri>/<course.id>/<kind>/<spec id>` (scenes, choices, survey items and
criteria nest under their parent), so the same spec always names the same activities and an
LRS can join statements from every package and from `scormkit observe`. Definitions follow
xAPI 1.0.3 xAPI-Data.md §2.4.4.1 (interaction activities use the SCORM 2004 response syntax).
"""

from __future__ import annotations

from typing import Any

from scormkit.plaintext import plain_text
from scormkit.player_text import player_text, survey_scale
from scormkit.questions import Interaction, Question, lettered
from scormkit.spec.activities import Quiz, Scenario, Survey, SurveyItem
from scormkit.spec.models import Course
from scormkit.spec.observation import Observation

ADL = "http://adlnet.gov/expapi/activities/"
TYPES = {
    "course": f"{ADL}course",
    "module": f"{ADL}module",
    "page": f"{ADL}lesson",
    "quiz": f"{ADL}assessment",
    "question": f"{ADL}cmi.interaction",
    "scenario": f"{ADL}simulation",
    "scene": f"{ADL}cmi.interaction",
    "choice": f"{ADL}interaction",
    "survey": "http://id.tincanapi.com/activitytype/survey",
    "item": f"{ADL}cmi.interaction",
    "observation": f"{ADL}performance",
    "criterion": f"{ADL}objective",
}
# Survey options are keyed by base-36 digits from 1, as the player records them.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
# Names are what report tables show in a column: a question's prompt or a scene's line, cut
# short; the whole text is the description.
NAME_LIMIT = 100

Definition = dict[str, Any]  # one xAPI Activity: {"objectType", "id", "definition"}


def course_iri(course: Course) -> str:
    """The IRI of the course, the root every other activity id starts with."""
    return f"{course.iri.rstrip('/')}/{course.id}"


def activity_iri(course: Course, kind: str, *ids: str) -> str:
    """The IRI of a `kind` activity; `ids` is the path of spec ids down to it."""
    if kind not in TYPES:
        raise ValueError(f"no activity kind '{kind}'")
    return f"{course_iri(course)}/{kind}/{'/'.join(ids)}"


def _activity(iri: str, kind: str, lang: str, name: str, text: str | None = None) -> Definition:
    # LMS and LRS reports show names and descriptions as they are: plain text, no Markdown.
    definition: dict[str, Any] = {"name": {lang: plain_text(name, NAME_LIMIT)}, "type": TYPES[kind]}
    if text:
        definition["description"] = {lang: plain_text(text)}
    return {"objectType": "Activity", "id": iri, "definition": definition}


def _components(lang: str, items: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [{"id": ident, "description": {lang: plain_text(text)}} for ident, text in items]


def question_interaction(question: Question, lang: str) -> dict[str, Any]:
    """interactionType, correctResponsesPattern and components of a quiz question."""
    return interaction_definition(question.interaction(), lang)


def interaction_definition(interaction: Interaction, lang: str) -> dict[str, Any]:
    """The xAPI form of a standard-neutral interaction (xAPI 1.0.3 Data 2.4.4.1)."""
    found: dict[str, Any] = {
        "interactionType": interaction.type,
        "correctResponsesPattern": list(interaction.pattern),
    }
    for name, components in interaction.components.items():
        found[name] = _components(lang, components)
    return found


def _survey_interaction(item: SurveyItem, lang: str, default_scale: list[str]) -> dict[str, Any]:
    if item.kind == "likert":
        scale = _numbered(item.scale or default_scale)
        return {"interactionType": "likert", "scale": _components(lang, scale)}
    if item.kind == "single_choice":
        options = _numbered(item.options or [])
        return {"interactionType": "choice", "choices": _components(lang, options)}
    return {"interactionType": "long-fill-in"}


def _numbered(labels: list[str]) -> list[tuple[str, str]]:
    """Survey options keyed as the player records them: base-36 digits from 1."""
    return [(DIGITS[i + 1], label) for i, label in enumerate(labels)]


def _with(activity: Definition, extra: dict[str, Any]) -> Definition:
    activity["definition"].update(extra)
    return activity


def _quiz(course: Course, quiz: Quiz, lang: str) -> list[Definition]:
    found = [_activity(activity_iri(course, "quiz", quiz.id), "quiz", lang, quiz.title or quiz.id)]
    for q in quiz.questions:
        iri = activity_iri(course, "question", q.id)
        question = _activity(iri, "question", lang, q.prompt, q.prompt)
        found.append(_with(question, question_interaction(q, lang)))
    return found


def _scenario(course: Course, scenario: Scenario, lang: str) -> list[Definition]:
    found = [
        _activity(activity_iri(course, "scenario", scenario.id), "scenario", lang, scenario.title)
    ]
    for scene in scenario.scenes:
        iri = activity_iri(course, "scene", scenario.id, scene.id)
        node = _activity(iri, "scene", lang, scene.line, scene.line)
        if scene.choices:
            # A scene is a choice interaction over its choices, keyed by the letters the player
            # reports (a, b, c… in spec order).
            items = [(letter, c.text) for letter, c in lettered(scene.choices)]
            _with(node, {"interactionType": "choice", "choices": _components(lang, items)})
        found.append(node)
        for choice in scene.choices:
            iri = activity_iri(course, "choice", scenario.id, scene.id, choice.id)
            found.append(_activity(iri, "choice", lang, choice.text, choice.text))
    return found


def _survey(course: Course, survey: Survey, lang: str) -> list[Definition]:
    found = [
        _activity(
            activity_iri(course, "survey", survey.id), "survey", lang, survey.title or survey.id
        )
    ]
    for item in survey.items:
        iri = activity_iri(course, "item", survey.id, item.id)
        node = _activity(iri, "item", lang, item.prompt, item.prompt)
        scale = survey_scale(player_text(course))
        found.append(_with(node, _survey_interaction(item, lang, scale)))
    return found


def observation_activities(course: Course, observation: Observation) -> list[Definition]:
    """The checklist and each of its criteria."""
    lang = course.language
    iri = activity_iri(course, "observation", observation.id)
    found = [_activity(iri, "observation", lang, observation.title, observation.description)]
    for criterion in observation.criteria:
        crit = activity_iri(course, "criterion", observation.id, criterion.id)
        found.append(_activity(crit, "criterion", lang, criterion.text))
    return found


def course_activities(course: Course) -> list[Definition]:
    """Every activity of the course, in spec order, course first."""
    lang = course.language
    found = [_activity(course_iri(course), "course", lang, course.title, course.description)]
    for module in course.modules:
        iri = activity_iri(course, "module", module.id)
        found.append(_activity(iri, "module", lang, module.title, module.description))
        for page in module.pages:
            found.append(_activity(activity_iri(course, "page", page.id), "page", lang, page.title))
            activity = page.activity
            if isinstance(activity, Quiz):
                found.extend(_quiz(course, activity, lang))
            elif isinstance(activity, Scenario):
                found.extend(_scenario(course, activity, lang))
            elif isinstance(activity, Survey):
                found.extend(_survey(course, activity, lang))
        for observation in module.observations:
            found.extend(observation_activities(course, observation))
    return found


def parents(course: Course) -> dict[str, str]:
    """The parent activity of each page (its module) and question (its quiz), by IRI."""
    found: dict[str, str] = {}
    for module in course.modules:
        module_iri = activity_iri(course, "module", module.id)
        for page in module.pages:
            found[activity_iri(course, "page", page.id)] = module_iri
            if isinstance(page.activity, Quiz):
                quiz_iri = activity_iri(course, "quiz", page.activity.id)
                for question in page.activity.questions:
                    found[activity_iri(course, "question", question.id)] = quiz_iri
    return found


def player_activities(course: Course) -> dict[str, Any]:
    """What an xAPI tracker needs in the player: the IRI base and every activity by IRI."""
    return {
        "iri": course_iri(course),
        "activities": {a["id"]: a for a in course_activities(course)},
        "parents": parents(course),
    }
