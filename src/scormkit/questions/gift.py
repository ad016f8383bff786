"""GIFT, Moodle's question text format: the notation each question type writes its answers in.

Moodle Docs, "GIFT format": `=` a right answer, `~` a wrong one (`~%50%` with a weight), `#` the
answer's feedback, `####` the question's general feedback, `#` first for a numeric answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scormkit.questions.question import QuestionBase


def escape(text: str) -> str:
    """Text with GIFT's special characters escaped and line breaks as `\\n`."""
    return re.sub(r"([\\~=#{}:])", r"\\\1", text).replace("\n", r"\n")


def feedback(text: str | None) -> str:
    """An answer's feedback, `#text`, or nothing."""
    return f"#{escape(text)}" if text else ""


def general_feedback(question: QuestionBase) -> str | None:
    """The feedback shown whatever the answer (right and wrong say the same), if any."""
    same = question.correct_feedback == question.incorrect_feedback
    return question.correct_feedback if same else None


def general_tail(question: QuestionBase) -> str:
    """The question's general feedback, `####text`, or nothing."""
    general = general_feedback(question)
    return f"####{escape(general)}" if general else ""


def answer_lines(question: QuestionBase, lines: list[str]) -> str:
    """The answers between the braces, one line each, then the general feedback."""
    tail = general_tail(question)
    return "".join(f"\n  {line}" for line in lines) + (f"\n  {tail}" if tail else "") + "\n"


def right_feedback_lost(question: QuestionBase) -> list[str]:
    """`correct_feedback`, when a form with feedback per answer only cannot carry it."""
    own = question.correct_feedback != question.incorrect_feedback and question.correct_feedback
    return ["correct_feedback"] if own else []
