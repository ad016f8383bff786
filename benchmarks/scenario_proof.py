"""Benchmark: how long the scenario proof takes, and how big a scenario's saved state can get.

Prints, for the flagship role-play and for generated branching scenarios of growing size
(a chain of scenes, each with three choices that move two variables and a points dimension),
the situations explored, the proof's wall time and the worst-case saved-state entry.

Run:  python benchmarks/scenario_proof.py [SCENES...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from scormkit import load_course
from scormkit.scenario.proof import prove_scenario
from scormkit.scenario.state import scenario_state_worst_case
from scormkit.spec.activities import Scenario

FLAGSHIP = Path(__file__).resolve().parents[1] / "course_specs" / "healthcare-customer-service.yaml"


def generated(scenes: int) -> Scenario:
    """A chain of `scenes` scenes with three choices each, ending in success or failure."""

    def choice(n: int, k: int) -> dict[str, object]:
        goto = f"s{n + 1}" if n + 1 < scenes else ("win" if k < 2 else "lose")
        return {
            "id": f"c{k}",
            "text": f"Choice {k}",
            "goto": goto,
            "points": {"skill": k},
            "effects": {"trust": k - 1, "calm": 1 - k},
            "lose_life": k == 0,
        }

    return Scenario.model_validate(
        {
            "type": "scenario",
            "id": "generated",
            "title": "Generated",
            "start": "s0",
            "lives": 9,
            "variables": {"trust": 0, "calm": 0},
            "dimensions": ["skill"],
            "scenes": [
                {"id": f"s{n}", "line": f"Scene {n}", "choices": [choice(n, k) for k in range(3)]}
                for n in range(scenes)
            ]
            + [
                {"id": "win", "line": "Won", "ending": "success"},
                {"id": "lose", "line": "Lost", "ending": "failure"},
            ],
        }
    )


def measure(name: str, scenario: Scenario) -> None:
    started = time.perf_counter()
    proof = prove_scenario(scenario)
    seconds = time.perf_counter() - started
    verdict = "proved" if proof.proved else f"{len(proof.problems)} problem(s)"
    print(
        f"{name:<28} {len(scenario.scenes):>6} scenes {proof.states:>8} situations "
        f"{seconds:>7.3f} s  worst-case state {scenario_state_worst_case(scenario, proof):>3} "
        f"chars  {verdict}"
    )


def main(sizes: list[int]) -> None:
    course = load_course(FLAGSHIP)
    pages = [page for module in course.modules for page in module.pages]
    flagship = next(p.activity for p in pages if isinstance(p.activity, Scenario))
    measure("flagship role-play", flagship)
    for size in sizes:
        measure(f"generated chain of {size}", generated(size))


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10, 30, 60])
