"""Fill-in questions: the learner types a word or phrase."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field

from scormkit.questions import gift
from scormkit.questions.question import Interaction, QuestionBase
from scormkit.state import ESCAPED


class FillIn(QuestionBase):
    entry: ClassVar[Literal["typed", "selects", "checks"]] = "typed"
    typed_max: ClassVar[int] = 120

    type: Literal["fill_in"]
    accepted: list[str] = Field(
        min_length=1, description="Answers counted right; the first is shown as the model answer."
    )
    case_sensitive: bool = Field(default=False, description="Whether 'HIPAA' differs from 'hipaa'.")
    normalize_whitespace: bool = Field(
        default=True, description="Trim and collapse runs of spaces before comparing."
    )

    def answer_data(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted,
            "caseSensitive": self.case_sensitive,
            "normalizeWhitespace": self.normalize_whitespace,
        }

    def interaction(self) -> Interaction:
        case = "true" if self.case_sensitive else "false"
        return Interaction("fill-in", tuple(f"{{case_matters={case}}}{a}" for a in self.accepted))

    def response_size(self) -> int:
        return ESCAPED * FillIn.typed_max

    def right_response(self) -> list[str]:
        return [self.accepted[0]]

    def wrong_response(self) -> list[str] | None:
        accepted = {text.strip().lower() for text in self.accepted}
        return next(([t] for t in ("no idea", "nothing", "zzz") if t not in accepted), None)

    def gift_answers(self) -> str | None:
        own = None if gift.general_feedback(self) else self.correct_feedback
        return gift.answer_lines(
            self, [f"={gift.escape(a)}{gift.feedback(own)}" for a in self.accepted]
        )

    def gift_loses(self) -> list[str]:
        exact = self.case_sensitive or not self.normalize_whitespace
        return [*super().gift_loses(), *(["case_sensitive/normalize_whitespace"] if exact else [])]
