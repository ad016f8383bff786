"""The standards a course can be packaged for; each target adds one descriptor file."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from scormkit.activities import player_activities
from scormkit.archive import PackageFile
from scormkit.plan import PackagePlan
from scormkit.spec.models import Course
from scormkit.targets import cmi5, scorm12, xapi


@dataclass(frozen=True)
class Target:
    name: str  # CLI name and zip suffix
    label: str  # what users call it
    tracker: str  # runtime/track/<tracker>.js
    manifest: Callable[[PackagePlan], PackageFile]  # built with lxml, never templated
    state_budget: int  # characters of resume state every conforming LMS must store
    # What the tracker needs besides the course, handed to the player (xAPI activity ids).
    tracker_data: Callable[[Course], Mapping[str, Any]] | None = None


TARGETS = {
    t.name: t
    for t in (
        Target("scorm12", "SCORM 1.2", "scorm12", scorm12.manifest, scorm12.STATE_BUDGET),
        Target(
            "xapi", "xAPI (tincan.xml)", "xapi", xapi.manifest, xapi.STATE_BUDGET, player_activities
        ),
        Target("cmi5", "cmi5", "cmi5", cmi5.manifest, cmi5.STATE_BUDGET, player_activities),
    )  # fmt: skip
}
