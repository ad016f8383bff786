"""Generated courses of any size, for the budget tests and benchmarks/state_size.py."""

from __future__ import annotations

from typing import Any

from scormkit.spec import Course

QUESTION_TYPES = ("single_choice", "multiple_choice", "true_false", "matching", "sequencing")


def _question(n: int) -> dict[str, Any]:
    kind = QUESTION_TYPES[n % len(QUESTION_TYPES)]
    question: dict[str, Any] = {"id": f"q{n}", "type": kind, "prompt": f"Question {n}?"}
    if kind in ("single_choice", "multiple_choice"):
        question["choices"] = [{"text": "Right", "correct": True}, {"text": "B"}, {"text": "C"}]
    elif kind == "true_false":
        question["answer"] = True
    elif kind == "matching":
        question["pairs"] = [{"source": "A", "target": "1"}, {"source": "B", "target": "2"}]
    else:
        question["steps"] = ["First", "Second", "Third"]
    return question


def generated_course(pages: int, questions: int, per_quiz: int = 10, quiz_every: int = 1) -> Course:
    """A course of `pages` pages in modules of 20; quizzes of `per_quiz` of the `questions`
    (every kind but typed ones) on the first pages, or on every `quiz_every`th page, every
    third quiz shuffled."""
    quizzes = [
        list(range(start, min(start + per_quiz, questions)))
        for start in range(0, questions, per_quiz)
    ]
    page_specs: list[dict[str, Any]] = []
    for p in range(pages):
        page: dict[str, Any] = {"id": f"p{p}", "title": f"Page {p}"}
        q, off = divmod(p, quiz_every)
        if q < len(quizzes) and not off:
            quiz = {"type": "quiz", "id": f"quiz{q}", "shuffle": q % 3 == 0}
            page["activity"] = {**quiz, "questions": [_question(n) for n in quizzes[q]]}
        else:
            page["blocks"] = [{"type": "text", "markdown": f"Page {p}."}]
        page_specs.append(page)
    modules = [
        {"id": f"m{m}", "title": f"Module {m}", "pages": page_specs[m * 20 : m * 20 + 20]}
        for m in range((pages + 19) // 20)
    ]
    return Course.model_validate({"id": "generated", "title": "Generated", "modules": modules})
