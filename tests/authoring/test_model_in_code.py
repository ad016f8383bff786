"""Courses built in code: one import place, `type` filled in, problems as SpecErrors."""

from __future__ import annotations

from pathlib import Path

import pytest

import scormkit
from scormkit.errors import SpecError
from scormkit.model import (
    Bank,
    BankPick,
    Course,
    Image,
    Module,
    Page,
    Quiz,
    Scenario,
    ScenarioChoice,
    Scene,
    Text,
    TrueFalse,
)


def test_constructors_fill_in_the_type_that_names_the_model() -> None:
    assert Text(markdown="Hello.").type == "text"
    assert TrueFalse(id="q", prompt="Sky is blue.", answer=True).type == "true_false"


def test_a_model_built_wrongly_raises_a_spec_error_at_its_line_naming_the_model_and_path() -> None:
    with pytest.raises(SpecError) as caught:
        blocks = [Text(markdown="x"), {"type": "image", "src": "a.png"}]
        Page(id="p", title="T", blocks=blocks)  # a block without alt
    here = f"{__file__}:{line_of('# a block without alt')}"
    assert str(caught.value) == f"{here}: Page: blocks[1].alt: missing required field 'alt'"
    with pytest.raises(SpecError) as caught:
        Image(src="a.png", alt="")  # empty alt
    here = f"{__file__}:{line_of('# empty alt')}"
    assert str(caught.value) == f"{here}: Image: alt: must not be empty"


def test_a_course_built_in_code_reports_problems_with_their_paths(tmp_path: Path) -> None:
    bank = Bank(id="facts", questions=[TrueFalse(id="sky", prompt="Blue?", answer=True)])
    quiz = Quiz(id="check", banks=[BankPick(bank="fact")])  # the bad pick
    pages = [
        Page(id="intro", title="Intro", blocks=[Image(src="nowhere.png", alt="-")]),  # no image
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
    here = __file__
    assert str(caught.value).splitlines() == [
        f"{here}:{line_of('# the bad pick')}: modules[0].pages[1].activity.banks[0].bank: no "
        "bank 'fact' (facts)",
        f"{here}:{line_of('# no image')}: modules[0].pages[0].blocks[0].src: file 'nowhere.png' "
        "not found next to the spec",
    ]


def test_a_course_validated_from_plain_data_reports_problems_under_its_id(tmp_path: Path) -> None:
    page = {"id": "p", "title": "P", "blocks": [{"type": "image", "src": "gone.png", "alt": "-"}]}
    module = {"id": "m", "title": "M", "pages": [page]}
    course = Course.model_validate({"id": "plain", "title": "Plain", "modules": [module]})
    with pytest.raises(SpecError) as caught:
        scormkit.build(course, out_dir=tmp_path, base_dir=tmp_path)
    assert str(caught.value) == (
        "course 'plain': modules[0].pages[0].blocks[0].src: file 'gone.png' not found next to "
        "the spec"
    )


def line_of(text: str) -> int:
    """The line of this file that holds `text`, once."""
    lines = Path(__file__).read_text(encoding="utf-8").splitlines()
    (number,) = [n for n, line in enumerate(lines, 1) if line.endswith(text)]
    return number


def test_problems_of_a_course_built_in_code_point_at_the_lines_that_built_them(
    tmp_path: Path,
) -> None:
    stay = Scene(id="office", line="Smoke in the corridor.", choices=[
        ScenarioChoice(id="run", text="Take the stairs", goto="stairz"),  # the bad goto
        ScenarioChoice(id="wait", text="Wait", goto="safe"),
    ])  # fmt: skip
    safe = Scene(id="safe", line="You are out.", ending="success")
    drill = Scenario(id="drill", title="Drill", start="office", scenes=[stay, safe])
    gone = {"type": "image", "src": "gone.png", "alt": "-"}
    pages = [
        Page(id="intro", title="Intro", blocks=[gone]),  # the intro page
        Page(id="drill-page", title="Drill", activity=drill),
    ]
    course = Course(id="in-code", title="In code", modules=[Module(id="m", title="M", pages=pages)])
    with pytest.raises(SpecError) as caught:
        scormkit.build(course, out_dir=tmp_path, base_dir=tmp_path)
    here, goto, intro = __file__, line_of("# the bad goto"), line_of("# the intro page")
    assert str(caught.value).splitlines() == [
        f"{here}:{goto}: modules[0].pages[1].activity.scenes[0].choices[0].goto: no scene 'stairz'",
        # A block given as a dict has no line of its own: its page's is the nearest.
        f"{here}:{intro}: modules[0].pages[0].blocks[0].src: file 'gone.png' "
        "not found next to the spec",
    ]
