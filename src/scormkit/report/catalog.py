"""What a report knows about the course: every activity IRI and the spec item behind it."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass, field

from scormkit.scenario.proof_cache import proof_of
from scormkit.scenario.walk import Walker
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.models import Course, Module
from scormkit.spec.observation import Observation
from scormkit.xapi_activities import activity_iri, course_iri

LETTERS = string.ascii_lowercase  # the player records choices as a, b, c… in spec order
DEFAULT_PASS = 80  # percent, when neither the quiz nor the course names a passing score


@dataclass(frozen=True)
class Known:
    """One activity of the course: its kind and the spec ids down to it."""

    kind: str
    ids: tuple[str, ...]
    index: int = -1  # a page's or question's place in the course, a scene's in its scenario


@dataclass
class Catalog:
    """The course's activities by IRI, and the spec items a report walks in order."""

    course: Course
    iri: str
    known: dict[str, Known] = field(default_factory=dict)
    page_order: list[str] = field(default_factory=list)
    page_titles: dict[str, str] = field(default_factory=dict)
    question_index: dict[str, int] = field(default_factory=dict)  # spec order, all quizzes
    # cmi5 AUs by publisher id (cmi5.xml): the whole course, or one module each (its id).
    aus: dict[str, tuple[str, ...]] = field(default_factory=dict)
    scored_modules: set[str] = field(default_factory=set)
    quizzes: dict[str, tuple[Module, Quiz]] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    surveys: dict[str, Survey] = field(default_factory=dict)
    observations: dict[str, Observation] = field(default_factory=dict)
    # Per scenario dimension, the points of the best way through (full marks).
    dimension_max: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def pass_percent(self) -> int:
        return self.course.completion.passing_score or DEFAULT_PASS

    def quiz_pass(self, quiz: Quiz) -> int:
        return quiz.passing_score or self.pass_percent

    def dimension_pass(self, scenario: str, dimension: str) -> int:
        """Points a learner needs in `dimension`: the pass percent of full marks."""
        most = self.dimension_max[(scenario, dimension)]
        return math.ceil(most * self.pass_percent / 100)


def make_catalog(course: Course) -> Catalog:
    """The report's view of `course`."""
    found = Catalog(course, course_iri(course))
    add = found.known.__setitem__
    add(found.iri, Known("course", ()))
    found.aus[f"{found.iri}/au"] = ()  # cmi5.xml's AU ids (targets/cmi5.py)
    for module in course.modules:
        found.aus[f"{found.iri}/au/{module.id}"] = (module.id,)
        if module.is_scored():
            found.scored_modules.add(module.id)
        add(activity_iri(course, "module", module.id), Known("module", (module.id,)))
        for page in module.pages:
            add(
                activity_iri(course, "page", page.id),
                Known("page", (page.id,), len(found.page_order)),
            )
            found.page_order.append(page.id)
            found.page_titles[page.id] = page.title
            activity = page.activity
            if isinstance(activity, Quiz):
                found.quizzes[activity.id] = (module, activity)
                add(activity_iri(course, "quiz", activity.id), Known("quiz", (activity.id,)))
                for q in activity.questions:
                    index = found.question_index.setdefault(q.id, len(found.question_index))
                    add(activity_iri(course, "question", q.id), Known("question", (q.id,), index))
            elif isinstance(activity, Scenario):
                _scenario(found, activity)
            elif isinstance(activity, Survey):
                found.surveys[activity.id] = activity
                add(activity_iri(course, "survey", activity.id), Known("survey", (activity.id,)))
                for item in activity.items:
                    ids = (activity.id, item.id)
                    add(activity_iri(course, "item", *ids), Known("item", ids))
        for observation in module.observations:
            found.observations[observation.id] = observation
            add(
                activity_iri(course, "observation", observation.id),
                Known("observation", (observation.id,)),
            )
            for criterion in observation.criteria:
                ids = (observation.id, criterion.id)
                add(activity_iri(course, "criterion", *ids), Known("criterion", ids))
    return found


def _scenario(found: Catalog, scenario: Scenario) -> None:
    course = found.course
    found.scenarios[scenario.id] = scenario
    found.known[activity_iri(course, "scenario", scenario.id)] = Known("scenario", (scenario.id,))
    for index, scene in enumerate(scenario.scenes):
        ids = (scenario.id, scene.id)
        found.known[activity_iri(course, "scene", *ids)] = Known("scene", ids, index)
        for choice in scene.choices:
            found.known[activity_iri(course, "choice", *ids, choice.id)] = Known(
                "choice", (*ids, choice.id)
            )
    # Full marks in a dimension: what the proof's best way through earns (best ending, most
    # badges), not the most any odd path could collect in one dimension alone.
    path = proof_of(scenario).best_path or ()
    walker = Walker(scenario)
    state = walker.start()
    for step in path:
        move = next(m for m in walker.moves(state) if m.step == step.choice)
        state = walker.after(state, move)
    for index, dimension in enumerate(scenario.dimensions):
        found.dimension_max[(scenario.id, dimension)] = state.points[index]
