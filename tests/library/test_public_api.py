"""The names `import scormkit` offers: adding or removing one is a decision, made here."""

from __future__ import annotations

import scormkit

PUBLIC = [
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


def test_the_public_names_are_exactly_the_documented_ones() -> None:
    assert scormkit.__all__ == PUBLIC
    for name in PUBLIC:
        assert getattr(scormkit, name) is not None, name


def test_every_error_the_library_raises_for_users_is_a_scormkit_error() -> None:
    assert issubclass(scormkit.SpecError, scormkit.ScormkitError)
    assert issubclass(scormkit.BuildError, scormkit.ScormkitError)
