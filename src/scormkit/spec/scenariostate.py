"""How much of the suspend string a course's scenarios can need (runtime/scenario.js).

The scenarios' section "r" of the player's suspend string (runtime/state.js) holds one entry
per scenario in course order joined with ","; scormkit.budget adds it to the rest of the state.
"""

from __future__ import annotations

from scormkit.spec.activities import Scenario
from scormkit.spec.proof import ScenarioProof, prove_scenario


def scenario_state_worst_case(scenario: Scenario, proof: ScenarioProof | None = None) -> int:
    """The most characters the saved state of `scenario` can take, once proved.

    The entry is "<best>.<badges>.<scene>.<lives>.<variables…>.<points…>": every number in base
    36 ("-" before negatives), `best` one digit (0-7), `badges` a bit mask; each number's width
    is the widest of the lowest and highest value the proof found it can take.
    """
    proof = proof or prove_scenario(scenario)
    ranges = proof.value_range
    numbers = [
        (0, 7),  # best ending so far, plus 4 when timers are off
        (0, 2 ** len(scenario.badges) - 1),
        (0, len(scenario.scenes) - 1),
        (0, scenario.lives or 0),
        *(ranges.get(name, (value, value)) for name, value in scenario.variables.items()),
        *(ranges.get(name, (0, 0)) for name in scenario.dimensions),
    ]
    widths = [max(len(_base36(low)), len(_base36(high))) for low, high in numbers]
    return sum(widths) + len(widths) - 1


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    sign, number = ("-", -number) if number < 0 else ("", number)
    out = ""
    while True:
        number, digit = divmod(number, 36)
        out = digits[digit] + out
        if number == 0:
            return sign + out
