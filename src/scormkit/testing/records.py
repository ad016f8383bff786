"""What a scripted learner did, and the interaction records an LMS should get for it."""

from __future__ import annotations

from dataclasses import dataclass

from scormkit.questions import LETTERS, Question
from scormkit.spec.activities import Scenario, ScenarioChoice


@dataclass(frozen=True)
class Answer:
    """What the learner entered for a question, and what the course should report for it."""

    question: Question
    entered: list[str]  # letters checked or chosen per select (in order), or the text typed
    correct: bool

    @property
    def interaction_type(self) -> str:
        """The SCORM 1.2 interaction type (RTE 3.4, cmi.interactions.n.type) of the question;
        1.2 names the types the question reports alike in SCORM 2004 and xAPI."""
        return self.question.interaction().type

    @property
    def student_response(self) -> str:
        """`entered` as SCORM 1.2 CMIFeedback for the interaction type (RTE 3.4)."""
        if self.interaction_type == "matching":
            # source.target pairs; sources are single characters, numbered from 1.
            return ",".join(f"{_base36(i + 1)}.{t}" for i, t in enumerate(self.entered))
        if self.interaction_type in ("choice", "sequencing"):
            return ",".join(self.entered)
        return "".join(self.entered)


@dataclass(frozen=True)
class Chosen:
    """A choice the learner made in a scenario, and the interaction the course should report."""

    scenario: Scenario
    scene: str
    choice: ScenarioChoice

    @property
    def letter(self) -> str:
        scene = next(s for s in self.scenario.scenes if s.id == self.scene)
        return LETTERS[scene.choices.index(self.choice)]

    @property
    def result(self) -> str:
        """Losing a life is wrong, gaining points right, anything else neutral."""
        if self.choice.lose_life:
            return "wrong"
        return "correct" if sum(self.choice.points.values()) > 0 else "neutral"


def expected_interaction(record: Answer | Chosen) -> dict[str, str]:
    """What cmi.interactions.n should hold for one answer or scenario choice."""
    if isinstance(record, Chosen):
        return {
            "id": f"{record.scenario.id}.{record.scene}",
            "type": "choice",
            "student_response": record.letter,
            "result": record.result,
        }
    return {
        "id": record.question.id,
        "type": record.interaction_type,
        "student_response": record.student_response,
        "result": "correct" if record.correct else "wrong",
    }


def _base36(number: int) -> str:
    return "0123456789abcdefghijklmnopqrstuvwxyz"[number]
