"""What the course's cover and its module cards show: descriptions, pictures and minutes.

A module's minutes are the author's `duration_minutes`, or else estimated from what it asks of
the learner.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.blocks import Accordion, Audio, Block, Callout, Image, Quote, Tabs, Text
from scormkit.spec.models import Course, Module

# Adults read instructional text at about 200 words a minute; 180 leaves time to look at
# pictures and think. A question or survey item takes about half a minute to answer.
WORDS_PER_MINUTE = 180
MINUTES_PER_ANSWER = 0.5
# One playthrough of a role-play meets only some of its scenes; half of its words is typical.
SCENES_SEEN = 0.5


def picture(src: str | None, alt: str | None, hrefs: Mapping[str, str]) -> dict[str, str] | None:
    """An image as the player shows it: its packaged href and text alternative, or None."""
    if not src:
        return None
    return {"src": hrefs.get(src, src), "alt": alt or ""}


def cover_data(course: Course, hrefs: Mapping[str, str]) -> dict[str, Any]:
    """The course's cover: its description and picture."""
    return {
        "description": course.description,
        "cover": picture(course.cover, course.cover_alt, hrefs),
    }


def module_card(module: Module, hrefs: Mapping[str, str]) -> dict[str, Any]:
    """A module as its card shows it, with the ids of its pages for the player's order."""
    minutes, estimated = module_minutes(module)
    return {
        "id": module.id,
        "title": module.title,
        "pages": [p.id for p in module.pages],
        "description": module.description,
        "image": picture(module.image, module.image_alt, hrefs),
        "minutes": minutes,
        "minutesEstimated": estimated,
    }


def module_minutes(module: Module) -> tuple[int, bool]:
    """Minutes `module` takes, and whether that is an estimate (no `duration_minutes`)."""
    if module.duration_minutes is not None:
        return module.duration_minutes, False
    words = 0.0
    answers = 0
    for page in module.pages:
        words += _words(page.title)
        for block in page.blocks:
            words += sum(_words(text) for text in _block_text(block))
        activity = page.activity
        if isinstance(activity, Quiz):
            shown = activity.draw or len(activity.questions)
            asked = activity.questions[:shown]
            words += sum(_words(q.prompt) for q in asked)
            answers += shown
        elif isinstance(activity, Scenario):
            said = [s.line for s in activity.scenes]
            said += [c.text for s in activity.scenes for c in s.choices]
            words += SCENES_SEEN * sum(_words(text) for text in said)
        elif isinstance(activity, Survey):
            answers += len(activity.items)
    return max(1, math.ceil(words / WORDS_PER_MINUTE + answers * MINUTES_PER_ANSWER)), True


def _block_text(block: Block) -> list[str]:
    if isinstance(block, Text | Callout):
        return [block.markdown]
    if isinstance(block, Accordion | Tabs):
        return [panel.markdown for panel in block.panels]
    if isinstance(block, Quote):
        return [block.text]
    if isinstance(block, Image):
        return [block.caption or ""]
    if isinstance(block, Audio):
        return [block.transcript or ""]
    return []


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))
