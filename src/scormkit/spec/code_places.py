"""Where a course built in code was written: the file and line that built each of its models."""

from __future__ import annotations

from typing import Any

from scormkit.errors import Location
from scormkit.spec.base import SpecModel, made_at
from scormkit.spec.document import PathKey


class CodePlaces:
    """Locates a path of a course built in code at the line that built the model holding it."""

    def __init__(self, course: SpecModel, name: str) -> None:
        self.name = Location(name, 0, 0)  # for a part built from plain dicts all the way up
        self.places: dict[PathKey, Location] = {}
        self._walk(course, ())

    def _walk(self, value: Any, path: PathKey) -> None:
        if isinstance(value, SpecModel):
            place = made_at(value)
            if place:
                self.places[path] = Location(place[0], place[1], 0)
            for field in type(value).model_fields:
                self._walk(getattr(value, field), (*path, field))
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                self._walk(item, (*path, index))
        elif isinstance(value, dict):
            for key, item in value.items():
                self._walk(item, (*path, str(key)))

    def locate(self, path: PathKey, *, at: int | None = None) -> Location:
        """The line that built the innermost model holding `path` (`at`, a place in a text,
        cannot be told in code)."""
        for end in range(len(path), -1, -1):
            found = self.places.get(path[:end])
            if found:
                return found
        return self.name
