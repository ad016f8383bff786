"""Courses built in code: one import place, `type` filled in, problems as SpecErrors."""

from __future__ import annotations

from pathlib import Path

import pytest

import scormkit
from scormkit.errors import SpecError
from scormkit.model import Bank, BankPick, Course, Image, Module, Page, Quiz, Text, TrueFalse


def test_constructors_fill_in_the_type_that_names_the_model() -> None:
    assert Text(markdown="Hello.").type == "text"
    assert TrueFalse(id="q", prompt="Sky is blue.", answer=True).type == "true_false"


def test_a_model_built_wrongly_raises_a_spec_error_naming_the_model_and_the_path() -> None:
    with pytest.raises(SpecError) as caught:
        Page(id="p", title="T", blocks=[Text(markdown="x"), {"type": "image", "src": "a.png"}])
    assert str(caught.value) == "Page: blocks[1].alt: missing required field 'alt'"
    with pytest.raises(SpecError) as caught:
        Image(src="a.png", alt="")
    assert str(caught.value) == "Image: alt: must not be empty"


def test_a_course_built_in_code_reports_problems_with_their_paths(tmp_path: Path) -> None:
    bank = Bank(id="facts", questions=[TrueFalse(id="sky", prompt="Blue?", answer=True)])
    quiz = Quiz(id="check", banks=[BankPick(bank="fact")])
    pages = [
        Page(id="intro", title="Intro", blocks=[Image(src="nowhere.png", alt="Nothing")]),
        Page(id="check-page", title="Check", activity=quiz),
    ]
    course = Course(
        id="in-code",
        title="In code",
        modules=[Module(id="m", title="M", pages=pages)],
        banks=[bank],
    )
    with pytest.raises(SpecError) as caught:
        scormkit.build(course, out_dir=tmp_path, base_dir=tmp_path)
    assert str(caught.value).splitlines() == [
        "course 'in-code': modules[0].pages[0].blocks[0].src: file 'nowhere.png' not found next "
        "to the spec",
        "course 'in-code': modules[0].pages[1].activity.banks[0].bank: no bank 'fact' (facts)",
    ]
