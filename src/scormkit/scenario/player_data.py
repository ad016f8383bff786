"""What the player needs to run a branching scenario (runtime/scenario.js), as plain data."""

from __future__ import annotations

from typing import Any

from scormkit.spec.activities import Condition, Scenario


def _conditions(conditions: list[Condition]) -> list[dict[str, Any]]:
    return [{"of": c.of, "atLeast": c.at_least, "atMost": c.at_most} for c in conditions]


def scenario_data(scenario: Scenario, page_id: str) -> dict[str, Any]:
    """The rules of `scenario`; its words are in the page (templates/activities/scenario.html)."""
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
        "scenes": [
            {
                "id": scene.id,
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
