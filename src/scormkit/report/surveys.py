"""Survey and observation figures: answer distributions, free text, checklists met."""

from __future__ import annotations

from typing import Any

from scormkit.player_text import player_text
from scormkit.report.catalog import Catalog
from scormkit.report.cohort import Learner

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"  # the player's option keys, from "1"


def survey_figures(
    catalog: Catalog, learners: list[Learner], names: dict[str, str]
) -> list[dict[str, Any]]:
    """Per survey item: counts per option (likert, choice) or every text written."""
    default_scale = player_text(catalog.course)["agreement"].split("|")
    found = []
    for survey_id, survey in catalog.surveys.items():
        items = []
        for item in survey.items:
            given = [
                (p, p.survey[(survey_id, item.id)])
                for p in learners
                if (survey_id, item.id) in p.survey
            ]
            answers = [(p, a) for p, a in given if a[1] != ""]
            record: dict[str, Any] = {
                "id": item.id,
                "kind": item.kind,
                "prompt": item.prompt,
                "n": len(answers),
            }
            if item.kind == "free_text":
                record["answers"] = [
                    {"learner": names[p.key], "text": a[1]}
                    for p, a in sorted(answers, key=lambda x: (x[1][0], names[x[0].key]))
                ]
            else:
                labels = (item.scale or default_scale) if item.kind == "likert" else item.options
                record["options"] = [
                    {"option": label, "count": sum(a[1] == DIGITS[i + 1] for _, a in answers)}
                    for i, label in enumerate(labels or [])
                ]
            items.append(record)
        found.append({"id": survey_id, "title": survey.title or survey_id, "items": items})
    return found


def observation_figures(
    catalog: Catalog, learners: list[Learner], names: dict[str, str]
) -> list[dict[str, Any]]:
    """Per checklist: share of observed learners meeting each criterion, and who passed."""
    found = []
    for observation_id, observation in catalog.observations.items():
        seen = [
            (p, p.observed[observation_id])
            for p in learners
            if observation_id in p.observed and p.observed[observation_id].at
        ]
        n = len(seen)
        criteria = []
        for criterion in observation.criteria:
            met = sum(o.criteria.get(criterion.id, False) for _, o in seen)
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
                "passed": sum(o.success for _, o in seen),
                "criteria": criteria,
                "learners": [{"learner": names[p.key], "passed": o.success} for p, o in seen],
            }
        )
    return found
