"""What the player needs to run a branching scenario (runtime/scenario.js), as plain data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scormkit.cards import picture
from scormkit.spec.activities import Condition, Scenario, Scene
from scormkit.spec.cast import CastMember, initials


def _conditions(conditions: list[Condition]) -> list[dict[str, Any]]:
    return [{"of": c.of, "atLeast": c.at_least, "atMost": c.at_most} for c in conditions]


def _member(member: CastMember, hrefs: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.name,
        "role": member.role,
        "initials": member.initials(),
        "portraits": {mood: picture(p.src, p.alt, hrefs) for mood, p in member.portraits.items()},
    }


def speaker_data(scenario: Scenario, scene: Scene, hrefs: Mapping[str, str]) -> dict[str, Any]:
    """Who speaks in `scene` and the portrait for its mood (None: show `initials`)."""
    if scene.speaker is None:
        return {"speaker": None, "portrait": None}
    member = scenario.speaker(scene)
    if member is None:  # a scenario without a cast names its speakers as written
        who = {"id": None, "name": scene.speaker, "role": None, "initials": initials(scene.speaker)}
        return {"speaker": who, "portrait": None}
    portrait = member.portrait(scene.mood)
    who = {"id": member.id, "name": member.name, "role": member.role, "initials": member.initials()}
    return {"speaker": who, "portrait": portrait and picture(portrait.src, portrait.alt, hrefs)}


def scenario_data(
    scenario: Scenario, page_id: str, hrefs: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The rules of `scenario` and who speaks; its words are in the page
    (templates/activities/scenario.html). `hrefs` maps image paths to packaged hrefs."""
    hrefs = hrefs or {}
    return {
        "id": scenario.id,
        "page": page_id,
        "title": scenario.title,
        "start": scenario.start,
        # Pairs, not an object, so the saved state's order is the spec's.
        "variables": [[name, value] for name, value in scenario.variables.items()],
        "dimensions": scenario.dimensions,
        "lives": scenario.lives,
        "passAt": scenario.pass_at,
        "scored": scenario.scored,
        "weight": scenario.weight,
        "replay": scenario.replay,
        "badges": [
            {
                "id": b.id,
                "title": b.title,
                "description": b.description,
                "when": _conditions(b.when),
            }
            for b in scenario.badges
        ],
        "cast": [_member(member, hrefs) for member in scenario.cast],
        "scenes": [
            {
                "id": scene.id,
                "mood": scene.mood,
                **speaker_data(scenario, scene, hrefs),
                "image": picture(scene.image, scene.image_alt, hrefs),
                "ending": scene.ending,
                "timer": scene.timer,
                "timeout": {
                    "goto": scene.timeout_goto,
                    "points": scene.timeout_points,
                    "effects": scene.timeout_effects,
                    "loseLife": scene.timeout_lose_life,
                },
                "choices": [
                    {
                        "id": choice.id,
                        "text": choice.text,
                        "goto": choice.goto,
                        "points": choice.points,
                        "effects": choice.effects,
                        "loseLife": choice.lose_life,
                        "requires": _conditions(choice.requires),
                    }
                    for choice in scene.choices
                ],
            }
            for scene in scenario.scenes
        ],
    }
