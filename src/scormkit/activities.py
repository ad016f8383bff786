"""xAPI activities of a course: deterministic IRIs and definitions derived from the spec.

Every id is `<course.iri>/<course.id>/<kind>/<spec id>` (scenes, choices, survey items and
criteria nest under their parent), so the same spec always names the same activities and an
LRS can join statements from every package and from `scormkit observe`. Definitions follow
xAPI 1.0.3 xAPI-Data.md §2.4.4.1 (interaction activities use the SCORM 2004 response syntax).
"""

from __future__ import annotations

from typing import Any

from scormkit.plaintext import plain_text
from scormkit.player_text import player_text
from scormkit.render import LETTERS, lettered, matching_targets, survey_scale
from scormkit.spec.activities import (
    FillIn,
    Matching,
    MultipleChoice,
    Numeric,
    Question,
    Quiz,
    Scenario,
    Sequencing,
    SingleChoice,
    Survey,
    SurveyItem,
    TrueFalse,
)
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
# Five agreement levels, lowest first, when a likert item names no scale.
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


def _number(value: float) -> str:
    return f"{value:g}"


def question_interaction(question: Question, lang: str) -> dict[str, Any]:
    """interactionType, components and correctResponsesPattern of a quiz question."""
    if isinstance(question, SingleChoice | MultipleChoice):
        right = [letter for letter, c in lettered(question.choices) if c.correct]
        return {
            "interactionType": "choice",
            "correctResponsesPattern": ["[,]".join(right)],
            "choices": _components(lang, [(k, c.text) for k, c in lettered(question.choices)]),
        }
    if isinstance(question, TrueFalse):
        return {
            "interactionType": "true-false",
            "correctResponsesPattern": ["true" if question.answer else "false"],
        }
    if isinstance(question, FillIn):
        case = "true" if question.case_sensitive else "false"
        return {
            "interactionType": "fill-in",
            "correctResponsesPattern": [f"{{case_matters={case}}}{a}" for a in question.accepted],
        }
    if isinstance(question, Numeric):
        if question.answer is not None:
            low = question.answer - question.tolerance
            high = question.answer + question.tolerance
        else:
            low, high = question.min or 0, question.max or 0
        pattern = _number(low) if low == high else f"{_number(low)}[:]{_number(high)}"
        return {"interactionType": "numeric", "correctResponsesPattern": [pattern]}
    if isinstance(question, Matching):
        targets = matching_targets(question)
        sources = [(str(i + 1), p.source) for i, p in enumerate(question.pairs)]
        pairs = [
            f"{i + 1}[.]{LETTERS[targets.index(p.target)]}" for i, p in enumerate(question.pairs)
        ]
        return {
            "interactionType": "matching",
            "correctResponsesPattern": ["[,]".join(pairs)],
            "source": _components(lang, sources),
            "target": _components(lang, list(lettered(targets))),
        }
    assert isinstance(question, Sequencing)
    return {
        "interactionType": "sequencing",
        "correctResponsesPattern": ["[,]".join(LETTERS[: len(question.steps)])],
        # xAPI 1.0.3 Data 2.4.4.1.4: a sequencing interaction lists its items as `choices`
        # (`steps` belongs to performance interactions); LRSs refuse anything else.
        "choices": _components(lang, list(lettered(question.steps))),
    }


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
