"""A scenario's share of the resume state: its entry in section "r" (runtime/scenario.js).

Section "r" of the player's saved state (runtime/state.js, twinned by scormkit.state) holds one
entry per scenario in course order; `plan/resume.py` adds it to the rest of the state.
"""

from __future__ import annotations

from scormkit.scenario.proof import ScenarioProof
from scormkit.scenario.proof_cache import proof_of
from scormkit.spec.activities import Scenario
from scormkit.state import numbers_size


def scenario_state_worst_case(scenario: Scenario, proof: ScenarioProof | None = None) -> int:
    """The most characters the saved state of `scenario` can take, once proved.

    The entry is "<best>.<badges>.<scene>.<lives>.<variables…>.<points…>": every number in base
    36 ("-" before negatives), `best` one digit (0-7), `badges` a bit mask; each number's width
    is the widest of the lowest and highest value the proof found it can take.
    """
    proof = proof or proof_of(scenario)
    ranges = proof.value_range
    return numbers_size(
        [
            (0, 7),  # best ending so far, plus 4 when timers are off
            (0, 2 ** len(scenario.badges) - 1),
            (0, len(scenario.scenes) - 1),
            (0, scenario.lives or 0),
            *(ranges.get(name, (value, value)) for name, value in scenario.variables.items()),
            *(ranges.get(name, (0, 0)) for name in scenario.dimensions),
        ]
    )
