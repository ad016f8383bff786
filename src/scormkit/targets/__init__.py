"""The standards a course can be packaged for; each target adds one descriptor file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scormkit.archive import PackageFile
from scormkit.plan import PackagePlan
from scormkit.targets import scorm12, scorm2004


@dataclass(frozen=True)
class Target:
    name: str  # CLI name and zip suffix
    label: str  # what users call it
    tracker: str  # runtime/track/<tracker>.js
    manifest: Callable[[PackagePlan], PackageFile]  # built with lxml, never templated
    state_budget: int  # characters of resume state every conforming LMS must store


TARGETS = {
    t.name: t
    for t in (
        Target("scorm12", "SCORM 1.2", "scorm12", scorm12.manifest, scorm12.STATE_BUDGET),
        Target(
            "scorm2004",
            "SCORM 2004 4th Edition",
            "scorm2004",
            scorm2004.manifest_4th,
            scorm2004.STATE_BUDGET_4TH,
        ),
        Target(
            "scorm2004-3rd",
            "SCORM 2004 3rd Edition",
            "scorm2004",
            scorm2004.manifest_3rd,
            scorm2004.STATE_BUDGET_3RD,
        ),
    )
}
