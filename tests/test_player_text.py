"""The player's words: one table, English and Spanish, chosen by the course."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scormkit.plan import make_plan
from scormkit.plan.player_data import course_data
from scormkit.player_text import PLAYER_TEXT, player_language
from scormkit.render import render_course
from scormkit.spec import Course
from scormkit.targets import TARGETS

RUNTIME = Path(__file__).resolve().parents[1] / "src" / "scormkit" / "runtime"


def course(**fields: object) -> Course:
    page = {"id": "p", "title": "P", "blocks": [{"type": "text", "markdown": "Hi."}]}
    modules = [{"id": "m", "title": "M", "pages": [page]}]
    return Course.model_validate({"id": "c", "title": "C", "modules": modules, **fields})


def test_every_language_has_every_string_with_the_same_placeholders() -> None:
    english = PLAYER_TEXT["en"]
    for language, table in PLAYER_TEXT.items():
        assert table.keys() == english.keys(), language
        for key, text in table.items():
            placeholders = set(re.findall(r"\{(\w+)\}", text))
            assert placeholders == set(re.findall(r"\{(\w+)\}", english[key])), (language, key)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, "en"),
        ({"language": "es"}, "es"),
        ({"language": "es-MX"}, "es"),
        ({"language": "fr-CA"}, "en"),
        ({"language": "es-MX", "player_language": "en"}, "en"),
        ({"language": "de", "player_language": "es"}, "es"),
    ],
)
def test_the_player_speaks_the_spec_override_else_the_course_language(
    fields: dict[str, str], expected: str
) -> None:
    chosen = course(**fields)
    assert player_language(chosen) == expected
    assert course_data(chosen, "scorm12")["text"] == PLAYER_TEXT[expected]


def test_view_code_holds_no_sentence_of_its_own() -> None:
    # Words reach the view through text.js; a quoted string with a space and a capital letter
    # would be a sentence someone forgot to put in the table.
    for view in sorted(RUNTIME.glob("*view*.js")):
        code = re.sub(r"^\s*(//|\*|/\*\*).*$", "", view.read_text(), flags=re.M)
        sentences = re.findall(r"[\"'`]([A-Z][a-z]+ [^\"'`]*)[\"'`]", code)
        assert sentences == [], view.name


@pytest.mark.parametrize(
    ("fields", "marked"),
    [({"language": "es-MX"}, False), ({"language": "de", "player_language": "es"}, True)],
)
def test_player_words_in_another_language_than_the_course_say_so(
    fields: dict[str, str], marked: bool
) -> None:
    plan = make_plan(course(**fields), TARGETS["scorm12"])
    page = render_course(plan, asset_hrefs={}).data.decode()
    nav = '<nav class="sk-nav" aria-label="Páginas" lang="es">'
    assert (nav in page) is marked
    assert ('lang="es"' in page) is marked
