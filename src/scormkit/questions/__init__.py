"""Quiz question types, one module each: model, player data, interaction, resume-state share.

Adding a type means one module here (a `QuestionBase` subclass), its template
`templates/questions/<type>.html`, its view code in runtime/questionview.js, and its name in
the union below. Nothing else in the Python code names a question class (a test checks this):
`scormkit.model` offers them all by this package's `__all__`.
"""

from typing import Annotated

from pydantic import Field

from scormkit.questions.choice import Choice, MultipleChoice, SingleChoice
from scormkit.questions.fill_in import FillIn
from scormkit.questions.matching import Matching, Pair
from scormkit.questions.numeric import Numeric
from scormkit.questions.question import LETTERS as LETTERS
from scormkit.questions.question import Interaction as Interaction
from scormkit.questions.question import QuestionBase as QuestionBase
from scormkit.questions.question import lettered as lettered
from scormkit.questions.sequencing import Sequencing
from scormkit.questions.true_false import TrueFalse

Question = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | FillIn | Matching | Sequencing | Numeric,
    Field(discriminator="type"),
]
QUESTION_TYPES: tuple[type[QuestionBase], ...] = (
    SingleChoice, MultipleChoice, TrueFalse, FillIn, Matching, Sequencing, Numeric,
)  # fmt: skip

# The spec models: every question type, the parts they are made of, and their union.
__all__ = [
    "Choice",
    "FillIn",
    "Matching",
    "MultipleChoice",
    "Numeric",
    "Pair",
    "Question",
    "Sequencing",
    "SingleChoice",
    "TrueFalse",
]
