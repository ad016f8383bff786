"""Spec model of an offline activity: a checklist a supervisor fills in while watching."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from scormkit.spec.base import Id, SpecModel


class Criterion(SpecModel):
    id: Id = Field(description="Unique within the checklist; names the criterion in reports.")
    text: str = Field(description="What the supervisor looks for, e.g. 'Greets within 10 s'.")
    required: bool = Field(
        default=False, description="The observation is failed when this one is not met."
    )


class Observation(SpecModel):
    """Criteria a supervisor ticks while watching a learner at work; never shown in the player."""

    id: Id = Field(description="Unique in the course; names the observation in reports.")
    title: str = Field(description="Name of the checklist, e.g. 'Front-desk check-in'.")
    description: str | None = Field(
        default=None, description="What to watch and for how long (Markdown)."
    )
    criteria: list[Criterion] = Field(min_length=1, description="What to tick, in order.")
    pass_at: int | None = Field(
        default=None,
        ge=1,
        description="Criteria that must be met to pass; unset: all of them.",
    )

    RULE: ClassVar[str] = "`pass_at` may not be more than the number of `criteria`."

    @model_validator(mode="after")
    def _criteria_fit(self) -> Observation:
        if self.pass_at is not None and self.pass_at > len(self.criteria):
            raise ValueError(
                f"`pass_at` ({self.pass_at}) is more than the {len(self.criteria)} criteria"
            )
        return self

    @property
    def needed(self) -> int:
        """Criteria that must be met to pass."""
        return self.pass_at if self.pass_at is not None else len(self.criteria)
