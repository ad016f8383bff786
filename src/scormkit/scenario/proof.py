"""Static proof of a branching scenario: every way a learner can play it, explored at build time.

A state is (scene, variables, lives, points): everything a choice's `requires` can test. The
proof walks every state reachable from the start, breadth first, and checks what an author
cannot see by reading scenes one at a time: scenes nothing leads to, states where every
choice's `requires` fails, loops that never reach an ending, passing endings that cannot be
reached, badges nobody can earn. The walk stops at `max_states` so it always ends; a scenario
with more states (often points growing around a loop) is reported instead of proved. The
role-plays of one spec share limits.PROOF_STATES, and each is proved once (proof_cache.py).

The rules are the player's (runtime/scenario.js); keep the two in step:
- a choice is offered when all its `requires` hold; a timed scene may also time out;
- a choice adds its `effects` and `points`, costs a life when `lose_life`, then goes to `goto`;
- the scenario ends at an ending scene, or as a failure when the last life is lost;
- badges are tested when an ending scene is reached (not when lives run out).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from scormkit.limits import PROOF_STATES
from scormkit.scenario.walk import RANK, State, Walker
from scormkit.spec.activities import Scenario
from scormkit.spec.document import PathKey


@dataclass(frozen=True)
class Step:
    """One move: at `scene`, the learner took `choice` (a choice id, or "timeout")."""

    scene: str
    choice: str


@dataclass(frozen=True)
class ScenarioProblem:
    """Something the proof found, at `path` inside the scenario (e.g. ("scenes", 3))."""

    path: PathKey
    message: str


@dataclass(frozen=True)
class ScenarioProof:
    """What every way through a scenario adds up to."""

    states: int
    reachable_scenes: tuple[str, ...]
    endings: tuple[str, ...]  # ending kinds reachable: success, partial, failure
    score_range: Mapping[str, tuple[int, int]]  # per dimension, over every way it can end
    value_range: Mapping[str, tuple[int, int]]  # every variable, dimension and lives, anywhere
    passing_path: tuple[Step, ...] | None  # shortest way to an ending at least `pass_at`
    best_path: tuple[Step, ...] | None  # shortest way to the best ending with the most badges
    problems: tuple[ScenarioProblem, ...]
    explored_all: bool = True  # False: stopped at its limit of states, nothing proved

    @property
    def proved(self) -> bool:
        return not self.problems


def prove_scenario(
    scenario: Scenario, max_states: int = PROOF_STATES, *, spent: int = 0
) -> ScenarioProof:
    """Every way through `scenario`, checked; assumes its scene references are all valid.

    At most `max_states - spent` states are explored: `spent` is what the spec's earlier
    role-plays took of the budget `max_states` they share.
    """
    limit = max(0, max_states - spent)
    if not limit:
        return too_large(max_states, spent)
    walk = Walker(scenario)
    start = walk.start()
    parents: dict[State, tuple[State, str] | None] = {start: None}
    edges: dict[State, list[State]] = {}  # choice edges only: a timer may be turned off
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if walk.ending(state):
            continue
        edges[state] = []
        for move in walk.moves(state):
            following = walk.after(state, move)
            if move.choice is not None:
                edges[state].append(following)
            if following not in parents:
                if len(parents) >= limit:
                    return too_large(max_states, spent)
                parents[following] = (state, move.step)
                queue.append(following)
    order = list(parents)  # breadth-first: shortest ways first
    problems = [
        *_unreachable(scenario, _scenes(order)),
        *_stuck(walk, order, edges),
        *_unearned_badges(walk, order),
    ]
    terminals = [s for s in order if walk.ending(s)]
    passing = [s for s in terminals if _passes(walk, s)]
    if not passing and any(_counts(s.ending, scenario.pass_at) for s in scenario.scenes):
        problems.append(_no_passing_way(scenario))
    best = max(
        passing,
        key=lambda s: (RANK[walk.ending(s) or "failure"], walk.badges(s), sum(s.points)),
        default=None,
    )

    def path_to(state: State | None) -> tuple[Step, ...] | None:
        if state is None:
            return None
        steps: list[Step] = []
        link = parents[state]
        while link is not None:
            before, step = link
            steps.append(Step(walk.scene(before).id, step))
            link = parents[before]
        return tuple(reversed(steps))

    reached = _scenes(order)
    return ScenarioProof(
        states=len(order),
        reachable_scenes=tuple(s.id for i, s in enumerate(scenario.scenes) if i in reached),
        endings=tuple(sorted({walk.ending(s) or "" for s in terminals}, key=RANK.__getitem__)),
        score_range={
            name: _range(s.points[d] for s in terminals) for d, name in enumerate(walk.dimensions)
        },
        value_range=_value_range(walk, order),
        passing_path=path_to(passing[0] if passing else None),
        best_path=path_to(best),
        problems=tuple(problems),
    )


def _scenes(states: Iterable[State]) -> set[int]:
    return {s.scene for s in states}


def _range(values: Iterable[int]) -> tuple[int, int]:
    found = list(values)
    return (min(found), max(found)) if found else (0, 0)


def _value_range(walk: Walker, states: list[State]) -> dict[str, tuple[int, int]]:
    ranges = {name: _range(s.variables[i] for s in states) for i, name in enumerate(walk.variables)}
    ranges |= {name: _range(s.points[i] for s in states) for i, name in enumerate(walk.dimensions)}
    if walk.has_lives:
        ranges["lives"] = _range(s.lives for s in states)
    return ranges


def _counts(ending: str | None, pass_at: str) -> bool:
    return ending is not None and RANK[ending] >= RANK[pass_at]


def _passes(walk: Walker, state: State) -> bool:
    return not walk.out_of_lives(state) and _counts(walk.scene(state).ending, walk.scenario.pass_at)


def too_large(max_states: int, spent: int) -> ScenarioProof:
    """The proof of a scenario with more states than the `max_states - spent` left to it."""
    if spent >= max_states:
        return _unproved(
            f"not proved: the role-plays before this one took all the situations the proofs "
            f"of a spec may explore ({max_states}); bound their loops with `requires`, or "
            "split the course"
        )
    situations = "distinct situations (scene, variables, lives and points)"
    too_many = (
        f"more {situations} than the {max_states - spent} left to prove it: the role-plays "
        f"of a spec may explore {max_states} in all, and the ones before this one took {spent}"
        if spent
        else f"more than {max_states} {situations}, too many to prove"
    )
    return _unproved(
        f"the scenario has {too_many}; a loop that keeps adding points or changing a variable "
        "makes them endless: bound it with `requires`, or split the role-play",
        max_states - spent,
    )


def _unproved(message: str, states: int = 0) -> ScenarioProof:
    return ScenarioProof(
        states=states,
        reachable_scenes=(),
        endings=(),
        score_range={},
        value_range={},
        passing_path=None,
        best_path=None,
        problems=(ScenarioProblem((), message),),  # at the scenario itself
        explored_all=False,
    )


def _unreachable(scenario: Scenario, reached: set[int]) -> Iterable[ScenarioProblem]:
    targets = {c.goto for s in scenario.scenes for c in s.choices}
    targets |= {s.timeout_goto for s in scenario.scenes if s.timeout_goto}
    for i, scene in enumerate(scenario.scenes):
        if i in reached:
            continue
        if scene.id in targets:
            why = "the choices leading to it are never offered on any way from the start"
        else:
            why = "no choice or `timeout_goto` leads to it and it is not the `start`"
        yield ScenarioProblem(("scenes", i), f"scene '{scene.id}' can never be reached: {why}")


def _describe(walk: Walker, state: State) -> str:
    values = [f"{n} {v}" for n, v in zip(walk.variables, state.variables, strict=True)]
    values += [f"{n} {v}" for n, v in zip(walk.dimensions, state.points, strict=True)]
    if walk.has_lives:
        values.append(f"lives {state.lives}")
    return ", ".join(values) or "the start values"


def _stuck(
    walk: Walker, order: list[State], edges: dict[State, list[State]]
) -> Iterable[ScenarioProblem]:
    """Dead ends (no choice offered) and loops from which no ending can be reached."""
    reported: set[int] = set()
    dead = [s for s in order if s in edges and not edges[s]]
    for state in dead:
        if state.scene not in reported:
            reported.add(state.scene)
            yield ScenarioProblem(
                ("scenes", state.scene, "choices"),
                f"scene '{walk.scene(state).id}' can be reached with every choice's `requires` "
                f"unmet ({_describe(walk, state)}), leaving the learner stuck: add a choice "
                "without `requires`",
            )
    # States that can reach an ending through choices alone.
    incoming: dict[State, list[State]] = {}
    for state, following in edges.items():
        for after in following:
            incoming.setdefault(after, []).append(state)
    escapes = {s for s in order if walk.ending(s)}
    queue = deque(escapes)
    while queue:
        for before in incoming.get(queue.popleft(), []):
            if before not in escapes:
                escapes.add(before)
                queue.append(before)
    dead_set = set(dead)
    for state in order:
        if state in escapes or state.scene in reported:
            continue
        trapped = _closure(state, edges)
        if trapped & dead_set:
            continue  # reported as a dead end already
        scenes = sorted(_scenes(trapped))
        reported.update(scenes)
        names = ", ".join(f"'{walk.scenario.scenes[i].id}'" for i in scenes)
        yield ScenarioProblem(
            ("scenes", state.scene, "choices"),
            f"from scene '{walk.scene(state).id}' ({_describe(walk, state)}) no ending can be "
            f"reached: the choices loop among {names} for ever; give the loop a way out",
        )


def _closure(state: State, edges: dict[State, list[State]]) -> set[State]:
    seen = {state}
    queue = deque([state])
    while queue:
        for after in edges.get(queue.popleft(), []):
            if after not in seen:
                seen.add(after)
                queue.append(after)
    return seen


def _unearned_badges(walk: Walker, order: list[State]) -> Iterable[ScenarioProblem]:
    endings = [s for s in order if walk.ending(s) and not walk.out_of_lives(s)]
    for b, badge in enumerate(walk.scenario.badges):
        if not any(walk.holds(s, badge.when) for s in endings):
            yield ScenarioProblem(
                ("badges", b, "when"),
                f"badge '{badge.id}' can never be earned: no way through the scenario reaches "
                "an ending with all of these holding",
            )


def _no_passing_way(scenario: Scenario) -> ScenarioProblem:
    wanted = "`success`" if scenario.pass_at == "success" else "`success` or `partial`"
    lives = " with lives left" if scenario.lives is not None else ""
    return ScenarioProblem(
        ("pass_at",),
        f"no way through the scenario reaches a {wanted} ending{lives}, so it cannot be passed",
    )
