"""Question files from other tools (GIFT, Aiken, Moodle XML) read into a bank's spec data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scormkit.errors import Location, Problem
from scormkit.spec.document import Document, SourceMap

# Moodle's category paths start with a context (`$course$`, `$system$`...) and `top`.
_CONTEXT = re.compile(r"^\$[a-z0-9]+\$$")
FORMATS = {".gift": "gift", ".txt": "aiken", ".aiken": "aiken", ".xml": "moodle-xml"}


@dataclass
class QuestionFile:
    """What reading a question file found: questions as spec data, and where each starts."""

    questions: list[dict[str, Any]] = field(default_factory=list)
    places: list[tuple[int, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # unsupported kinds, left out on request


class QuestionMaker:
    """Gives each imported question a unique id and its tags, or reports it unsupported."""

    def __init__(self, found: QuestionFile, shown_as: str, skip_unsupported: bool) -> None:
        self.found, self.shown_as, self.skip = found, shown_as, skip_unsupported
        self.ids: set[str] = set()

    def add(self, data: dict[str, Any], tags: list[str], line: int, column: int) -> None:
        title = data.pop("title", None)
        base = slug(title) if title else ""
        ident = base or f"q{len(self.found.questions) + len(self.found.skipped) + 1}"
        n = 1
        while ident in self.ids:
            n += 1
            ident = f"{base or 'q'}-{n}"
        self.ids.add(ident)
        question = {"id": ident, "type": data.pop("type"), **data}
        if tags:
            question["tags"] = list(tags)
        self.found.questions.append({k: v for k, v in question.items() if v is not None})
        self.found.places.append((line, column))

    def unsupported(self, line: int, column: int, why: str) -> None:
        problem = Problem(Location(self.shown_as, line, column), "", why)
        if self.skip:
            self.found.skipped.append(problem)
        else:
            message = f"{why}; remove it, or skip such questions with --skip-unsupported"
            self.found.problems.append(Problem(problem.where, "", message))


def slug(text: str) -> str:
    """`text` as a spec id: lower case letters, digits and '-', starting with a letter."""
    out = re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-_")
    out = re.sub(r"^[^a-z]+", "", out)[:64].rstrip("-")
    return out


def category_tags(path: str) -> list[str]:
    """`$course$/top/Geography/Capitals` -> ['geography', 'capitals']."""
    parts = [p.strip() for p in path.strip().split("/") if p.strip()]
    while parts and (_CONTEXT.match(parts[0]) or parts[0].lower() == "top"):
        parts.pop(0)
    return [s for s in (slug(p) for p in parts) if s]


def read_question_file(
    path: Path, shown_as: str, kind: str | None = None, *, skip_unsupported: bool = False
) -> QuestionFile:
    """Read `path` as `kind` (gift, aiken, moodle-xml; default: by its suffix)."""
    from scormkit.spec.aiken import read_aiken
    from scormkit.spec.gift import read_gift
    from scormkit.spec.moodlexml import read_moodle_xml

    kind = kind or FORMATS.get(path.suffix.lower())
    try:
        data = path.read_bytes()
    except OSError as exc:
        message = "no such file" if isinstance(exc, FileNotFoundError) else str(exc.strerror)
        return QuestionFile(problems=[Problem(Location(shown_as), "", message)])
    if kind == "moodle-xml":
        return read_moodle_xml(data, shown_as, skip_unsupported=skip_unsupported)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        message = "not UTF-8 text; save the file as UTF-8"
        return QuestionFile(problems=[Problem(Location(shown_as), "", message)])
    if kind == "aiken":
        return read_aiken(text, shown_as)
    return read_gift(text, shown_as, skip_unsupported=skip_unsupported)


def bank_document(bank_id: str, found: QuestionFile, shown_as: str) -> Document:
    """A bank's spec data made of `found`, with each question placed at its source line."""
    source = SourceMap(shown_as)
    source.values[()] = (1, 1)
    for i, place in enumerate(found.places):
        source.values[("questions", i)] = place
    data = {"id": bank_id, "questions": found.questions}
    return Document(data, source, list(found.problems), set())
