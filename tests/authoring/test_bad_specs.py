"""Every spec in bad_specs/ fails to load with exactly the problems in its .txt twin.

Adding a case is two files: `bad_specs/<name>.yaml` (or `.json`) and `bad_specs/<name>.txt`
holding what a user sees, one problem a line. Assets the specs use live in bad_specs/assets/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import TESTS

from scormkit import SpecError, load_course

BAD = TESTS / "bad_specs"
CASES = sorted(p.name for p in BAD.iterdir() if p.suffix in (".yaml", ".json"))


@pytest.mark.parametrize("name", CASES)
def test_a_bad_spec_reports_exactly_its_problems(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    with pytest.raises(SpecError) as caught:
        load_course(Path(name))
    assert f"{caught.value}\n" == (BAD / name).with_suffix(".txt").read_text(encoding="utf-8")


def test_every_bad_spec_has_its_expected_output_and_nothing_is_left_over() -> None:
    specs = {Path(name).stem for name in CASES}
    outputs = {p.stem for p in BAD.glob("*.txt")}
    assert sorted(outputs - specs) == []
    assert sorted(specs - outputs) == []
