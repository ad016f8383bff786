"""Matching questions: pair each source with its target."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field

from scormkit.questions import gift
from scormkit.questions.question import LETTERS, Interaction, QuestionBase, lettered
from scormkit.spec.base import SpecModel


class Pair(SpecModel):
    source: str = Field(description="Left-hand item.")
    target: str = Field(description="The right-hand item it belongs with.")


class Matching(QuestionBase):
    entry: ClassVar[Literal["typed", "selects", "checks"]] = "selects"

    type: Literal["matching"]
    pairs: list[Pair] = Field(
        min_length=2, max_length=26, description="Correct pairs; targets are shuffled for display."
    )

    def targets(self) -> list[str]:
        """The distinct targets in the order of their letters (two sources may share one)."""
        return list(dict.fromkeys(pair.target for pair in self.pairs))

    def answer_data(self) -> dict[str, Any]:
        return {"options": len(self.targets()), "correct": self.right_response()}

    def interaction(self) -> Interaction:
        # Sources are numbered from 1, targets lettered: "1[.]b" pairs source 1 with target b.
        sources = [(str(i + 1), p.source) for i, p in enumerate(self.pairs)]
        pairs = [f"{i + 1}[.]{letter}" for i, letter in enumerate(self.right_response())]
        components = {"source": sources, "target": list(lettered(self.targets()))}
        return Interaction("matching", ("[,]".join(pairs),), components)

    def response_size(self) -> int:
        return len(self.pairs)

    def right_response(self) -> list[str]:
        targets = self.targets()
        return [LETTERS[targets.index(pair.target)] for pair in self.pairs]

    def wrong_response(self) -> list[str] | None:
        right = self.right_response()
        shifted = right[1:] + right[:1]
        return shifted if shifted != right else None

    def gift_answers(self) -> str | None:
        lines = [f"={gift.escape(p.source)} -> {gift.escape(p.target)}" for p in self.pairs]
        return gift.answer_lines(self, lines)

    def gift_loses(self) -> list[str]:
        return [*super().gift_loses(), *gift.right_feedback_lost(self)]
