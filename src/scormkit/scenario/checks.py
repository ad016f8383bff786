"""Course checks of a branching scenario: its references, names and the proof's findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from scormkit.scenario.proof_cache import ProofBudget
from scormkit.spec.activities import Scenario
from scormkit.spec.document import PathKey, did_you_mean, quote

Report = Callable[[PathKey, str], None]


def check_scenario(
    path: PathKey, scenario: Scenario, report: Report, budget: ProofBudget | None = None
) -> None:
    """Report every broken reference of `scenario`, then, when it is sound, what the proof
    finds (unreachable scenes, dead ends, badges never earned), paid from the spec's `budget`
    of proof states."""
    reported: list[str] = []

    def counted(where: PathKey, message: str) -> None:
        reported.append(message)
        report(where, message)

    _check_references(path, scenario, counted)
    if not reported and _ids_unique(scenario):
        # The proof walks the scenes, so it needs every reference to be sound first.
        for found in (budget or ProofBudget()).prove(scenario).problems:
            report((*path, *found.path), found.message)


def check_passable(path: PathKey, scenario: Scenario, report: Report) -> None:
    """Report a scenario none of whose endings counts as passing."""
    endings: list[str] = [s.ending for s in scenario.scenes if s.ending]
    if endings and not any(_counts_as_pass(e, scenario.pass_at) for e in endings):
        report((*path, "pass_at"), _cannot_pass(scenario.pass_at, endings))


def _check_references(path: PathKey, scenario: Scenario, report: Report) -> None:
    scenes = [s.id for s in scenario.scenes]
    names = {*scenario.variables, *scenario.dimensions}
    if scenario.lives is not None:
        names.add("lives")

    def scene_ref(where: PathKey, target: str) -> None:
        if target not in scenes:
            report(where, f"no scene '{target}'{did_you_mean(target, scenes)}")

    def conditions(where: PathKey, tested: Iterable[str]) -> None:
        for c, name in enumerate(tested):
            if name not in names:
                report((*where, c, "of"), _unknown_name(name, names))

    def consequences(
        where: PathKey, prefix: str, points: Mapping[str, int], effects: Mapping[str, int]
    ) -> None:
        for name in points:
            if name not in scenario.dimensions:
                report(
                    (*where, f"{prefix}points", name),
                    _undeclared(name, scenario.dimensions, "dimensions"),
                )
        for name in effects:
            if name not in scenario.variables:
                report(
                    (*where, f"{prefix}effects", name),
                    _undeclared(name, scenario.variables, "variables"),
                )

    scene_ref((*path, "start"), scenario.start)
    for s, scene in enumerate(scenario.scenes):
        here = (*path, "scenes", s)
        if scene.timeout_goto:
            scene_ref((*here, "timeout_goto"), scene.timeout_goto)
        if scene.ending and scene.choices:
            report(
                (*here, "choices"),
                f"scene '{scene.id}' is an ending ({scene.ending}), so it cannot have choices",
            )
        if not scene.ending and not scene.choices:
            report(
                here,
                f"scene '{scene.id}' has no choices and is not an ending: "
                "give it `choices` or `ending`",
            )
        if scene.timer is not None:
            consequences(here, "timeout_", scene.timeout_points, scene.timeout_effects)
            if scene.timeout_lose_life and scenario.lives is None:
                report((*here, "timeout_lose_life"), _NO_LIVES)
        for c, choice in enumerate(scene.choices):
            there = (*here, "choices", c)
            scene_ref((*there, "goto"), choice.goto)
            consequences(there, "", choice.points, choice.effects)
            conditions((*there, "requires"), (r.of for r in choice.requires))
            if choice.lose_life and scenario.lives is None:
                report((*there, "lose_life"), _NO_LIVES)
    for b, badge in enumerate(scenario.badges):
        conditions((*path, "badges", b, "when"), (w.of for w in badge.when))
    if not any(s.ending for s in scenario.scenes):
        report((*path, "scenes"), "no scene is an ending; give at least one scene `ending`")


_NO_LIVES = "the scenario has no `lives` to lose; give it `lives`"


def _undeclared(name: str, declared: Iterable[str], field: str) -> str:
    return f"{quote(name)} is not one of the scenario's `{field}`{did_you_mean(name, declared)}"


def _unknown_name(name: str, known: set[str]) -> str:
    if name == "lives":
        return "the scenario has no `lives`; give it `lives` or test something else"
    return (
        f"{quote(name)} is not a variable or dimension of the scenario{did_you_mean(name, known)}"
    )


def _ids_unique(scenario: Scenario) -> bool:
    """Whether scene ids, and choice ids within each scene, name one thing each."""
    groups = [
        [s.id for s in scenario.scenes],
        *([c.id for c in s.choices] for s in scenario.scenes),
    ]
    return all(len(set(ids)) == len(ids) for ids in groups)


def _cannot_pass(pass_at: str, endings: list[str]) -> str:
    if pass_at == "partial":
        return (
            "no scene has `ending: success` or `ending: partial`, so the scenario cannot be passed"
        )
    fix = "add one, or set `pass_at: partial`" if "partial" in endings else "add one"
    return f"no scene has `ending: success`, so the scenario cannot be passed; {fix}"


def _counts_as_pass(ending: str | None, pass_at: str) -> bool:
    return ending == "success" or (ending == "partial" and pass_at == "partial")
