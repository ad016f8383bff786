"""The static proof of branching scenarios, as a library function."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import spec_path
from paths import REPO_ROOT

from scormkit import load_course
from scormkit.plan.resume import state_parts
from scormkit.scenario.player_data import scenario_data
from scormkit.scenario.proof import Step, prove_scenario
from scormkit.scenario.state import scenario_state_worst_case
from scormkit.scenario.walk import Walker
from scormkit.spec.activities import Scenario
from scormkit.spec.source import parse_text

RUNTIME = REPO_ROOT / "src" / "scormkit" / "runtime" / "scenario.js"
FLAGSHIP = spec_path("healthcare-customer-service.yaml")


def flagship_scenario() -> Scenario:
    course = load_course(FLAGSHIP)
    pages = [page for module in course.modules for page in module.pages]
    return next(p.activity for p in pages if isinstance(p.activity, Scenario))


def scenario(**fields: object) -> Scenario:
    return Scenario.model_validate({"type": "scenario", "id": "s", "title": "S", **fields})


def test_the_flagship_role_play_is_proved_with_its_score_ranges_and_a_best_path() -> None:
    proof = prove_scenario(flagship_scenario())

    assert proof.proved
    assert len(proof.reachable_scenes) == len(flagship_scenario().scenes)
    assert proof.endings == ("failure", "partial", "success")
    assert proof.score_range == {"empathy": (0, 5), "privacy": (0, 6), "resolution": (0, 8)}
    assert proof.value_range["lives"] == (0, 3)
    assert proof.best_path is not None and proof.best_path[0] == Step("arrival", "acknowledge-move")
    assert proof.best_path[-1] == Step("closing", "ask-feedback")
    assert proof.passing_path is not None and len(proof.passing_path) == 2


def test_the_saved_state_of_the_flagship_role_play_has_a_small_worst_case() -> None:
    # "3.7.e.3.-2.-1.1.5.6.8": best, badges, scene, lives, trust, patience, verified, points.
    assert scenario_state_worst_case(flagship_scenario()) == 21
    # "|r" and the one entry: the flagship has one scenario.
    parts = {part.name: part.size for part in state_parts(load_course(FLAGSHIP))}
    assert parts["role-play state"] == 23
    minimal = {part.name for part in state_parts(load_course(FLAGSHIP.with_name("minimal.yaml")))}
    assert "role-play state" not in minimal


def test_a_timeout_counts_as_a_way_through_but_not_as_a_way_out_of_a_loop() -> None:
    timed = scenario(
        start="a",
        scenes=[
            {"id": "a", "line": "A", "timer": 5, "timeout_goto": "end",
             "choices": [{"id": "stay", "text": "Stay", "goto": "a"}]},
            {"id": "end", "line": "End", "ending": "success"},
        ],
    )  # fmt: skip
    proof = prove_scenario(timed)

    assert proof.reachable_scenes == ("a", "end")
    assert [p.message.split(":")[0] for p in proof.problems] == [
        "from scene 'a' (the start values) no ending can be reached"
    ]
    assert proof.passing_path == (Step("a", "timeout"),)


def test_a_scenario_with_too_many_situations_is_reported_not_explored_for_ever() -> None:
    growing = scenario(
        start="a",
        dimensions=["p"],
        scenes=[
            {"id": "a", "line": "A", "choices": [
                {"id": "more", "text": "More", "goto": "a", "points": {"p": 1}},
                {"id": "stop", "text": "Stop", "goto": "end"}]},
            {"id": "end", "line": "End", "ending": "success"},
        ],
    )  # fmt: skip
    proof = prove_scenario(growing, max_states=500)

    assert not proof.proved
    assert "more than 500 distinct situations" in proof.problems[0].message


def test_the_guide_scenario_example_is_proved() -> None:
    guide = (REPO_ROOT / "docs" / "guide.md").read_text()
    block = re.search(r"## Branching scenarios\n.*?```yaml\n(.*?)```", guide, re.S)
    assert block, "docs/guide.md lost its scenario example"
    data, _ = parse_text(block.group(1), "guide.md")
    proof = prove_scenario(Scenario.model_validate(data["activity"]))
    assert proof.proved
    assert proof.endings == ("failure", "success")


def play_in_python(scenario: Scenario, path: list[str]) -> dict[str, object]:
    """Where `path` ends by the proof's rules (scenario/walk.py)."""
    walk = Walker(scenario)
    state = walk.start()
    for step in path:
        move = next(m for m in walk.moves(state) if m.step == step)
        state = walk.after(state, move)
    return {
        "scene": walk.scene(state).id,
        "points": dict(zip(scenario.dimensions, state.points, strict=True)),
        "lives": state.lives,
        "ending": walk.ending(state),
    }


def test_the_player_and_the_proof_play_the_flagship_by_the_same_rules(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    scenario = flagship_scenario()
    proof = prove_scenario(scenario)
    assert proof.best_path and proof.passing_path
    paths = {
        "best": [s.choice for s in proof.best_path],
        "passing": [s.choice for s in proof.passing_path],
        "out of lives": ["lower-voice", "apologize-reset", "search-by-name", "share-anyway"],
        "timed out": ["timeout", "pass-to-manager"],
    }
    data = tmp_path / "scenario.json"
    data.write_text(json.dumps({"scenario": scenario_data(scenario, "p"), "paths": paths}))
    script = f"""
        import {{ advance, moveFor, startRun }} from {json.dumps(RUNTIME.as_uri())};
        import {{ readFileSync }} from "node:fs";
        const {{ scenario, paths }} = JSON.parse(readFileSync({json.dumps(str(data))}, "utf8"));
        const out = {{}};
        for (const [name, path] of Object.entries(paths)) {{
          let run = startRun(scenario);
          for (const step of path) run = advance(scenario, run, moveFor(scenario, run, step));
          const {{ scene, points, lives, ending }} = run;
          out[name] = {{ scene, points, lives, ending }};
        }}
        console.log(JSON.stringify(out));
    """
    result = subprocess.run(
        [node, "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    played = json.loads(result.stdout)
    assert played == {name: play_in_python(scenario, path) for name, path in paths.items()}
    assert played["out of lives"]["ending"] == "failure"
    assert played["best"]["ending"] == "success"
