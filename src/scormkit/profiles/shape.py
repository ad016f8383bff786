"""How an LMS profile changes a build: packaging, resume-state budget, and what to tell people.

`shape_build` decides before anything is built; `build` then builds what it returns. Every
change comes with the reason, quoted from the profile with its source, for the CLI to print.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scormkit.profiles import LmsProfile
from scormkit.targets import Target


@dataclass(frozen=True)
class Shaping:
    """What to build for one LMS, and the notes the build prints."""

    launch_per_module: bool
    state_budget: int  # the most characters of resume state the LMS keeps
    notes: list[str] = field(default_factory=list)  # changes made, each with its reason
    advice: list[str] = field(default_factory=list)  # what the LMS admin should set


def shape_build(
    profile: LmsProfile, target: Target, launch_per_module: bool, *, in_order: bool = False
) -> Shaping:
    """The packaging and budget `target` gets in `profile`'s LMS, given the spec's choices
    (`launch_per_module`, and `in_order` for packaging.modules_in_order)."""
    notes: list[str] = []
    advice: list[str] = []
    name = profile.title
    if profile.runs and target.name not in profile.runs:
        runs = ", ".join(sorted(profile.runs))
        notes.append(f"{name} documents {runs}, not {target.name}; it may not run this package")
    per_module = launch_per_module
    if per_module and target.name.startswith("scorm2004") and profile.one_sco_in_2004:
        reason = profile.one_sco_in_2004
        per_module = False
        notes.append(
            f"one SCO instead of one per module: {reason.text} ({reason.source}); the player "
            "shows every module, in order, inside the one SCO and reports the course's status"
        )
        if in_order:
            notes.append(
                "modules_in_order is not enforced inside one SCO; to keep it, build -t scorm12 "
                "(one SCO per module, each with adlcp:prerequisites naming the one before)"
            )
    budget = target.state_budget
    limit = profile.state_limit(target.name)
    if limit and limit.characters < budget:
        budget = limit.characters
        notes.append(f"resume state kept within {budget} characters: {limit.text} ({limit.source})")
    if profile.grading and target.name.startswith("scorm"):
        advice.extend(_grading_advice(profile, per_module))
    return Shaping(per_module, budget, notes, advice)


def _grading_advice(profile: LmsProfile, per_module: bool) -> list[str]:
    methods = "; ".join(f"{fact.text} ({fact.source})" for fact in profile.grading)
    if profile.name == "moodle":
        if per_module:
            return [
                "set the SCORM activity's Grading method to 'Learning objects' (SCOs completed "
                "or passed) or 'Average grade': 'Highest grade', the default, shows one "
                f"module's score as the course's. {methods}"
            ]
        return [
            f"one SCO: Moodle's default Grading method, 'Highest grade', is its score. {methods}"
        ]
    return [methods]
