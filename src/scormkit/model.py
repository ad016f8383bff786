"""Every spec model, in one place, for building courses in code.

    from scormkit.model import Course, Module, Page, Text, Quiz, TrueFalse

    page = Page(id="welcome", title="Welcome", blocks=[Text(markdown="Hello.")])

A model's `type` is filled in by its constructor, and a model built wrongly raises SpecError
naming it and the path (`Page: blocks[1].alt: missing required field 'alt'`).
"""

from scormkit.questions import (
    Choice,
    FillIn,
    Matching,
    MultipleChoice,
    Numeric,
    Pair,
    Question,
    Sequencing,
    SingleChoice,
    TrueFalse,
)
from scormkit.spec.activities import (
    Badge,
    BankPick,
    Condition,
    Quiz,
    Scenario,
    ScenarioChoice,
    Scene,
    Survey,
    SurveyItem,
)
from scormkit.spec.banks import Bank
from scormkit.spec.models import (
    Accordion,
    Audio,
    Author,
    Block,
    Callout,
    Completion,
    Course,
    Image,
    Module,
    Packaging,
    Page,
    Panel,
    Quote,
    Tabs,
    Text,
    Theme,
    Video,
)
from scormkit.spec.observation import Criterion, Observation

__all__ = [
    "Accordion", "Audio", "Author", "Badge", "Bank", "BankPick", "Block", "Callout", "Choice",
    "Completion", "Condition", "Course", "Criterion", "FillIn", "Image", "Matching", "Module",
    "MultipleChoice", "Numeric", "Observation", "Packaging", "Page", "Pair", "Panel", "Question",
    "Quiz", "Quote", "Scenario", "ScenarioChoice", "Scene", "Sequencing", "SingleChoice",
    "Survey", "SurveyItem", "Tabs", "Text", "Theme", "TrueFalse", "Video",
]  # fmt: skip
