"""True/false questions: is the statement in the prompt true?"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from scormkit.questions import gift
from scormkit.questions.question import Interaction, QuestionBase


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    answer: bool = Field(description="Whether the statement in the prompt is true.")
    true_feedback: str | None = Field(default=None, description="Shown after answering True.")
    false_feedback: str | None = Field(default=None, description="Shown after answering False.")

    def answer_data(self) -> dict[str, Any]:
        feedback = (("t", self.true_feedback), ("f", self.false_feedback))
        return {
            "correct": self.right_response(),
            "feedback": {key: text for key, text in feedback if text},
        }

    def interaction(self) -> Interaction:
        return Interaction("true-false", ("true" if self.answer else "false",))

    def right_response(self) -> list[str]:
        return ["t" if self.answer else "f"]

    def wrong_response(self) -> list[str] | None:
        return ["f" if self.answer else "t"]

    def gift_answers(self) -> str | None:
        # GIFT keeps the feedback of a wrong answer first, then of the right one: T#wrong#right.
        said_wrong, said_right = (self.false_feedback, self.true_feedback)
        if not self.answer:
            said_wrong, said_right = said_right, said_wrong
        own = (
            f"#{gift.escape(said_wrong or '')}{gift.feedback(said_right)}"
            if said_right
            else gift.feedback(said_wrong)
        )
        return gift.answer_lines(self, [f"{'T' if self.answer else 'F'}{own}"])

    def gift_loses(self) -> list[str]:
        return [*super().gift_loses(), *gift.right_feedback_lost(self)]
