"""Every spec model, in one place, for building courses in code.

    from scormkit.model import Course, Module, Page, Text

    page = Page(id="welcome", title="Welcome", blocks=[Text(markdown="Hello.")])

A model's `type` is filled in by its constructor, and a model built wrongly raises SpecError
naming it and the path (`Page: blocks[1].alt: missing required field 'alt'`).
"""

from scormkit import questions
from scormkit.questions import *  # noqa: F403  (every question type, its parts and the union)
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
from scormkit.spec.blocks import (
    Accordion,
    Audio,
    Block,
    Callout,
    Image,
    Panel,
    Quote,
    Tabs,
    Text,
    Video,
)
from scormkit.spec.models import Author, Completion, Course, Module, Packaging, Page, Theme
from scormkit.spec.observation import Criterion, Observation

__all__ = [
    "Accordion", "Audio", "Author", "Badge", "Bank", "BankPick", "Block", "Callout",
    "Completion", "Condition", "Course", "Criterion", "Image", "Module", "Observation",
    "Packaging", "Page", "Panel", "Quiz", "Quote", "Scenario", "ScenarioChoice", "Scene",
    "Survey", "SurveyItem", "Tabs", "Text", "Theme", "Video",
]  # fmt: skip
__all__ += questions.__all__
