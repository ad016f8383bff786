"""Per-learner parts of the report: the names shown, and the learners table's rows.

Both are kept in the store as each learner is read and come back in order from SQLite, so
neither the names nor the rows of every learner are held in memory at once.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from scormkit.report.catalog import Catalog
from scormkit.report.cohort import Learner
from scormkit.report.roleplay import Replay, best_run
from scormkit.report.store import LearnerStore, Rows, packed, unpacked


def keep_learner(
    store: LearnerStore, catalog: Catalog, learner: Learner, runs: dict[str, Replay]
) -> None:
    """Keep what the cross-learner parts need of `learner`: their row of the learners table,
    the hash that orders pseudonyms, their share of first tries right (the ranking of
    question discrimination) and their tries."""
    tries = learner.all_tried()
    share = sum(t.first_correct for t in tries) / len(tries) if tries else None
    # Pseudonyms are numbered in the order of a hash of the identifier: stable, and say
    # nothing about names.
    digest = hashlib.sha256(learner.key.encode()).hexdigest()
    row = json.dumps(_row(catalog, learner, runs))
    store.add(
        "people",
        (packed(learner.key), packed(learner.name), digest, share, bytes(learner.tries), row),
    )


def name_learners(store: LearnerStore, pseudonymise: bool) -> None:
    """The name each learner is shown by: their own, or 'Learner N' in the hashes' order."""
    shown = (
        "CAST('Learner ' || ROW_NUMBER() OVER (ORDER BY digest, rowid) AS BLOB)"
        if pseudonymise
        else "name"
    )
    store.run(f"INSERT INTO shown SELECT key, {shown} FROM people")


def learner_rows(store: LearnerStore) -> Rows:
    """The learners table's rows, by name then identifier (the order they were kept in)."""
    return Rows(
        store,
        "SELECT s.shown, p.row FROM people p JOIN shown s ON s.key = p.key ORDER BY p.rowid",
        (),
        lambda shown, row: {"learner": unpacked(shown), **json.loads(row)},
    )


def module_percent(learner: Learner, questions: list[tuple[int, float]]) -> float | None:
    """The weighted share of the quiz's questions whose latest try was right."""
    answered = [(t, w) for q, w in questions if (t := learner.tried(q))]
    if not answered:
        return None
    total = sum(w for _, w in questions)
    right = sum(w for t, w in answered if t.last_correct)
    return 100 * right / total if total else None


def _row(catalog: Catalog, learner: Learner, runs: dict[str, Replay]) -> dict[str, Any]:
    """The learner's row, but for the name shown (added when it is read back)."""
    modules = {}
    for module, quiz in catalog.quizzes.values():
        weights = [(catalog.question_index[q.id], q.weight) for q in quiz.questions]
        percent = module_percent(learner, weights)
        if percent is not None:
            modules[module.id] = {
                "percent": round(percent, 1),
                "mastered": percent >= catalog.quiz_pass(quiz),
            }
    roleplays = {}
    for scenario_id, replay in runs.items():
        best = best_run(replay.runs)
        roleplays[scenario_id] = {
            "runs": len(replay.runs),
            "best_ending": best.ending if best else None,
            "points": best.points if best else {},
            "badges": best.badges if best else [],
        }
    sessions, spent = learner.time_spent()
    return {
        "sessions": sessions,
        "minutes": round(spent / 60, 1) if sessions else None,
        "pages_reached": learner.pages.bit_count(),
        "pages": len(catalog.page_order),
        "completed": learner.completed,
        "passed": learner.verdict[1] if learner.verdict else None,
        "score": learner.verdict[2] if learner.verdict else None,
        "modules": modules,
        "roleplays": roleplays,
        "observations": {o: v.success for o, v in sorted(learner.observed.items()) if v.at},
    }
