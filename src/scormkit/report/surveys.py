"""Survey and observation figures: answer distributions, free text, checklists met.

Counts are kept as learners are added; the free-text answers and the learners observed (one
entry per learner) go to the store and are read back in order when written.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from scormkit.player_text import player_text
from scormkit.report.catalog import Catalog
from scormkit.report.cohort import Learner
from scormkit.report.store import LearnerStore, Rows, packed, unpacked

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"  # the player's option keys, from "1"


class SurveyTally:
    """Per survey item: counts per option (likert, choice) or every text written."""

    def __init__(self, catalog: Catalog, store: LearnerStore) -> None:
        self.catalog, self.store = catalog, store
        self.items = [
            (survey_id, item)
            for survey_id, survey in catalog.surveys.items()
            for item in survey.items
        ]
        self.n: Counter[int] = Counter()
        self.answers: Counter[tuple[int, str]] = Counter()

    def add(self, learner: Learner) -> None:
        for number, (survey_id, item) in enumerate(self.items):
            answer = learner.survey.get((survey_id, item.id))
            if answer is None or answer[1] == "":
                continue
            self.n[number] += 1
            if item.kind == "free_text":
                at, text = answer
                row = (number, at, packed(learner.name), packed(learner.key), packed(text))
                self.store.add("texts", row)
            else:
                self.answers[(number, answer[1])] += 1

    def figures(self) -> list[dict[str, Any]]:
        default_scale = player_text(self.catalog.course)["agreement"].split("|")
        found: dict[str, list[dict[str, Any]]] = {s: [] for s in self.catalog.surveys}
        for number, (survey_id, item) in enumerate(self.items):
            record: dict[str, Any] = {
                "id": item.id,
                "kind": item.kind,
                "prompt": item.prompt,
                "n": self.n[number],
            }
            if item.kind == "free_text":
                # By time, then name shown, then the learners' order.
                record["answers"] = Rows(
                    self.store,
                    "SELECT s.shown, t.text FROM texts t JOIN shown s ON s.key = t.key "
                    "WHERE t.item = ? ORDER BY t.at, s.shown, t.rowid",
                    (number,),
                    lambda shown, text: {"learner": unpacked(shown), "text": unpacked(text)},
                )
            else:
                labels = (item.scale or default_scale) if item.kind == "likert" else item.options
                record["options"] = [
                    {"option": label, "count": self.answers[(number, DIGITS[i + 1])]}
                    for i, label in enumerate(labels or [])
                ]
            found[survey_id].append(record)
        return [
            {"id": survey_id, "title": survey.title or survey_id, "items": found[survey_id]}
            for survey_id, survey in self.catalog.surveys.items()
        ]


class ObservationTally:
    """Per checklist: share of observed learners meeting each criterion, and who passed."""

    def __init__(self, catalog: Catalog, store: LearnerStore) -> None:
        self.catalog, self.store = catalog, store
        self.n: Counter[str] = Counter()
        self.passed: Counter[str] = Counter()
        self.met: Counter[tuple[str, str]] = Counter()

    def add(self, learner: Learner) -> None:
        for number, (observation_id, observation) in enumerate(self.catalog.observations.items()):
            seen = learner.observed.get(observation_id)
            if seen is None or not seen.at:
                continue
            self.n[observation_id] += 1
            self.passed[observation_id] += seen.success
            for criterion in observation.criteria:
                self.met[(observation_id, criterion.id)] += seen.criteria.get(criterion.id, False)
            row = (number, packed(learner.name), packed(learner.key), seen.success)
            self.store.add("observed", row)

    def figures(self) -> list[dict[str, Any]]:
        found = []
        for number, (observation_id, observation) in enumerate(self.catalog.observations.items()):
            n = self.n[observation_id]
            criteria = []
            for criterion in observation.criteria:
                met = self.met[(observation_id, criterion.id)]
                criteria.append(
                    {
                        "id": criterion.id,
                        "text": criterion.text,
                        "met": met,
                        "n": n,
                        "share": round(met / n, 4) if n else None,
                    }
                )
            found.append(
                {
                    "id": observation_id,
                    "title": observation.title,
                    "n": n,
                    "passed": self.passed[observation_id],
                    "criteria": criteria,
                    "learners": Rows(
                        self.store,
                        "SELECT s.shown, o.passed FROM observed o JOIN shown s ON s.key = o.key "
                        "WHERE o.checklist = ? ORDER BY o.rowid",
                        (number,),
                        lambda shown, passed: {"learner": unpacked(shown), "passed": bool(passed)},
                    ),
                }
            )
        return found
