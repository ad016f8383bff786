"""The JSON Schema of a spec, for editors to validate and autocomplete course files."""

from __future__ import annotations

import json
from typing import Any

from scormkit.spec.models import Course

SCHEMA_ID = "https://scormkit.dev/schema/course.schema.json"


def course_schema() -> dict[str, Any]:
    """The JSON Schema of a course spec."""
    schema = Course.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def course_schema_text() -> str:
    """The JSON Schema as stable, indented text ending in a newline."""
    return json.dumps(course_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
