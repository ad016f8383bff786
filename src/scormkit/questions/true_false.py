"""True/false questions: is the statement in the prompt true?"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

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
