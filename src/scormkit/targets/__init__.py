"""The standards a course can be packaged for; each target adds one manifest file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from scormkit.archive import PackageFile
from scormkit.plan import PackagePlan
from scormkit.targets import cmi5, scorm12, scorm2004, xapi

# Writes the package's manifest from the plan and the content files it lists.
Manifest = Callable[[PackagePlan, Sequence[PackageFile]], PackageFile]


@dataclass(frozen=True)
class Target:
    name: str  # CLI name and zip suffix
    label: str  # what users call it
    tracker: str  # runtime/track/<tracker>.js
    manifest: Manifest  # built with lxml, never templated
    state_budget: int  # characters of resume state every conforming LMS must store
    # Whether the tracker reports xAPI activities, so the player needs their definitions.
    reports_activities: bool = False
    # Whether the manifest can launch each module on its own.
    per_module: bool = True


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
        Target(
            "xapi",
            "xAPI (tincan.xml)",
            "xapi",
            xapi.manifest,
            xapi.STATE_BUDGET,
            reports_activities=True,
            per_module=False,
        ),
        Target(
            "cmi5",
            "cmi5",
            "cmi5",
            cmi5.manifest,
            cmi5.STATE_BUDGET,
            reports_activities=True,
        ),
    )  # fmt: skip
}
