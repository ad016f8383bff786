"""Question banks as files: import from GIFT, Aiken or Moodle XML; export to GIFT."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from scormkit.errors import Problem, SpecError
from scormkit.questions import (
    FillIn,
    Matching,
    MultipleChoice,
    Numeric,
    Question,
    SingleChoice,
    TrueFalse,
)
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
        body = _answers(question)
        if body is None:
            lost.append(f"{question.id}: a {question.type} question has no GIFT form; left out")
            continue
        dropped = _dropped(question)
        if dropped:
            lost.append(f"{question.id}: GIFT has no {', '.join(dropped)}; left out")
        out.append(f"::{_escape(question.id)}:: {_escape(question.prompt)} {{{body}}}\n")
    return "\n".join(out), lost


def _answers(q: Question) -> str | None:
    general = q.correct_feedback if q.correct_feedback == q.incorrect_feedback else None
    tail = f"####{_escape(general)}" if general else ""
    if isinstance(q, SingleChoice):
        lines = [
            f"{'=' if c.correct else '~'}{_escape(c.text)}{_fb(c.feedback)}" for c in q.choices
        ]
    elif isinstance(q, MultipleChoice):
        right = sum(c.correct for c in q.choices)
        wrong = len(q.choices) - right
        lines = [
            f"~%{100 / right if c.correct else -100 / wrong:.5g}%{_escape(c.text)}{_fb(c.feedback)}"
            for c in q.choices
        ]
    elif isinstance(q, TrueFalse):
        said_wrong, said_right = (q.false_feedback, q.true_feedback)
        if not q.answer:
            said_wrong, said_right = said_right, said_wrong
        feedback = (
            f"#{_escape(said_wrong or '')}{_fb(said_right)}" if said_right else _fb(said_wrong)
        )
        lines = [f"{'T' if q.answer else 'F'}{feedback}"]
    elif isinstance(q, FillIn):
        own = None if general else q.correct_feedback
        lines = [f"={_escape(a)}{_fb(own)}" for a in q.accepted]
    elif isinstance(q, Matching):
        lines = [f"={_escape(p.source)} -> {_escape(p.target)}" for p in q.pairs]
    elif isinstance(q, Numeric):
        own = None if general else q.correct_feedback
        if q.answer is None:
            value = f"{q.min:g}..{q.max:g}"
        else:
            value = f"{q.answer:g}" + (f":{q.tolerance:g}" if q.tolerance else "")
        return f"#{value}{_fb(own)}{tail}"
    else:
        return None
    return "".join(f"\n  {line}" for line in lines) + (f"\n  {tail}" if tail else "") + "\n"


def _dropped(q: Question) -> list[str]:
    """Fields set on `q` that its GIFT form cannot carry."""
    dropped = [name for name in ("hint",) if getattr(q, name)]
    if q.weight != 1:
        dropped.append("weight")
    if q.attempts != 1:
        dropped.append("attempts")
    if q.correct_feedback != q.incorrect_feedback and q.incorrect_feedback:
        dropped.append("incorrect_feedback")
    if isinstance(q, SingleChoice | MultipleChoice | TrueFalse | Matching) and (
        q.correct_feedback != q.incorrect_feedback and q.correct_feedback
    ):
        dropped.append("correct_feedback")
    if isinstance(q, SingleChoice | MultipleChoice) and q.shuffle:
        dropped.append("shuffle")
    if isinstance(q, FillIn) and (q.case_sensitive or not q.normalize_whitespace):
        dropped.append("case_sensitive/normalize_whitespace")
    if isinstance(q, Numeric) and q.unit:
        dropped.append("unit")
    return dropped


def _fb(text: str | None) -> str:
    return f"#{_escape(text)}" if text else ""


def _escape(text: str) -> str:
    """Text with GIFT's special characters escaped and line breaks as `\\n`."""
    return re.sub(r"([\\~=#{}:])", r"\\\1", text).replace("\n", r"\n")
