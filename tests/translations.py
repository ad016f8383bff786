"""Pseudo-translations for the locale tests: every string of a catalog marked as Spanish."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po
from paths import REPO_ROOT

MARK = "es· "


def copy_specs(folder: Path) -> Path:
    """A copy of course_specs/ (specs and their assets) under `folder`."""
    return Path(shutil.copytree(REPO_ROOT / "course_specs", folder / "course_specs"))


def pseudo_translate(po: Path, locale: str = "es", *, leave: int = 0) -> int:
    """Fill the PO file's translations with the source text marked `MARK`; leave the last
    `leave` messages untranslated. Returns how many were translated."""
    with po.open("rb") as source:
        catalog = read_po(source, locale=locale)
    messages = [m for m in catalog if m.id]
    for message in messages[: len(messages) - leave]:
        message.string = MARK + str(message.id)
    with po.open("wb") as out:
        write_po(out, catalog, width=100)
    return len(messages) - leave
