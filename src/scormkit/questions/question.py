"""What every quiz question type has and declares: its home is one module of this package.

A question type is a spec model (the fields an author writes) that also says, in the course's
words, everything the other stages need from it:

- `answer_data()`: what the player (runtime/quiz.js) needs to mark an answer;
- `interaction()`: how an answer is reported, standard-neutral (type, right responses and the
  components a response names), from which SCORM and xAPI reports are made;
- `response_size()`: the longest response the resume state keeps (runtime/state.js);
- `right_response()` / `wrong_response()` and `entry`: how a scripted learner answers it;
- `gift_answers()` / `gift_loses()`: its answers in GIFT (`scormkit export`), and what is lost;
- `template`: the template that shows it, `templates/questions/<type>.html`.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar, get_args

from pydantic import Field

from scormkit.plaintext import DESCRIPTION_LIMIT, plain_text
from scormkit.spec.base import Id, SpecModel

T = TypeVar("T")

# An answer's options are recorded by letter, a, b, c… in spec order.
LETTERS = string.ascii_lowercase


def lettered(items: Sequence[T]) -> list[tuple[str, T]]:
    """Pair each item with its letter, a, b, c… in spec order: the answer the player records."""
    return list(zip(LETTERS, items, strict=False))


@dataclass(frozen=True)
class Interaction:
    """How answers to a question are reported, in the vocabulary SCORM 2004 (RTE 4.2.9) and
    xAPI (1.0.3 Data 2.4.4.1) share: the interaction type, the right responses in the SCORM
    2004 response syntax, and the lists of components ("choices", "source", "target") whose
    ids a response names."""

    type: str
    pattern: tuple[str, ...]
    components: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


class QuestionBase(SpecModel):
    # How the scripted learner enters an answer: text typed into an input, an option chosen in
    # each of a row of selects, or options checked.
    entry: ClassVar[Literal["typed", "selects", "checks"]] = "checks"
    # The most characters a learner can type (the input's maxlength); typed text is kept in
    # the resume state, so its size counts on this.
    typed_max: ClassVar[int | None] = None

    id: Id = Field(description="Unique in the course; names the question in LMS reports.")
    prompt: str = Field(description="The question itself (Markdown).")
    weight: float = Field(
        default=1, ge=0, description="Points this question is worth; 0 makes it unscored."
    )
    hint: str | None = Field(default=None, description="Offered before answering, on request.")
    correct_feedback: str | None = Field(
        default=None, description="Shown when the whole answer is right."
    )
    incorrect_feedback: str | None = Field(
        default=None, description="Shown when the answer is wrong or partly wrong."
    )
    attempts: int = Field(
        default=1, ge=1, le=9, description="Tries the learner gets at this question."
    )
    tags: list[str] = Field(
        default_factory=list, description="Topics, so quizzes can draw it from a bank by tag."
    )

    @classmethod
    def type_name(cls) -> str:
        """The `type` an author writes for this kind of question."""
        return str(get_args(cls.model_fields["type"].annotation)[0])

    @property
    def template(self) -> str:
        """The template that shows this question."""
        return f"questions/{self.type_name()}.html"

    def player_data(self, quiz: str) -> dict[str, Any]:
        """What the player needs to show and mark this question of quiz `quiz`."""
        return {
            "id": self.id,
            "type": self.type_name(),
            "quiz": quiz,
            "prompt": plain_text(self.prompt, DESCRIPTION_LIMIT),
            "weight": self.weight,
            "attempts": self.attempts,
            "correctFeedback": self.correct_feedback,
            "incorrectFeedback": self.incorrect_feedback,
            **self.answer_data(),
        }

    def answer_data(self) -> dict[str, Any]:
        """The type's own part of the player data: what a right answer is."""
        raise NotImplementedError

    def interaction(self) -> Interaction:
        """How an answer is reported to the LMS or LRS."""
        raise NotImplementedError

    def response_size(self) -> int:
        """The most characters the resume state needs for one response."""
        return 1

    def problems(self) -> list[tuple[str, str]]:
        """What is wrong with the question beyond its fields' types: (field, message) pairs."""
        return []

    def is_shuffled(self) -> bool:
        """Whether the options are shown in an order drawn afresh for each run."""
        return False

    def right_response(self) -> list[str]:
        """A right answer as a learner enters it: letters checked or chosen, or text typed."""
        raise NotImplementedError

    def wrong_response(self) -> list[str] | None:
        """A wrong answer as a learner enters it; None when every answer is right."""
        raise NotImplementedError

    def gift_answers(self) -> str | None:
        """This question's answers in GIFT, between the braces; None: GIFT has no such type."""
        return None

    def gift_loses(self) -> list[str]:
        """Fields set on this question that its GIFT form cannot carry."""
        lost = ["hint"] if self.hint else []
        if self.weight != 1:
            lost.append("weight")
        if self.attempts != 1:
            lost.append("attempts")
        if self.correct_feedback != self.incorrect_feedback and self.incorrect_feedback:
            lost.append("incorrect_feedback")
        return lost


def number(value: float) -> str:
    """A number as the response syntax writes it: no trailing zeros."""
    return f"{value:g}"
