"""Observation results files: every problem at once, at file:line:column, within limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import FLAGSHIP_SPEC

from scormkit import load_course
from scormkit.errors import SpecError
from scormkit.limits import MAX_VALUES
from scormkit.observe import read_results

BROKEN = """\
observation: oa-front-desk-check-in
observed_at: "2026-11-20T10:15:00"
observer: {name: Dana Reyes}
criteria:
  greets-promptly: yes
  uses-name: true
  smiles: true
when: today
"""


def test_every_problem_of_a_results_file_is_listed_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "results.yaml"
    path.write_text(BROKEN)
    with pytest.raises(SpecError) as caught:
        read_results(path, load_course(FLAGSHIP_SPEC))
    assert str(caught.value).splitlines() == [
        f"{path}:2:14: observed_at: give a time with a zone, e.g. 2026-11-20T10:15Z",
        f"{path}:3:11: observer: give at least the observer's email: {{name: ..., email: ...}}",
        f"{path}:5:3: criteria: checklist 'oa-front-desk-check-in' also needs "
        "verifies-identity, protects-privacy, explains-wait, checks-understanding",
        f"{path}:5:20: criteria.greets-promptly: criterion 'greets-promptly': "
        "write true (met) or false, not 'yes'",
        f"{path}:7:3: criteria.smiles: criterion 'smiles' is not in checklist "
        "'oa-front-desk-check-in'",
        f"{path}:8:1: when: unknown field 'when'; the fields are "
        "observation, observed_at, observer, criteria",
    ]


def test_aliases_in_a_results_file_cannot_expand_past_the_value_limit(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}" + f", *{chr(97 + i)}" * 9 + "]"
              for i in range(8)]  # fmt: skip
    path = tmp_path / "results.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size < 1000
    with pytest.raises(SpecError, match=f"more than {MAX_VALUES} values"):
        read_results(path)
