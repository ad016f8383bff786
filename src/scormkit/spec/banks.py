"""Question banks: questions declared once, tagged, and drawn into quizzes by tag."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from pydantic import Field, model_validator

from scormkit.questions import Question
from scormkit.spec.activities import Quiz
from scormkit.spec.base import Id, SpecModel
from scormkit.spec.document import PathKey, quote

if TYPE_CHECKING:
    from scormkit.spec.models import Course


class Bank(SpecModel):
    """Questions any quiz may draw from; in the spec, or `{include: file}` (YAML, GIFT...)."""

    id: Id = Field(description="Unique among the banks; quizzes name it in `banks`.")
    title: str | None = Field(default=None, description="What the questions are about.")
    questions: list[Question] = Field(min_length=1, description="The questions of the bank.")

    RULE: ClassVar[str] = "Question ids are unique within the bank."

    @model_validator(mode="after")
    def _ids_unique(self) -> Bank:
        ids = [q.id for q in self.questions]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"question ids must be unique in a bank: {', '.join(twice)}")
        return self


def with_banks(course: Course) -> tuple[Course, list[tuple[PathKey, str]]]:
    """`course` with each quiz's bank questions added to its own, and what could not be found.

    A question drawn into a quiz is named `<quiz id>-<question id>`, so the same bank question
    asked in two quizzes gives two interactions and two xAPI activities that never mix.
    """
    banks = {bank.id: bank for bank in course.banks}
    problems: list[tuple[PathKey, str]] = []
    modules = []
    for m, module in enumerate(course.modules):
        pages = []
        for p, page in enumerate(module.pages):
            quiz = page.activity
            if isinstance(quiz, Quiz) and quiz.banks:
                path: PathKey = ("modules", m, "pages", p, "activity")
                page = page.model_copy(update={"activity": _fill(quiz, banks, path, problems)})
            pages.append(page)
        modules.append(module.model_copy(update={"pages": pages}))
    return course.model_copy(update={"modules": modules}), problems


def _fill(
    quiz: Quiz, banks: dict[str, Bank], path: PathKey, problems: list[tuple[PathKey, str]]
) -> Quiz:
    drawn = []
    for i, pick in enumerate(quiz.banks):
        bank = banks.get(pick.bank)
        if bank is None:
            known = ", ".join(sorted(banks)) or "none declared"
            problems.append(((*path, "banks", i, "bank"), f"no bank {quote(pick.bank)} ({known})"))
            continue
        found = [q for q in bank.questions if not pick.tags or set(q.tags) & set(pick.tags)]
        if not found:
            tags = ", ".join(pick.tags)
            message = f"bank {quote(bank.id)} has no question tagged {tags}"
            problems.append(((*path, "banks", i, "tags"), message))
        drawn += [q.model_copy(update={"id": f"{quiz.id}-{q.id}"}) for q in found]
    taken = {q.id for q in quiz.questions}
    unique = list({q.id: q for q in drawn if q.id not in taken}.values())
    return quiz.model_copy(update={"questions": [*quiz.questions, *unique]})
