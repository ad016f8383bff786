"""The rules of a branching scenario over whole situations, for the proof (proof.py).

They are the player's rules (runtime/scenario.js); keep the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from scormkit.spec.activities import Condition, Scenario, ScenarioChoice, Scene

TIMEOUT = "timeout"  # the step taken when a scene's timer runs out
RANK = {"failure": 1, "partial": 2, "success": 3}


class State(NamedTuple):
    """One situation of the role-play: everything a later choice can depend on.

    A named tuple, not a dataclass: the proof hashes hundreds of thousands of them.
    """

    scene: int
    variables: tuple[int, ...]
    lives: int
    points: tuple[int, ...]


@dataclass(frozen=True)
class _Move:
    step: str
    choice: ScenarioChoice | None  # None: the timeout
    goto: str
    points: Mapping[str, int]
    effects: Mapping[str, int]
    lose_life: bool


class Walker:
    """The scenario's rules over `State`s."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.index = {scene.id: i for i, scene in enumerate(scenario.scenes)}
        self.variables = list(scenario.variables)
        self.dimensions = list(scenario.dimensions)
        self.has_lives = scenario.lives is not None

    def start(self) -> State:
        return State(
            self.index[self.scenario.start],
            tuple(self.scenario.variables.values()),
            self.scenario.lives or 0,
            tuple(0 for _ in self.dimensions),
        )

    def scene(self, state: State) -> Scene:
        return self.scenario.scenes[state.scene]

    def value(self, state: State, name: str) -> int:
        if name == "lives" and self.has_lives:
            return state.lives
        if name in self.dimensions:
            return state.points[self.dimensions.index(name)]
        return state.variables[self.variables.index(name)]

    def holds(self, state: State, conditions: Iterable[Condition]) -> bool:
        for condition in conditions:
            value = self.value(state, condition.of)
            if condition.at_least is not None and value < condition.at_least:
                return False
            if condition.at_most is not None and value > condition.at_most:
                return False
        return True

    def out_of_lives(self, state: State) -> bool:
        return self.has_lives and state.lives <= 0

    def ending(self, state: State) -> str | None:
        """How the scenario ends in `state`, or None while it goes on."""
        if self.out_of_lives(state):
            return "failure"
        return self.scene(state).ending

    def moves(self, state: State) -> list[_Move]:
        """What the learner can do in `state`: offered choices, then the timeout if timed."""
        scene = self.scene(state)
        moves = [
            _Move(c.id, c, c.goto, c.points, c.effects, c.lose_life)
            for c in scene.choices
            if self.holds(state, c.requires)
        ]
        if scene.timer is not None and scene.timeout_goto is not None:
            moves.append(
                _Move(
                    TIMEOUT,
                    None,
                    scene.timeout_goto,
                    scene.timeout_points,
                    scene.timeout_effects,
                    scene.timeout_lose_life,
                )
            )
        return moves

    def after(self, state: State, move: _Move) -> State:
        variables = tuple(
            value + move.effects.get(name, 0)
            for name, value in zip(self.variables, state.variables, strict=True)
        )
        points = tuple(
            value + move.points.get(name, 0)
            for name, value in zip(self.dimensions, state.points, strict=True)
        )
        lives = state.lives - 1 if move.lose_life and self.has_lives else state.lives
        return State(self.index[move.goto], variables, lives, points)

    def badges(self, state: State) -> int:
        """How many badges an ending in `state` awards."""
        if self.out_of_lives(state) or not self.scene(state).ending:
            return 0
        return sum(self.holds(state, badge.when) for badge in self.scenario.badges)
