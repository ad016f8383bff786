"""The course spec: models, loading with source positions, and whole-course checks."""

from scormkit.spec.course_checks import check_course
from scormkit.spec.load import course_from_data, load_course
from scormkit.spec.models import Course

__all__ = ["Course", "check_course", "course_from_data", "load_course"]
