"""Spec models of a course: modules of pages (of blocks and activities) and course settings."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import AliasChoices, ConfigDict, Field, StringConstraints, model_validator

from scormkit.spec.activities import Activity, Quiz, Scenario
from scormkit.spec.banks import Bank
from scormkit.spec.base import Id, SpecModel
from scormkit.spec.blocks import Block
from scormkit.spec.observation import Observation

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
# BCP 47 language tag: a primary language subtag, then optional subtags.
Language = Annotated[str, StringConstraints(pattern=r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]


class Page(SpecModel):
    id: Id = Field(description="Unique in the course; used for bookmarks and reports.")
    title: str = Field(description="Heading of the page and its name in the menu.")
    blocks: list[Block] = Field(default_factory=list, description="Content, top to bottom.")
    activity: Activity | None = Field(
        default=None, description="A quiz, scenario or survey shown after the blocks."
    )

    RULE: ClassVar[str] = "A page needs `blocks`, an `activity` or both."

    @model_validator(mode="after")
    def _not_empty(self) -> Page:
        if not self.blocks and self.activity is None:
            raise ValueError("a page needs `blocks`, an `activity` or both")
        return self


class Module(SpecModel):
    id: Id = Field(description="Unique in the course.")
    title: str = Field(description="Shown in the menu.")
    description: str | None = Field(
        default=None, description="One line under the title, shown on the module's card."
    )
    image: str | None = Field(
        default=None, description="Picture on the module's card, relative to the spec file."
    )
    image_alt: str | None = Field(default=None, description="Text alternative for `image`.")
    duration_minutes: int | None = Field(
        default=None,
        ge=1,
        le=600,
        description="Minutes the module takes, shown on its card; unset: estimated from its "
        "words, questions and role-plays.",
    )
    pages: list[Page] = Field(min_length=1, description="Pages, in reading order.")
    observations: list[Observation] = Field(
        default_factory=list,
        description="Offline checklists a supervisor fills in at work; see `scormkit observe`.",
    )

    RULE: ClassVar[str] = "An `image` needs `image_alt`, read aloud by screen readers."

    @model_validator(mode="after")
    def _image_has_alt(self) -> Module:
        if self.image and not self.image_alt:
            raise ValueError("an `image` needs `image_alt`, read aloud by screen readers")
        return self

    def is_scored(self) -> bool:
        """Whether the module can be passed: a quiz with weighted questions, a scored role-play."""
        return any(
            (isinstance(page.activity, Quiz) and any(q.weight > 0 for q in page.activity.questions))
            or (
                isinstance(page.activity, Scenario)
                and page.activity.scored
                and page.activity.weight > 0
            )
            for page in self.pages
        )


class Author(SpecModel):
    name: str = Field(description="Person or organisation.")
    email: str | None = Field(default=None, description="Contact address.")


class Completion(SpecModel):
    """When the course counts as done, and whether it can be failed."""

    all_pages: bool = Field(default=True, description="Every page must be viewed.")
    passing_score: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Percent of all scored points needed to pass; unset: the course is not scored.",
    )


# The old name of `packaging.launch_per_module` (a SCORM word): still read, with a warning.
OLD_LAUNCH_PER_MODULE = "sco_per_module"


def _old_name_in_schema(schema: dict[str, Any]) -> None:
    """Editors validating a spec by the JSON Schema accept the old name, marked deprecated."""
    schema["properties"][OLD_LAUNCH_PER_MODULE] = {
        "type": "boolean",
        "deprecated": True,
        "description": "The old name of `launch_per_module`; write that instead.",
    }


class Packaging(SpecModel):
    """How the course is cut into launchable parts for the LMS."""

    model_config = ConfigDict(json_schema_extra=_old_name_in_schema)

    launch_per_module: bool = Field(
        default=False,
        validation_alias=AliasChoices("launch_per_module", OLD_LAUNCH_PER_MODULE),
        description=(
            "Package each module as its own launch (SCORM 1.2, SCORM 2004 and cmi5), so the LMS "
            "lists and reports modules separately; false: the whole course is one launch."
        ),
    )
    modules_in_order: bool = Field(
        default=False,
        description=(
            "With launch_per_module: a module opens only once the one before it is complete "
            "(and passed, when scored)."
        ),
    )
    assessment: Id | None = Field(
        default=None,
        description=(
            "With launch_per_module: id of the module whose quiz decides the course; passing it "
            "completes and passes the course."
        ),
    )

    RULE: ClassVar[str] = (
        "`sco_per_module`, the old name of `launch_per_module`, is still read (`scormkit validate` "
        "warns); give one of the two."
    )

    @model_validator(mode="before")
    @classmethod
    def _one_name(cls, data: object) -> object:
        if isinstance(data, dict) and {"launch_per_module", OLD_LAUNCH_PER_MODULE} <= set(data):
            raise ValueError(
                f"give `launch_per_module` only; `{OLD_LAUNCH_PER_MODULE}` is its old name"
            )
        return data


class Theme(SpecModel):
    primary: Colour = Field(default="#1d4f91", description="Headings, buttons and links.")
    accent: Colour = Field(default="#0b7a75", description="Progress and highlights.")
    background: Colour = Field(default="#ffffff", description="Page background.")
    text: Colour = Field(default="#1f2933", description="Body text.")
    logo: str | None = Field(default=None, description="Logo image, relative to the spec file.")
    logo_alt: str | None = Field(default=None, description="Text alternative for the logo.")

    RULE: ClassVar[str] = "A `logo` needs `logo_alt`, read aloud by screen readers."

    @model_validator(mode="after")
    def _logo_has_alt(self) -> Theme:
        if self.logo and not self.logo_alt:
            raise ValueError("a `logo` needs `logo_alt`, read aloud by screen readers")
        return self


class Certificate(SpecModel):
    """A certificate of completion the learner can print, with their name from the LMS."""

    title: str | None = Field(
        default=None, description="Heading, e.g. 'Certificate of completion' (the default)."
    )
    issuer: str | None = Field(
        default=None, description="Organisation that grants it; unset: the course's publisher."
    )
    signer: str | None = Field(default=None, description="Name printed at the signature line.")
    signer_role: str | None = Field(default=None, description="The signer's role, under the name.")
    logo: str | None = Field(default=None, description="Logo image, relative to the spec file.")
    logo_alt: str | None = Field(default=None, description="Text alternative for the logo.")
    condition: Literal["completed", "passed"] = Field(
        default="passed",
        description=(
            "completed: granted once the course is complete; passed: complete and, when the "
            "course is scored, passed."
        ),
    )

    RULE: ClassVar[str] = "A `logo` needs `logo_alt`, read aloud by screen readers."

    @model_validator(mode="after")
    def _logo_has_alt(self) -> Certificate:
        if self.logo and not self.logo_alt:
            raise ValueError("a `logo` needs `logo_alt`, read aloud by screen readers")
        return self


class Resource(SpecModel):
    title: str = Field(min_length=1, description="What the learner clicks, e.g. 'Handout (PDF)'.")
    src: str = Field(description="The file, relative to the spec; packaged with the course.")


class Course(SpecModel):
    id: Id = Field(description="Unique id; names the package file and every LMS identifier.")
    title: str = Field(min_length=1, max_length=200, description="Shown by the LMS and the player.")
    description: str = Field(
        default="", description="A paragraph for catalogues, also shown on the cover."
    )
    cover: str | None = Field(
        default=None, description="Picture on the course's cover, relative to the spec file."
    )
    cover_alt: str | None = Field(default=None, description="Text alternative for `cover`.")
    language: Language = Field(default="en", description="BCP 47 tag, e.g. en or es-MX.")
    player_language: Literal["en", "es", "fr", "de", "pt"] | None = Field(
        default=None,
        description=(
            "Language of the player's own text (buttons, feedback, notices): en, es, fr, de or "
            "pt. Unset: the course language's own (es-MX: es), else English, with a warning."
        ),
    )
    player_text: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Your own wording for any of the player's texts, by key (see `scormkit schema` "
            "docs), e.g. {resume_question: '¿Quieres continuar donde lo dejaste?'}."
        ),
    )
    version: str = Field(
        default="1.0", max_length=20, description="Version of this course, e.g. '1.2' (quoted)."
    )
    publisher: str | None = Field(default=None, description="Organisation that issues the course.")
    authors: list[Author] = Field(default_factory=list, description="Who wrote it.")
    keywords: list[str] = Field(default_factory=list, description="Catalogue search terms.")
    iri: str = Field(
        default="https://example.com/courses",
        pattern=r"^https?://[^\s/?#]+(/[^\s?#]*)?$",
        description="IRI base under which activity ids are made; use a domain you own.",
    )
    completion: Completion = Field(
        default_factory=Completion, description="When the course is complete, passed or failed."
    )
    packaging: Packaging = Field(
        default_factory=Packaging, description="One launch for the course, or one per module."
    )
    theme: Theme = Field(default_factory=Theme, description="Colours and logo.")
    certificate: Certificate | None = Field(
        default=None, description="A printable certificate of completion; unset: none."
    )
    modules: list[Module] = Field(min_length=1, description="Modules, in order.")
    banks: list[Bank] = Field(
        default_factory=list, description="Question banks quizzes draw from by tag."
    )
    resources: list[Resource] = Field(
        default_factory=list, description="Files for the whole course, in a Resources panel."
    )

    RULE: ClassVar[str] = "A `cover` needs `cover_alt`, read aloud by screen readers."

    @model_validator(mode="after")
    def _cover_has_alt(self) -> Course:
        if self.cover and not self.cover_alt:
            raise ValueError("a `cover` needs `cover_alt`, read aloud by screen readers")
        return self
