"""Modules and banks kept in their own files: `{include: modules/intake.yaml}` in the spec."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scormkit.errors import Problem, SpecError
from scormkit.spec.document import Document, PathKey, format_path, quote
from scormkit.spec.questionfile import FORMATS, bank_document, read_question_file, slug
from scormkit.spec.source import read_document

# What each list of the course may include, and the extra keys an include entry may carry.
_EXTRA = {"modules": set(), "banks": {"id", "skip_unsupported"}}


def mount_includes(document: Document, spec: Path) -> None:
    """Replace every include entry of `document` by the file it names, in place.

    The included file's positions are mounted into `document.source`, so problems in it are
    reported at its own lines; reading problems join `document.problems`.
    """
    if not isinstance(document.data, dict):
        return
    folder = spec.resolve().parent
    for key, allowed in _EXTRA.items():
        entries = document.data.get(key)
        if not isinstance(entries, list):
            continue
        for i, entry in enumerate(entries):
            if isinstance(entry, dict) and "include" in entry:
                entries[i] = _include(document, (key, i), entry, allowed, spec, folder)


def _include(
    document: Document, at: PathKey, entry: dict[str, Any], allowed: set[str], spec: Path,
    folder: Path,
) -> Any:  # fmt: skip
    # A refused include keeps its `id`, so the quizzes naming the bank are not reported too.
    kept = {"id": entry["id"]} if isinstance(entry.get("id"), str) else None

    def refuse(message: str, where: PathKey = (*at, "include")) -> None:
        document.problems.append(
            Problem(document.source.locate(where), format_path(where), message)
        )
        document.stand_ins.add(at)

    extra = sorted(set(entry) - allowed - {"include"})
    if extra:
        refuse(f"an include takes no {quote(extra[0])}; set it in the included file", (*at,))
        return kept
    name = entry["include"]
    if not isinstance(name, str) or not name:
        refuse("expected the path of a file, relative to the spec")
        return kept
    target = (spec.parent / name).resolve()
    if not target.is_relative_to(folder):
        refuse(f"{quote(name)} is outside the spec's folder; includes stay inside it")
        return kept
    if target == spec.resolve():
        refuse(f"{quote(name)} is the spec itself: an include cycle")
        return kept
    if not target.is_file():
        refuse(f"file {quote(name)} not found next to the spec")
        return kept
    shown = (Path(document.source.file).parent / name).as_posix()
    if at[0] == "banks" and target.suffix.lower() in FORMATS:
        skip = entry.get("skip_unsupported") is True
        found = read_question_file(target, shown, skip_unsupported=skip)
        bank_id = entry.get("id") or slug(target.stem) or "bank"
        included = bank_document(str(bank_id), found, shown)
    else:
        try:
            included = read_document(target, shown)
        except SpecError as exc:
            document.problems.extend(exc.problems)
            document.stand_ins.add(at)
            return kept
    if isinstance(included.data, dict) and isinstance(entry.get("id"), str):
        included.data["id"] = entry["id"]
    document.source.mounts[at] = included.source
    document.problems.extend(included.problems)
    document.stand_ins.update((*at, *path) for path in included.stand_ins)
    return included.data
