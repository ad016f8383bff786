"""The player's words: one table, English and Spanish, chosen by the course."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from paths import REPO_ROOT

from scormkit.build import build
from scormkit.errors import BuildError
from scormkit.plan import make_plan
from scormkit.plan.player_data import course_data
from scormkit.player_text import PLAYER_TEXT, player_language
from scormkit.render import render_course
from scormkit.spec import Course
from scormkit.targets import TARGETS

RUNTIME = REPO_ROOT / "src" / "scormkit" / "runtime"


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
        ({"language": "fr-CA"}, "fr"),
        ({"language": "it"}, "en"),
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


def test_the_spec_rewords_any_player_text_and_a_misspelt_key_is_an_error() -> None:
    informal = course(language="es", player_text={"resume_question": "¿Sigues donde lo dejaste?"})
    text = course_data(informal, "scorm12")["text"]
    assert text["resume_question"] == "¿Sigues donde lo dejaste?"
    assert text["resume_continue"] == PLAYER_TEXT["es"]["resume_continue"]
    with pytest.raises(BuildError) as caught:
        course_data(course(player_text={"resume_questoin": "Go on?"}), "scorm12")
    assert str(caught.value) == (
        "player_text: no player text called 'resume_questoin' (did you mean 'resume_question'?)"
    )


@pytest.mark.parametrize(
    ("language", "warning"),
    [
        (
            "it",
            "language: the player has no text in 'it', so it speaks English; set "
            "`player_language` (en, es, fr, de, pt) and `player_text` to choose",
        ),
        ("pt-BR", None),
        ("de", None),
    ],
)
def test_a_course_language_without_player_text_builds_with_a_warning(
    language: str, warning: str | None, tmp_path: Path
) -> None:
    said: list[str] = []
    build(course(language=language), "scorm12", tmp_path, on_warning=said.append)
    assert said == ([warning] if warning else [])


def test_counts_are_never_zero_and_plural_forms_come_from_the_table() -> None:
    # The finish message lists only what is left, each in its own singular or plural form.
    for table in PLAYER_TEXT.values():
        assert "(s)" not in "".join(table.values())
        for key in ("open_pages", "open_questions", "unplayed", "module_count"):
            assert f"{key}_one" in table and "{n}" in table[key]
