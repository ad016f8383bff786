"""Each role-play is proved once per build: every target, every launch unit, every package of
a batch (on one process or several) reuses the proof made when the spec was checked."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from paths import TESTS

import scormkit.scenario.proof
from scormkit import build
from scormkit.batch import plan_jobs, run_batch
from scormkit.errors import SpecError
from scormkit.scenario.proof_cache import forget_proofs, proof_of
from scormkit.spec.activities import Scenario
from scormkit.targets import TARGETS

DRILL = """\
        activity: &drill
          type: scenario
          id: drill
          title: Fire drill
          start: smoke
          dimensions: [safety]
          scenes:
            - id: smoke
              line: You smell smoke.
              choices:
                - id: look
                  text: Look again
                  goto: smoke
                  points: {safety: 1}
                  requires: [{of: safety, at_most: 3}]
                - {id: leave, text: Leave, goto: outside}
            - id: outside
              line: You are outside.
              ending: success
"""
SPEC = f"""\
id: drills
title: Drills
packaging: {{launch_per_module: true}}
modules:
  - id: one
    title: One
    pages:
      - id: first
        title: First
{DRILL}
  - id: two
    title: Two
    pages:
      - id: second
        title: Second
        activity: {{<<: *drill, id: drill-two}}
"""


@pytest.fixture
def proofs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A log of proof runs, one scenario id a line, written by this process and its children."""
    log = tmp_path / "proofs.log"
    log.touch()
    real = scormkit.scenario.proof.prove_scenario

    def logged(scenario, *args, **kwargs):  # type: ignore[no-untyped-def]
        with log.open("a") as out:
            out.write(scenario.id + "\n")
        return real(scenario, *args, **kwargs)

    monkeypatch.setattr(scormkit.scenario.proof, "prove_scenario", logged)
    forget_proofs()
    yield log
    forget_proofs()


def runs(log: Path) -> Counter[str]:
    return Counter(log.read_text().split())


def spec(tmp_path: Path) -> Path:
    path = tmp_path / "drills.yaml"
    path.write_text(SPEC)
    return path


def test_every_target_in_both_launch_modes_proves_each_role_play_once(
    tmp_path: Path, proofs: Path
) -> None:
    course = spec(tmp_path)
    built = []
    for target in TARGETS:
        for per_module in (False, True) if target != "xapi" else (False,):
            built.append(
                build(course, target, tmp_path / f"{per_module}", launch_per_module=per_module)
            )
    assert len(built) == 9
    assert runs(proofs) == {"drill": 1, "drill-two": 1}


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_proves_each_role_play_once(tmp_path: Path, proofs: Path, workers: int) -> None:
    if workers > 1 and multiprocessing.get_start_method() != "fork":
        pytest.skip("the proof log is patched in here; only forked workers inherit it")
    targets = [t for t in TARGETS if t != "xapi"]  # xAPI has no launch per module
    jobs = plan_jobs([spec(tmp_path)], targets, ["generic", "moodle"], tmp_path / "out")
    reports = run_batch(jobs, workers)
    assert [r.errors for r in reports if not r.ok] == []
    assert len(reports) == 8
    assert runs(proofs) == {"drill": 1, "drill-two": 1}


def test_a_role_play_too_large_to_prove_is_explored_once_however_often_it_is_built(
    proofs: Path,
) -> None:
    endless = TESTS / "bad_specs" / "scenario-too-many-states.yaml"
    for target in ("scorm12", "cmi5"):
        with pytest.raises(SpecError) as caught:
            build(endless, target, proofs.parent / "out")
        assert "more than 100000 distinct situations" in str(caught.value)
    assert runs(proofs) == {"drill": 1}


def test_a_proof_made_once_answers_any_budget_without_exploring_again(proofs: Path) -> None:
    drill = Scenario.model_validate(yaml.safe_load(DRILL.replace("&drill", ""))["activity"])
    whole = proof_of(drill)
    assert whole.proved and whole.states == 10  # safety 0..4 at the smoke, and each way out
    assert proof_of(drill, 100, spent=90) is whole  # exactly what is left: still proved
    short = proof_of(drill, 100, spent=91)
    assert not short.proved
    assert short.problems[0].message.startswith(
        "the scenario has more distinct situations (scene, variables, lives and points) than "
        "the 9 left to prove it: the role-plays of a spec may explore 100 in all, and the ones "
        "before this one took 91;"
    )
    assert runs(proofs) == {"drill": 1}
