"""Each role-play proved once per process, and the proof budget the role-plays of a spec share.

A build checks its spec, measures the resume state and plans every target and launch unit, and
each of those asks for the same proofs: `proof_of` answers from the proofs already made, keyed
by the scenario's content, so a build (all its targets, every unit, every package of a batch)
explores each role-play once. Batch workers start with the proofs their parent made
(`known_proofs`, `learn_proofs`).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from scormkit.limits import PROOF_STATES
from scormkit.scenario import proof
from scormkit.scenario.proof import ScenarioProof
from scormkit.spec.activities import Scenario

KEPT = 256  # scenarios remembered, most recently used first; each proof is a few hundred bytes
# By the sha256 of a scenario: its proof, or the most states it was found to have more than.
_proved: OrderedDict[str, ScenarioProof | int] = OrderedDict()


def proof_of(scenario: Scenario, max_states: int = PROOF_STATES, spent: int = 0) -> ScenarioProof:
    """The proof of `scenario` (see `prove_scenario`), made only if this process has not made it."""
    key = hashlib.sha256(scenario.model_dump_json().encode()).hexdigest()
    limit = max_states - spent
    known = _proved.get(key)
    if isinstance(known, ScenarioProof):  # a proof explores the same states under any limit
        made = known if known.states <= limit else proof.too_large(max_states, spent)
    elif isinstance(known, int) and limit <= known:  # it has more states than it was given
        made = proof.too_large(max_states, spent)
    else:
        made = proof.prove_scenario(scenario, max_states, spent=spent)
        _proved[key] = made if made.explored_all else limit
    _proved.move_to_end(key)
    while len(_proved) > KEPT:
        _proved.popitem(last=False)
    return made


class ProofBudget:
    """The states the proofs of one spec may explore together (limits.PROOF_STATES)."""

    def __init__(self, states: int = PROOF_STATES) -> None:
        self.states = states
        self.spent = 0

    def prove(self, scenario: Scenario) -> ScenarioProof:
        """The proof of `scenario`, paid for from what is left."""
        made = proof_of(scenario, self.states, self.spent)
        self.spent = min(self.states, self.spent + made.states)
        return made


def known_proofs() -> dict[str, ScenarioProof | int]:
    """The proofs this process has made, to hand to worker processes."""
    return dict(_proved)


def learn_proofs(proofs: dict[str, ScenarioProof | int]) -> None:
    """Take proofs made by another process (a batch's parent), so they are not made again."""
    _proved.update(proofs)


def forget_proofs() -> None:
    """Forget every proof made (tests count proof runs from a clean start)."""
    _proved.clear()
