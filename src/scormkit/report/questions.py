"""Item analysis of quiz questions: difficulty, discrimination, wrong choices, tries and time.

Difficulty is the share of learners right at their first try. Discrimination compares the upper
and lower 27% of learners ranked by their share of first tries right (Kelley's groups): a good
question is answered right more often by the upper group, so a negative value flags it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from scormkit.questions import Question
from scormkit.report.catalog import LETTERS, Catalog
from scormkit.report.cohort import TRY, Cohort, Learner, tried_in
from scormkit.report.store import LearnerStore

GROUP_SHARE = 0.27
TOO_HARD = 0.2  # a difficulty below this: almost nobody right
ORDER = (
    "id", "quiz", "module", "prompt", "n", "difficulty", "discrimination", "upper_n", "lower_n",
    "wrong_choices", "tries", "average_tries", "average_seconds", "timed_tries",
)  # fmt: skip


class QuestionTally:
    """Per question, over the learners added so far: who answered, who was right at their
    first try, and their tries."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.n: Counter[int] = Counter()
        self.first: Counter[int] = Counter()
        self.tries: Counter[int] = Counter()

    def add(self, learner: Learner) -> None:
        for index in range(len(learner.tries) // TRY.size):
            tried = learner.tried(index)
            if tried:
                self.n[index] += 1
                self.first[index] += tried.first_correct
                self.tries[index] += tried.times

    def figures(self, cohort: Cohort, store: LearnerStore) -> list[dict[str, Any]]:
        """One record per question in spec order."""
        upper, lower = _ranked_groups(store)
        found = []
        for quiz_id, (module, quiz) in self.catalog.quizzes.items():
            for question in quiz.questions:
                index = self.catalog.question_index[question.id]
                found.append(
                    _question(cohort, question, quiz_id, module.id)
                    | self._counts(index, upper, lower)
                )
        return [_ordered(record) for record in found]

    def _counts(self, index: int, upper: Group, lower: Group) -> dict[str, Any]:
        n = self.n[index]
        difficulty = round(self.first[index] / n, 4) if n else None
        high, n_high = upper.share(index)
        low, n_low = lower.share(index)
        discrimination = round(high - low, 4) if high is not None and low is not None else None
        return {
            "n": n,
            "difficulty": difficulty,
            "discrimination": discrimination,
            "upper_n": n_high,
            "lower_n": n_low,
            "tries": self.tries[index],
            "average_tries": round(self.tries[index] / n, 2) if n else None,
        }


class Group:
    """The upper or lower group of learners: per question, who answered and who was right
    at their first try."""

    def __init__(self, packed_tries: Iterable[bytes]) -> None:
        self.n: Counter[int] = Counter()
        self.first: Counter[int] = Counter()
        for tries in packed_tries:
            for index in range(len(tries) // TRY.size):
                tried = tried_in(tries, index)
                if tried:
                    self.n[index] += 1
                    self.first[index] += tried.first_correct

    def share(self, question: int) -> tuple[float | None, int]:
        n = self.n[question]
        return (self.first[question] / n if n else None), n


def _ranked_groups(store: LearnerStore) -> tuple[Group, Group]:
    """The upper and lower 27% of learners who answered, ranked by their share of first tries
    right (ties by identifier), as SQLite sorts them in the store."""
    ((scored,),) = store.query("SELECT COUNT(*) FROM people WHERE share IS NOT NULL")
    size = max(1, math.floor(scored * GROUP_SHARE + 0.5)) if scored >= 2 else 0
    ranked = "SELECT tries FROM people WHERE share IS NOT NULL ORDER BY share {0}, key {0} LIMIT ?"
    lower = Group(tries for (tries,) in store.query(ranked.format("ASC"), size))
    upper = Group(tries for (tries,) in store.query(ranked.format("DESC"), size))
    return upper, lower


def _question(cohort: Cohort, question: Question, quiz_id: str, module: str) -> dict[str, Any]:
    picked = cohort.responses.get(question.id, {})
    wrong = sorted(
        (
            (key.split("\t", 1)[1], count)
            for key, count in picked.items()
            if key.startswith("wrong\t")
        ),
        key=lambda item: (-item[1], item[0]),
    )
    timed, seconds = cohort.times.get(question.id, (0, 0.0))
    return {
        "id": question.id,
        "quiz": quiz_id,
        "module": module,
        "prompt": question.prompt.strip(),
        "wrong_choices": [
            {"response": r, "text": _choice_text(question, r), "times": c} for r, c in wrong
        ],
        "average_seconds": round(seconds / timed, 1) if timed else None,
        "timed_tries": timed,
    }


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    """A question's record in the order of its keys in the JSON, flagged."""
    flags = []
    if record["difficulty"] is not None and record["difficulty"] < TOO_HARD:
        flags.append("almost nobody right")
    if record["discrimination"] is not None and record["discrimination"] < 0:
        flags.append("negative discrimination")
    return {key: record[key] for key in ORDER} | {"flags": flags}


def _choice_text(question: Question, response: str) -> str:
    choices = getattr(question, "choices", None)  # the types answered by lettered choices
    if not choices:
        return response
    texts = []
    for letter in response.split("[,]"):
        index = LETTERS.find(letter) if len(letter) == 1 else -1
        texts.append(choices[index].text if 0 <= index < len(choices) else letter)
    return " + ".join(texts)
