"""Choice questions: pick one (single_choice) or every right option (multiple_choice)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from scormkit.questions import gift
from scormkit.questions.question import Interaction, QuestionBase, lettered
from scormkit.spec.base import SpecModel


class Choice(SpecModel):
    text: str = Field(description="What the learner reads (Markdown, one paragraph).")
    correct: bool = Field(default=False, description="True when choosing this is right.")
    feedback: str | None = Field(
        default=None, description="Shown when the learner picks this choice."
    )


class _Choices(QuestionBase):
    # Both choice types are answered, marked and reported alike; the template tells them apart
    # (radio buttons or checkboxes) and the course checks ask for exactly one right single
    # choice. The fields are declared by each type, so the spec's field order stays its own.
    if TYPE_CHECKING:
        choices: list[Choice]
        shuffle: bool

    def answer_data(self) -> dict[str, Any]:
        return {
            "options": len(self.choices),
            "shuffle": self.shuffle,
            "correct": self.right_response(),
            "feedback": {letter: c.feedback for letter, c in lettered(self.choices) if c.feedback},
        }

    def interaction(self) -> Interaction:
        options = [(letter, c.text) for letter, c in lettered(self.choices)]
        return Interaction("choice", ("[,]".join(self.right_response()),), {"choices": options})

    def is_shuffled(self) -> bool:
        return self.shuffle

    def right_response(self) -> list[str]:
        return [letter for letter, c in lettered(self.choices) if c.correct]

    def wrong_response(self) -> list[str] | None:
        return [letter for letter, c in lettered(self.choices) if not c.correct][:1] or None

    def gift_loses(self) -> list[str]:
        shuffled = ["shuffle"] if self.shuffle else []
        return [*super().gift_loses(), *gift.right_feedback_lost(self), *shuffled]


class SingleChoice(_Choices):
    type: Literal["single_choice"]
    choices: list[Choice] = Field(
        min_length=2, max_length=26, description="Options; exactly one has correct: true."
    )
    shuffle: bool = Field(default=False, description="Show the choices in a random order.")

    def problems(self) -> list[tuple[str, str]]:
        right = [str(c) for c, choice in enumerate(self.choices) if choice.correct]
        if not right:
            return [("choices", "no choice has `correct: true`; mark the one right answer")]
        if len(right) > 1:
            listed = " and ".join([", ".join(right[:-1]), right[-1]])
            return [
                (
                    "choices",
                    f"choices {listed} have `correct: true`; a single_choice question has one "
                    "right answer (use multiple_choice for more)",
                )
            ]
        return []

    def gift_answers(self) -> str | None:
        return gift.answer_lines(
            self,
            [
                f"{'=' if c.correct else '~'}{gift.escape(c.text)}{gift.feedback(c.feedback)}"
                for c in self.choices
            ],
        )


class MultipleChoice(_Choices):
    type: Literal["multiple_choice"]
    choices: list[Choice] = Field(
        min_length=2, max_length=26, description="Options; one or more have correct: true."
    )
    shuffle: bool = Field(default=False, description="Show the choices in a random order.")

    def problems(self) -> list[tuple[str, str]]:
        if any(c.correct for c in self.choices):
            return []
        return [("choices", "no choice has `correct: true`; mark every right answer")]

    def response_size(self) -> int:
        return len(self.choices)

    def gift_answers(self) -> str | None:
        # Each right choice is worth an equal part of 100%, each wrong one takes as much away.
        right = sum(c.correct for c in self.choices)
        wrong = len(self.choices) - right
        return gift.answer_lines(
            self,
            [
                f"~%{100 / right if c.correct else -100 / wrong:.5g}%"
                f"{gift.escape(c.text)}{gift.feedback(c.feedback)}"
                for c in self.choices
            ],
        )
