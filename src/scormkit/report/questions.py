"""Item analysis of quiz questions: difficulty, discrimination, wrong choices, tries and time.

Difficulty is the share of learners right at their first try. Discrimination compares the upper
and lower 27% of learners ranked by their share of first tries right (Kelley's groups): a good
question is answered right more often by the upper group, so a negative value flags it.
"""

from __future__ import annotations

import math
from typing import Any

from scormkit.questions import Question
from scormkit.report.catalog import LETTERS, Catalog
from scormkit.report.cohort import Cohort, Learner

GROUP_SHARE = 0.27
TOO_HARD = 0.2  # a difficulty below this: almost nobody right


def ranked_groups(learners: list[Learner]) -> tuple[set[str], set[str]]:
    """Keys of the upper and lower 27% of learners who answered, by first-try share right."""
    scored = []
    for learner in learners:
        tries = learner.all_tried()
        if tries:
            share = sum(t.first_correct for t in tries) / len(tries)
            scored.append((share, learner.key))
    scored.sort()
    size = max(1, math.floor(len(scored) * GROUP_SHARE + 0.5)) if len(scored) >= 2 else 0
    lower = {key for _, key in scored[:size]}
    upper = {key for _, key in scored[len(scored) - size :]} if size else set()
    return upper, lower


def _share(learners: list[Learner], question: int, keys: set[str]) -> tuple[float | None, int]:
    tried = [t for p in learners if p.key in keys and (t := p.tried(question))]
    if not tried:
        return None, 0
    return sum(t.first_correct for t in tried) / len(tried), len(tried)


def _choice_text(question: Question, response: str) -> str:
    choices = getattr(question, "choices", None)  # the types answered by lettered choices
    if not choices:
        return response
    texts = []
    for letter in response.split("[,]"):
        index = LETTERS.find(letter) if len(letter) == 1 else -1
        texts.append(choices[index].text if 0 <= index < len(choices) else letter)
    return " + ".join(texts)


def question_figures(catalog: Catalog, cohort: Cohort) -> list[dict[str, Any]]:
    """One record per question in spec order."""
    learners = list(cohort.learners.values())
    upper, lower = ranked_groups(learners)
    found = []
    for quiz_id, (module, quiz) in catalog.quizzes.items():
        for question in quiz.questions:
            index = catalog.question_index[question.id]
            tried = [t for p in learners if (t := p.tried(index))]
            n = len(tried)
            difficulty = round(sum(t.first_correct for t in tried) / n, 4) if n else None
            high, n_high = _share(learners, index, upper)
            low, n_low = _share(learners, index, lower)
            discrimination = round(high - low, 4) if high is not None and low is not None else None
            picked = cohort.responses.get(question.id, {})
            wrong = sorted(
                (
                    (key.split("\t", 1)[1], count)
                    for key, count in picked.items()
                    if key.startswith("wrong\t")
                ),
                key=lambda item: (-item[1], item[0]),
            )
            tries_total = sum(t.times for t in tried)
            timed, seconds = cohort.times.get(question.id, (0, 0.0))
            flags = []
            if difficulty is not None and difficulty < TOO_HARD:
                flags.append("almost nobody right")
            if discrimination is not None and discrimination < 0:
                flags.append("negative discrimination")
            found.append(
                {
                    "id": question.id,
                    "quiz": quiz_id,
                    "module": module.id,
                    "prompt": question.prompt.strip(),
                    "n": n,
                    "difficulty": difficulty,
                    "discrimination": discrimination,
                    "upper_n": n_high,
                    "lower_n": n_low,
                    "wrong_choices": [
                        {"response": r, "text": _choice_text(question, r), "times": c}
                        for r, c in wrong
                    ],
                    "tries": tries_total,
                    "average_tries": round(tries_total / n, 2) if n else None,
                    "average_seconds": round(seconds / timed, 1) if timed else None,
                    "timed_tries": timed,
                    "flags": flags,
                }
            )
    return found
