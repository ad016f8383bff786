"""Sequencing questions: put the steps in their order."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field

from scormkit.questions.question import LETTERS, Interaction, QuestionBase, lettered


class Sequencing(QuestionBase):
    entry: ClassVar[Literal["typed", "selects", "checks"]] = "selects"

    type: Literal["sequencing"]
    steps: list[str] = Field(
        min_length=2, max_length=26, description="Steps in their correct order."
    )

    def answer_data(self) -> dict[str, Any]:
        return {"options": len(self.steps), "correct": self.right_response()}

    def interaction(self) -> Interaction:
        # xAPI 1.0.3 Data 2.4.4.1.4: a sequencing interaction lists its items as `choices`
        # (`steps` belongs to performance interactions); LRSs refuse anything else.
        steps = list(lettered(self.steps))
        return Interaction("sequencing", ("[,]".join(self.right_response()),), {"choices": steps})

    def response_size(self) -> int:
        return len(self.steps)

    def right_response(self) -> list[str]:
        return list(LETTERS[: len(self.steps)])

    def wrong_response(self) -> list[str] | None:
        right = self.right_response()
        shifted = right[1:] + right[:1]
        return shifted if shifted != right else None
