"""Spec models of the things a learner does: quizzes, branching scenarios and surveys."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, model_validator

from scormkit.plaintext import DESCRIPTION_LIMIT, plain_text
from scormkit.questions import Question
from scormkit.spec.base import Id, SpecModel
from scormkit.spec.cast import CastMember


class BankPick(SpecModel):
    bank: Id = Field(description="Id of a bank in the course's `banks`.")
    tags: list[str] = Field(
        default_factory=list, description="Only its questions with one of these tags; none: all."
    )


class Quiz(SpecModel):
    type: Literal["quiz"]
    id: Id = Field(description="Unique in the course.")
    title: str | None = Field(default=None, description="Heading shown above the questions.")
    questions: list[Question] = Field(
        default_factory=list, description="The quiz's own questions, in order."
    )
    banks: list[BankPick] = Field(
        default_factory=list,
        description="Questions added to the pool from banks, after its own; use `draw` to ask "
        "some of them at random.",
    )
    passing_score: int | None = Field(
        default=None, ge=0, le=100, description="Percent of this quiz's points needed to pass it."
    )
    attempts: int | None = Field(
        default=None, ge=1, le=9, description="Times the whole quiz may be taken; unset: no limit."
    )
    draw: int | None = Field(
        default=None, ge=1, description="Ask this many questions drawn from the pool at random."
    )
    shuffle: bool = Field(default=False, description="Ask the questions in a random order.")
    review: bool = Field(default=True, description="Show a review of every answer at the end.")

    def player_data(self, page_id: str) -> dict[str, Any]:
        """What the player (runtime/quiz.js) needs to run this quiz on page `page_id`; each
        question adds its own (`questions/`)."""
        return {
            "id": self.id,
            "page": page_id,
            "passingScore": self.passing_score,
            "questions": [q.id for q in self.questions],
            "attempts": self.attempts,
            "draw": self.draw,
            "shuffle": self.shuffle,
            "review": self.review,
            "keepsRun": self.keeps_run(),
        }

    def keeps_run(self) -> bool:
        """Whether resume state must keep the attempt and seed: the quiz is random or limited."""
        shuffled = any(question.is_shuffled() for question in self.questions)
        return self.shuffle or self.draw is not None or shuffled or (self.attempts or 1) > 1

    RULE: ClassVar[str] = "A quiz needs `questions`, `banks` to draw from, or both."

    @model_validator(mode="after")
    def _has_questions(self) -> Quiz:
        if not self.questions and not self.banks:
            raise ValueError("a quiz needs `questions`, `banks` to draw from, or both")
        return self


class Condition(SpecModel):
    """A test on a scenario variable, points dimension or `lives`; all given bounds must hold."""

    of: str = Field(description="Name of a variable, a points dimension, or `lives`.")
    at_least: int | None = Field(default=None, description="Holds when the value is >= this.")
    at_most: int | None = Field(default=None, description="Holds when the value is <= this.")

    RULE: ClassVar[str] = "Give `at_least`, `at_most` or both."

    @model_validator(mode="after")
    def _has_bound(self) -> Condition:
        if self.at_least is None and self.at_most is None:
            raise ValueError("give `at_least`, `at_most` or both")
        return self


class ScenarioChoice(SpecModel):
    id: Id = Field(description="Unique within its scene; names the choice in LMS reports.")
    text: str = Field(description="What the learner says or does.")
    goto: Id = Field(description="Id of the scene this choice leads to.")
    feedback: str | None = Field(default=None, description="Shown after choosing this.")
    points: dict[str, int] = Field(
        default_factory=dict, description="Points added per dimension, e.g. {empathy: 2}."
    )
    effects: dict[str, int] = Field(
        default_factory=dict, description="Amounts added to variables, e.g. {trust: -1}."
    )
    lose_life: bool = Field(default=False, description="Costs the learner one life.")
    requires: list[Condition] = Field(
        default_factory=list, description="Offered only when all of these hold."
    )


class Scene(SpecModel):
    id: Id = Field(description="Unique within the scenario.")
    speaker: str | None = Field(
        default=None,
        description="Who is talking: the `id` of a cast member, or a name when there is no cast.",
    )
    line: str = Field(description="What happens or is said in this scene (Markdown).")
    mood: str | None = Field(
        default=None, description="How the speaker feels: one of their portraits' moods."
    )
    image: str | None = Field(
        default=None, description="Picture for the scene, relative to the spec."
    )
    image_alt: str | None = Field(default=None, description="Text alternative for `image`.")
    timer: int | None = Field(
        default=None, ge=5, le=600, description="Seconds to choose before `timeout_goto` applies."
    )
    timeout_goto: Id | None = Field(default=None, description="Scene reached when time runs out.")
    timeout_feedback: str | None = Field(
        default=None, description="Shown when time runs out, like a choice's `feedback`."
    )
    timeout_points: dict[str, int] = Field(
        default_factory=dict, description="Points added per dimension when time runs out."
    )
    timeout_effects: dict[str, int] = Field(
        default_factory=dict, description="Amounts added to variables when time runs out."
    )
    timeout_lose_life: bool = Field(
        default=False, description="Running out of time costs the learner one life."
    )
    choices: list[ScenarioChoice] = Field(
        default_factory=list,
        max_length=26,
        description="What the learner may do; none makes this an ending. Choices whose "
        "`requires` do not hold are not shown.",
    )
    ending: Literal["success", "partial", "failure"] | None = Field(
        default=None, description="Marks an ending and how it counts."
    )
    debrief: str | None = Field(default=None, description="What an ending teaches (Markdown).")

    RULE: ClassVar[str] = (
        "An `image` needs `image_alt`; a `timer` needs `timeout_goto`; the `timeout_` fields "
        "need a `timer`."
    )

    @model_validator(mode="after")
    def _image_has_alt(self) -> Scene:
        if self.image and not self.image_alt:
            raise ValueError("an `image` needs `image_alt`, read aloud by screen readers")
        if self.timer is not None and self.timeout_goto is None:
            raise ValueError("a `timer` needs `timeout_goto`, the scene reached when time runs out")
        extras = [self.timeout_feedback, self.timeout_points, self.timeout_effects]
        if self.timer is None and (any(extras) or self.timeout_lose_life):
            raise ValueError("the `timeout_` fields need a `timer` that can run out")
        return self


class Badge(SpecModel):
    id: Id = Field(description="Unique within the scenario.")
    title: str = Field(description="Name shown on the badge shelf.")
    description: str = Field(description="What it was earned for.")
    image: str | None = Field(
        default=None,
        description="Picture for the badge, relative to the spec; unset: an icon of the player's.",
    )
    when: list[Condition] = Field(
        min_length=1, description="Awarded at the ending when all of these hold."
    )


class Scenario(SpecModel):
    type: Literal["scenario"]
    id: Id = Field(description="Unique in the course.")
    title: str = Field(description="Name of the role-play.")
    start: Id = Field(description="Id of the first scene.")
    variables: dict[str, int] = Field(
        default_factory=dict,
        description="Hidden values and their starting amounts, e.g. {trust: 2}.",
    )
    dimensions: list[str] = Field(
        default_factory=list,
        description="Named kinds of points shown to the learner, e.g. [empathy].",
    )
    lives: int | None = Field(
        default=None, ge=1, le=9, description="Lives; at 0 the role-play fails."
    )
    out_of_lives: str | None = Field(
        default=None,
        description="Debrief (Markdown) shown when the learner loses their last life.",
    )
    replay: bool = Field(
        default=True, description='Offer "Try again" at an ending, starting afresh.'
    )
    pass_at: Literal["success", "partial"] = Field(
        default="success", description="The worst ending that still counts as passing."
    )
    scored: bool = Field(default=True, description="Whether the result counts in the course score.")
    weight: float = Field(default=1, ge=0, description="Points in the course score when scored.")
    badges: list[Badge] = Field(
        default_factory=list,
        max_length=20,
        description="Badges this role-play awards, tested when an ending scene is reached.",
    )
    cast: list[CastMember] = Field(
        default_factory=list,
        description="The people who speak, each with portraits per mood; scenes name them by id.",
    )
    scenes: list[Scene] = Field(min_length=1, description="All scenes, in any order.")

    def speaker(self, scene: Scene) -> CastMember | None:
        """The cast member speaking in `scene`, if the scenario has a cast and names one."""
        return next((c for c in self.cast if c.id == scene.speaker), None)


class SurveyItem(SpecModel):
    id: Id = Field(description="Unique within the survey.")
    kind: Literal["likert", "single_choice", "free_text"] = Field(description="How it is answered.")
    prompt: str = Field(description="The question.")
    scale: list[str] | None = Field(
        default=None,
        max_length=35,
        description="Labels of a likert scale, lowest first (default: 5 agreement levels).",
    )
    options: list[str] | None = Field(
        default=None, max_length=35, description="Options of a single_choice item."
    )
    max_length: int = Field(
        default=200,
        ge=1,
        le=1000,
        description="Most characters a free_text answer may have; it is kept for resuming.",
    )

    RULE: ClassVar[str] = (
        "A `single_choice` item needs `options`, and only it may have them; `scale` belongs to "
        "`likert` items only."
    )

    @model_validator(mode="after")
    def _options_fit_kind(self) -> SurveyItem:
        if self.kind == "single_choice" and not self.options:
            raise ValueError("a single_choice item needs `options`")
        if self.kind != "single_choice" and self.options:
            raise ValueError(f"`options` belong to single_choice items, not {self.kind}")
        if self.kind != "likert" and self.scale:
            raise ValueError(f"`scale` belongs to likert items, not {self.kind}")
        return self


class Survey(SpecModel):
    type: Literal["survey"]
    id: Id = Field(description="Unique in the course.")
    title: str | None = Field(default=None, description="Heading shown above the survey.")
    items: list[SurveyItem] = Field(min_length=1, description="The questions; never scored.")

    def player_data(self, page_id: str, default_scale: list[str]) -> dict[str, Any]:
        """What the player (runtime/survey.js) needs to run this survey on page `page_id`;
        `default_scale` labels likert items that name no scale of their own."""
        items = []
        for item in self.items:
            labels = item.options or item.scale or default_scale
            items.append(
                {
                    "key": f"{self.id}-{item.id}",
                    "survey": self.id,
                    "id": item.id,
                    "kind": item.kind,
                    "prompt": plain_text(item.prompt, DESCRIPTION_LIMIT),
                    "options": 0 if item.kind == "free_text" else len(labels),
                    "maxLength": item.max_length,
                }
            )
        return {"id": self.id, "page": page_id, "items": items}


Activity = Annotated[Quiz | Scenario | Survey, Field(discriminator="type")]
