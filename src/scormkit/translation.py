"""Many languages from one course: its text in a gettext PO file, and the course in another one.

`update_catalog` writes the course's text to `<spec>.<locale>.po` (babel reads and writes the
PO format) and keeps the translations already there; `translate_course` gives the course in
that locale. Each message's context is its place in the spec, named by ids where there are
ids (`modules.safety.pages.intro.title`), so moving text inside a list keeps its translation.
Only text learners see is translated: ids, file names, scores and rules are not, so package
identifiers, IRIs and the resume state's layout stay the same in every locale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from scormkit.atomic import replacing
from scormkit.errors import BuildError
from scormkit.spec.models import Course

# Spec fields whose strings learners see; every other field is left as it is.
TEXT_FIELDS = frozenset({
    "title", "description", "markdown", "alt", "caption", "attribution", "transcript",
    "text", "prompt", "hint", "feedback", "correct_feedback", "incorrect_feedback",
    "true_feedback", "false_feedback", "accepted", "source", "target", "steps", "unit",
    "speaker", "line", "mood", "image_alt", "timeout_feedback", "debrief", "out_of_lives",
    "scale", "options", "logo_alt", "publisher", "name", "role",
})  # fmt: skip
# With a cast, a scene's `speaker` is a cast id and its `mood` picks a portrait: not text.
CAST_KEYS = frozenset({"speaker", "mood"})


@dataclass
class Translation:
    """A course in one locale, and what its catalog lacked."""

    course: Course
    untranslated: list[str] = field(default_factory=list)  # contexts with no translation
    stale: list[str] = field(default_factory=list)  # contexts whose source text has changed


def catalog_path(spec: Path, locale: str) -> Path:
    """Where the translation of `spec` into `locale` lives: `<spec stem>.<locale>.po` beside it."""
    return spec.with_name(f"{spec.stem}.{locale}.po")


def course_messages(course: Course) -> list[tuple[str, str]]:
    """(context, text) of every translatable string of `course`, in spec order."""
    found: list[tuple[str, str]] = []

    def keep(context: str, text: str) -> str:
        found.append((context, text))
        return text

    _walk(course.model_dump(), "", False, keep)
    return found


def update_catalog(course: Course, path: Path, locale: str) -> Catalog:
    """Write the course's messages to the PO file at `path`, keeping its translations.

    A message whose source text changed keeps its old translation marked fuzzy, with the old
    text as the previous msgid, for the translator to review; messages gone from the course
    are dropped.
    """
    old = _read(path, locale) if path.exists() else None
    previous = _by_context(old) if old else {}
    catalog = Catalog(locale=locale, project=course.id, version=course.version,
                      creation_date=old.creation_date if old else None)  # fmt: skip
    for context, text in course_messages(course):
        before = previous.get(context)
        if isinstance(before, Message) and before.string and before.id != text:
            catalog.add(text, before.string, context=context, flags=("fuzzy",),
                        previous_id=before.id)  # fmt: skip
        elif isinstance(before, Message):
            catalog.add(text, before.string, context=context, flags=before.flags)
        else:
            catalog.add(text, "", context=context)
    with replacing(path) as temp, temp.open("wb") as out:
        write_po(out, catalog, width=100, include_previous=True)
    return catalog


def translate_course(course: Course, path: Path, locale: str) -> Translation:
    """`course` with every translated string of the PO file at `path`; the rest as written."""
    if not path.exists():
        raise BuildError(f"{path}: no translation for '{locale}'; make it with: "
                         f"scormkit translate SPEC --locale {locale}")  # fmt: skip
    entries = _by_context(_read(path, locale))
    result = Translation(course)

    def translated(context: str, text: str) -> str:
        entry = entries.get(context)
        if entry is None or not entry.string:
            result.untranslated.append(context)
            return text
        if entry.id != text or entry.fuzzy:
            result.stale.append(context)
            return text
        return str(entry.string)

    data = _walk(course.model_dump(), "", False, translated)
    data["language"] = locale
    result.course = Course.model_validate(data)
    return result


def _read(path: Path, locale: str) -> Catalog:
    try:
        with path.open("rb") as source:
            return read_po(source, locale=locale)
    except (OSError, ValueError) as exc:
        raise BuildError(f"{path}: cannot read the translation: {exc}") from None


def _by_context(catalog: Catalog) -> dict[str, Message]:
    """The catalog's messages by context (each place in the spec has one message)."""
    return {str(m.context): m for m in catalog if m.id and m.context}


def _walk(
    value: Any,
    path: str,
    text: bool,
    visit: Callable[[str, str], str],
    fields: frozenset[str] = TEXT_FIELDS,
) -> Any:
    """`value` with `visit(context, string)` applied to every translatable string in it."""
    if isinstance(value, dict):
        # The theme's `text` is a colour; only its logo's text alternative is text.
        here = frozenset({"logo_alt"}) if path == "theme" else fields
        inner = fields - CAST_KEYS if value.get("cast") else fields
        return {k: _walk(v, f"{path}.{k}" if path else k, k in here, visit, inner)
                for k, v in value.items()}  # fmt: skip
    if isinstance(value, list):
        return [
            _walk(item, f"{path}.{_name(item, i)}", text, visit, fields)
            for i, item in enumerate(value)
        ]
    if isinstance(value, str) and text and value.strip():
        return visit(path, value)
    return value


def _name(item: Any, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return str(item["id"])
    return str(index)
