"""Modules and banks in their own files, with problems reported in those files."""

from __future__ import annotations

from pathlib import Path

import pytest

from scormkit.errors import SpecError
from scormkit.spec import load_course

COURSE = """\
id: ward
title: Ward induction
banks:
  - include: banks/safety.yaml
modules:
  - include: modules/intake.yaml
  - id: close
    title: Closing
    pages:
      - id: bye
        title: Goodbye
        activity:
          type: quiz
          id: final
          banks: [{bank: safety}]
"""
INTAKE = """\
id: intake
title: Intake
pages:
  - id: welcome
    title: Welcome
    blocks:
      - type: text
        markdown: Hello.
"""
SAFETY = """\
id: safety
questions:
  - id: exits
    type: true_false
    prompt: Fire exits may be locked at night.
    answer: false
"""


def write(folder: Path, intake: str = INTAKE, safety: str = SAFETY) -> Path:
    (folder / "modules").mkdir()
    (folder / "banks").mkdir()
    (folder / "modules" / "intake.yaml").write_text(intake)
    (folder / "banks" / "safety.yaml").write_text(safety)
    spec = folder / "course.yaml"
    spec.write_text(COURSE)
    return spec


def test_a_module_and_a_bank_in_their_own_files_make_one_course(tmp_path: Path) -> None:
    course = load_course(write(tmp_path))
    assert [m.id for m in course.modules] == ["intake", "close"]
    assert [q.id for m in course.modules for p in m.pages if p.activity
            for q in getattr(p.activity, "questions", [])] == ["final-exits"]  # fmt: skip


def test_problems_in_included_files_point_into_those_files(tmp_path: Path) -> None:
    intake = INTAKE.replace("    title: Welcome\n", "    titel: Welcome\n")
    safety = SAFETY.replace("answer: false", "answer: no")
    spec = write(tmp_path, intake, safety)
    with pytest.raises(SpecError) as caught:
        load_course(spec)
    assert str(caught.value).splitlines() == [
        f"{tmp_path / 'banks' / 'safety.yaml'}:6:13: banks[0].questions[0].answer: 'no' is "
        "text here, not a boolean: write true or false",
        f"{tmp_path / 'modules' / 'intake.yaml'}:5:5: modules[0].pages[0].titel: unknown field "
        "'titel' (did you mean 'title'?)",
    ]
