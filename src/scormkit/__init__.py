"""scormkit: compile declarative course specs into e-learning packages any LMS can run.

import scormkit
course = scormkit.load_course("course_specs/minimal.yaml")
zip_path = scormkit.build("course_specs/minimal.yaml", target="scorm12", out_dir="dist")
report = scormkit.check_package(zip_path)  # report.findings, report.exit_status
"""

from scormkit.build import build
from scormkit.check import CheckReport, check_package
from scormkit.errors import BuildError, Location, Problem, ScormkitError, SpecError
from scormkit.spec import Course, check_course, load_course
from scormkit.spec.schema import course_schema
from scormkit.targets import TARGETS

__all__ = [
    "TARGETS",
    "BuildError",
    "CheckReport",
    "Course",
    "Location",
    "Problem",
    "ScormkitError",
    "SpecError",
    "build",
    "check_course",
    "check_package",
    "course_schema",
    "load_course",
]
