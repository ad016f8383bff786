"""Role-play figures: runs rebuilt from the choices and the scene graph, or read from endings.

Each learner's choices (`answered`) and timeouts (`timed-out`) are replayed through the
scenario's rules (scenario/walk.py, the same rules as the player) to find the paths, where lives
are lost and timers run out; the player's ending statements (`completed`) give each run's ending,
points, lives and badges. Packages built before ending and timeout statements existed send one
`answered` per choice and nothing else: their endings are rebuilt, and a timeout is inferred
when the next choice is for a scene only the timeout leads to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scormkit.report.catalog import LETTERS, Catalog
from scormkit.report.cohort import TIMED_OUT, Learner, Move
from scormkit.scenario.walk import RANK, TIMEOUT, State, Walker
from scormkit.spec.activities import Scenario

MOST_TIMEOUTS = 50  # timeouts followed in a row before a path is called unreplayable


@dataclass
class Run:
    """One way through the role-play, from its start scene to an ending."""

    steps: list[str] = field(default_factory=list)  # "scene:choice" (choice may be "timeout")
    ending: str | None = None  # ending scene id
    kind: str | None = None  # success, partial, failure
    points: dict[str, int] = field(default_factory=dict)
    lives: int | None = None
    badges: list[str] = field(default_factory=list)
    lives_lost_at: list[str] = field(default_factory=list)
    timeouts: list[str] = field(default_factory=list)


@dataclass
class Replay:
    """A learner's runs through one scenario, and the choices that could not be placed."""

    runs: list[Run]
    unplaced: int


def replay(scenario: Scenario, moves: list[Move]) -> Replay:
    """The runs `moves` (in any order) make, by the scenario's rules."""
    walker = Walker(scenario)
    runs: list[Run] = []
    unplaced = 0
    state: State | None = None
    run = Run()
    for move in sorted(moves, key=lambda m: m.at):
        if state is None or walker.ending(state):
            state, run = walker.start(), Run()
            runs.append(run)
        state = _reach(walker, state, move.scene, run)
        if state is None:
            unplaced += 1
            if move.scene != scenario.start:
                continue
            state, run = walker.start(), Run()  # a restart part-way through
            runs.append(run)
        scene = walker.scene(state)
        if move.letter == TIMEOUT:  # a timed-out statement: the scene's timeout was taken
            taken = TIMEOUT
        else:
            index = LETTERS.find(move.letter) if len(move.letter) == 1 else -1
            if not 0 <= index < len(scene.choices):
                unplaced += 1
                continue
            taken = scene.choices[index].id
        step = next((m for m in walker.moves(state) if m.step == taken), None)
        if step is None:  # not offered by the rules: the statements and the spec disagree
            unplaced += 1
            continue
        run.steps.append(f"{scene.id}:{taken}")
        if taken == TIMEOUT:
            run.timeouts.append(scene.id)
        if step.lose_life:
            run.lives_lost_at.append(scene.id)
        state = walker.after(state, step)
        _end(walker, state, run)
    return Replay([r for r in runs if r.steps], unplaced)


def _reach(walker: Walker, state: State, scene_id: str, run: Run) -> State | None:
    """`state` moved on through timeouts until it is at `scene_id`; None if it cannot be."""
    for _ in range(MOST_TIMEOUTS):
        if walker.scene(state).id == scene_id:
            return state
        if walker.ending(state):
            return None
        timeout = next((m for m in walker.moves(state) if m.step == TIMEOUT), None)
        if timeout is None:
            return None
        scene = walker.scene(state).id
        run.steps.append(f"{scene}:{TIMEOUT}")
        run.timeouts.append(scene)
        if timeout.lose_life:
            run.lives_lost_at.append(scene)
        state = walker.after(state, timeout)
        if _end(walker, state, run):
            return None
    return None


def _end(walker: Walker, state: State, run: Run) -> bool:
    kind = walker.ending(state)
    if not kind:
        return False
    scenario = walker.scenario
    run.ending = walker.scene(state).id if walker.scene(state).ending else "out-of-lives"
    run.kind = kind
    run.points = {d: state.points[i] for i, d in enumerate(walker.dimensions)}
    run.lives = state.lives if walker.has_lives else None
    if not walker.out_of_lives(state):
        run.badges = [b.id for b in scenario.badges if walker.holds(state, b.when)]
    return True


def best_run(runs: list[Run]) -> Run | None:
    """The finished run with the best ending, then the most points; the latest on a tie."""
    finished = [r for r in runs if r.kind]
    if not finished:
        return None
    return max(reversed(finished), key=lambda r: (RANK[r.kind or ""], sum(r.points.values())))


def learner_runs(catalog: Catalog, learner: Learner) -> dict[str, Replay]:
    """Each scenario the learner played: runs from ending statements, else rebuilt."""
    found: dict[str, Replay] = {}
    for scenario_id, scenario in catalog.scenarios.items():
        scenes = scenario.scenes
        moves = [
            Move(at, scenes[scene].id, _letter(choice))
            for at, scene, choice in learner.moves_in(scenario_id)
        ]
        endings = learner.endings.get(scenario_id, [])
        if not moves and not endings:
            continue
        rebuilt = replay(scenario, moves)
        if endings:
            # Stated endings win over rebuilt ones; the rebuilt paths still give the choices.
            stated = [
                Run(
                    steps=[],
                    ending=e.scene,
                    kind=scenario_kind(scenario, e.scene),
                    points=e.points,
                    lives=e.lives,
                    badges=e.badges,
                )
                for e in endings
            ]
            for run, told in zip(rebuilt.runs, stated, strict=False):
                told.steps, told.lives_lost_at, told.timeouts = (
                    run.steps,
                    run.lives_lost_at,
                    run.timeouts,
                )
            rebuilt = Replay(stated, rebuilt.unplaced)
        found[scenario_id] = rebuilt
    return found


def _letter(choice: int) -> str:
    """A packed choice as the player states it: its letter, TIMEOUT, or "" (not a choice)."""
    if choice == TIMED_OUT:
        return TIMEOUT
    return LETTERS[choice] if choice < len(LETTERS) else ""


def scenario_kind(scenario: Scenario, scene_id: str) -> str:
    scene = next((s for s in scenario.scenes if s.id == scene_id), None)
    return scene.ending if scene is not None and scene.ending else "failure"
