"""Numeric questions: a number, exact within a tolerance or inside a range."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from scormkit.questions import gift
from scormkit.questions.question import Interaction, QuestionBase, number
from scormkit.state import ESCAPED


class Numeric(QuestionBase):
    entry: ClassVar[Literal["typed", "selects", "checks"]] = "typed"
    typed_max: ClassVar[int] = 30

    type: Literal["numeric"]
    answer: float | None = Field(default=None, description="The exact right answer.")
    tolerance: float = Field(default=0, ge=0, description="How far from `answer` still counts.")
    min: float | None = Field(default=None, description="Lowest right answer of a range.")
    max: float | None = Field(default=None, description="Highest right answer of a range.")
    unit: str | None = Field(default=None, description="Shown after the input, e.g. 'minutes'.")

    RULE: ClassVar[str] = (
        "Give either `answer` (with an optional `tolerance`) or both `min` and `max`, not both; "
        "`min` may not be greater than `max`."
    )

    @model_validator(mode="after")
    def _answer_or_range(self) -> Numeric:
        if self.answer is None and (self.min is None or self.max is None):
            raise ValueError(
                "give either `answer` (with optional `tolerance`) or both `min` and `max`"
            )
        if self.answer is not None and (self.min is not None or self.max is not None):
            raise ValueError("give `answer` or a `min`/`max` range, not both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"`min` ({self.min:g}) is greater than `max` ({self.max:g})")
        return self

    def answer_data(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "tolerance": self.tolerance,
            "min": self.min,
            "max": self.max,
        }

    def interaction(self) -> Interaction:
        if self.answer is not None:
            low, high = self.answer - self.tolerance, self.answer + self.tolerance
        else:
            low, high = self.min or 0, self.max or 0
        pattern = number(low) if low == high else f"{number(low)}[:]{number(high)}"
        return Interaction("numeric", (pattern,))

    def response_size(self) -> int:
        return ESCAPED * Numeric.typed_max

    def right_response(self) -> list[str]:
        value = self.answer if self.answer is not None else self.min
        assert value is not None  # the model requires `answer` or both `min` and `max`
        return [_typed(value)]

    def wrong_response(self) -> list[str] | None:
        if self.answer is not None:
            return [_typed(self.answer + self.tolerance + 1)]
        assert self.max is not None
        return [_typed(self.max + 1)]

    def gift_answers(self) -> str | None:
        own = None if gift.general_feedback(self) else self.correct_feedback
        if self.answer is None:
            value = f"{self.min:g}..{self.max:g}"
        else:
            value = f"{self.answer:g}" + (f":{self.tolerance:g}" if self.tolerance else "")
        return f"#{value}{gift.feedback(own)}{gift.general_tail(self)}"

    def gift_loses(self) -> list[str]:
        return [*super().gift_loses(), *(["unit"] if self.unit else [])]


def _typed(value: float) -> str:
    """A number as a learner would type it."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
