"""The package plan: what a package holds and how it starts, decided before anything is written.

`make_plan(course, target)` is the middle of a build. Everything after it (rendering, the
choice of runtime files, every target's manifest) reads the plan, never the course again for a
decision the plan makes. The plan speaks the course's language: launch units, not SCOs or AUs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scormkit.errors import LaunchUnsupported
from scormkit.plan.modules import ModuleFile, split_modules
from scormkit.plan.player_data import course_data
from scormkit.plan.resume import Part, check_state_budget, state_parts
from scormkit.runtime_files import runtime_files
from scormkit.spec.models import Course, Module
from scormkit.xapi_activities import Definition, course_activities, course_iri, parents

if TYPE_CHECKING:
    from scormkit.targets import Target

LAUNCH_FILE = "index.html"


@dataclass(frozen=True)
class LaunchUnit:
    """A part of the course the LMS lists and launches on its own: the whole course, or one
    module when the spec launches per module."""

    id: str  # the course id, or the module's id
    title: str
    parameters: str  # query string added to the launch file; "" for the whole course
    modules: tuple[Module, ...]  # what it plays
    scored: bool  # whether it reports a score that can pass or fail

    @property
    def href(self) -> str:
        return LAUNCH_FILE + self.parameters


@dataclass(frozen=True)
class PackagePlan:
    """Everything a package holds and says, before any file is rendered."""

    course: Course
    target_label: str  # what users call the target, for messages
    launch: str  # href of the page that starts the course
    per_module: bool  # whether each module is a launch unit of its own
    units: tuple[LaunchUnit, ...]  # what the LMS lists, in course order
    player_data: dict[str, Any]  # the JSON the launch page carries (plan/player_data.py)
    module_files: tuple[ModuleFile, ...]  # modules loaded when opened (plan/modules.py)
    activities: tuple[Definition, ...]  # every xAPI activity of the course, course first
    resume: tuple[Part, ...]  # the worst case of each part of the resume state
    runtime: tuple[str, ...]  # hrefs of the player files the package ships

    @property
    def identifier(self) -> str:
        """Base of every identifier in the package, derived from the course id."""
        return self.course.id

    @property
    def passing_score(self) -> int | None:
        """Percent needed to pass, when the course is scored."""
        return self.course.completion.passing_score


def make_plan(course: Course, target: Target) -> PackagePlan:
    """Plan the package of `course` for `target`; refuse what the target cannot carry."""
    per_module = course.packaging.launch_per_module
    if per_module and not target.per_module:
        raise LaunchUnsupported(target.label)
    resume = state_parts(course)
    check_state_budget(resume, target.state_budget, course.id, target.label)
    activities = course_activities(course)
    data = course_data(course, target.tracker, target.state_budget)
    if target.reports_activities:
        # What an xAPI tracker needs besides the course: the IRI base and every activity.
        data["trackerData"] = {
            "iri": course_iri(course),
            "activities": {a["id"]: a for a in activities},
            "parents": parents(course),
        }
    shell, module_files = split_modules(course, data)
    return PackagePlan(
        course=course,
        target_label=target.label,
        launch=LAUNCH_FILE,
        per_module=per_module,
        units=_units(course, per_module),
        player_data=shell,
        module_files=module_files,
        activities=tuple(activities),
        resume=tuple(resume),
        runtime=runtime_files(target.tracker),
    )


def _units(course: Course, per_module: bool) -> tuple[LaunchUnit, ...]:
    if not per_module:
        return (LaunchUnit(course.id, course.title, "", tuple(course.modules), scored=True),)
    return tuple(
        LaunchUnit(m.id, m.title, f"?module={m.id}", (m,), scored=m.is_scored())
        for m in course.modules
    )
