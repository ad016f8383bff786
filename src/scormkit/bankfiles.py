"""Question banks as files: import from GIFT, Aiken or Moodle XML; export to GIFT."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from scormkit.errors import Problem, SpecError
from scormkit.questions.gift import escape
from scormkit.spec.banks import Bank
from scormkit.spec.explain import validation_problems
from scormkit.spec.questionfile import bank_document, read_question_file, slug
from scormkit.spec.source import read_document

KINDS = ("gift", "aiken", "moodle-xml")


def import_bank(
    path: Path, kind: str, bank_id: str | None = None, *, skip_unsupported: bool = False
) -> tuple[Bank, list[Problem]]:
    """The bank in question file `path`, and the unsupported questions left out on request."""
    found = read_question_file(path, str(path), kind, skip_unsupported=skip_unsupported)
    document = bank_document(bank_id or slug(path.stem) or "bank", found, str(path))
    if found.problems:
        raise SpecError(found.problems)
    return _validated(document.data, document), found.skipped


def load_bank(path: Path) -> Bank:
    """The bank in a YAML or JSON bank file (as `scormkit import` writes them)."""
    document = read_document(path, str(path))
    if document.problems:
        raise SpecError(document.problems)
    return _validated(document.data, document)


def _validated(data: Any, document: Any) -> Bank:
    try:
        return Bank.model_validate(data)
    except ValidationError as exc:
        raise SpecError(validation_problems(exc, data, document.source, Bank)) from None


def bank_yaml(bank: Bank) -> str:
    """`bank` as a YAML bank file, with only the fields that differ from their defaults."""
    data = bank.model_dump(mode="json", exclude_defaults=True)
    data["questions"] = [
        {"id": model.id, "type": model.type, **question}  # the discriminator, always written
        for question, model in zip(data["questions"], bank.questions, strict=True)
    ]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def bank_gift(bank: Bank) -> tuple[str, list[str]]:
    """`bank` in GIFT, and what GIFT cannot say (left out or lost), one message a question."""
    out: list[str] = [f"// {bank.title or bank.id}: exported by scormkit\n"]
    lost: list[str] = []
    tags: list[str] = []
    for question in bank.questions:
        if question.tags != tags:
            tags = question.tags
            out.append(f"$CATEGORY: $course$/top/{'/'.join(tags)}\n")
        body = question.gift_answers()
        if body is None:
            lost.append(f"{question.id}: a {question.type} question has no GIFT form; left out")
            continue
        dropped = question.gift_loses()
        if dropped:
            lost.append(f"{question.id}: GIFT has no {', '.join(dropped)}; left out")
        out.append(f"::{escape(question.id)}:: {escape(question.prompt)} {{{body}}}\n")
    return "\n".join(out), lost
