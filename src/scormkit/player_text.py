"""Everything the player says, in each language it speaks: the one place for its words.

Templates read these as `text.<key>`; the runtime gets them in the course JSON (`text`) and
fills `{name}` placeholders with runtime/text.js. A key ending in `_one` (or another CLDR
plural category) is the form of the key without it for such a count `{n}`; the player never
shows a count of zero. The tables, one module a language, are in player_words/.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from scormkit.errors import BuildError
from scormkit.player_words import english, french, german, portuguese, spanish
from scormkit.spec.models import Course

PLAYER_TEXT: dict[str, dict[str, str]] = {
    "en": english.TEXT,
    "es": spanish.TEXT,
    "fr": french.TEXT,
    "de": german.TEXT,
    "pt": portuguese.TEXT,
}


def player_language(course: Course) -> str:
    """The language the player speaks: the spec's `player_language`, else the course's own,
    else English."""
    if course.player_language is not None:
        return course.player_language
    primary = course.language.split("-")[0].lower()
    return primary if primary in PLAYER_TEXT else "en"


def player_language_warning(course: Course) -> str | None:
    """Why the player speaks another language than the course, when it falls back to one."""
    primary = course.language.split("-")[0].lower()
    if course.player_language is not None or primary in PLAYER_TEXT:
        return None
    return (
        f"language: the player has no text in '{course.language}', so it speaks English; "
        f"set `player_language` ({', '.join(PLAYER_TEXT)}) and `player_text` to choose"
    )


def player_text(course: Course) -> dict[str, str]:
    """Every string the player shows for `course`, by key, with the spec's own wording."""
    table = PLAYER_TEXT[player_language(course)]
    unknown = sorted(set(course.player_text) - set(table))
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(table), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise BuildError(f"player_text: no player text called '{unknown[0]}'{hint}")
    return {**table, **course.player_text}


def survey_scale(text: Mapping[str, str]) -> list[str]:
    """The default likert scale: five levels of agreement, in the player's language."""
    return text["agreement"].split("|")
