"""Quiz question types, one module each: model, player data, interaction, resume-state share.

Adding a type means one module here (a `QuestionBase` subclass), its template
`templates/questions/<type>.html`, its view code in runtime/questionview.js, and its name in
the union below. Nothing else in the Python code names a question class.
"""

from typing import Annotated

from pydantic import Field

from scormkit.questions.choice import Choice, MultipleChoice, SingleChoice
from scormkit.questions.fill_in import FillIn
from scormkit.questions.matching import Matching, Pair
from scormkit.questions.numeric import Numeric
from scormkit.questions.question import LETTERS, Interaction, QuestionBase, lettered
from scormkit.questions.sequencing import Sequencing
from scormkit.questions.true_false import TrueFalse

Question = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | FillIn | Matching | Sequencing | Numeric,
    Field(discriminator="type"),
]
QUESTION_TYPES: tuple[type[QuestionBase], ...] = (
    SingleChoice, MultipleChoice, TrueFalse, FillIn, Matching, Sequencing, Numeric,
)  # fmt: skip

__all__ = [
    "LETTERS",
    "QUESTION_TYPES",
    "Choice",
    "FillIn",
    "Interaction",
    "Matching",
    "MultipleChoice",
    "Numeric",
    "Pair",
    "Question",
    "QuestionBase",
    "Sequencing",
    "SingleChoice",
    "TrueFalse",
    "lettered",
]
