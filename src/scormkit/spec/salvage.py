"""Check the sound parts of a spec whose other parts fail validation, so one run lists all.

A page, module or bank that does not validate is swapped for a plain stand-in that keeps its
id; the course is validated again and checked as a whole (ids, references, assets, proofs), and
only the problems outside the stand-ins are kept: those the broken parts would have hidden.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scormkit.errors import Problem
from scormkit.spec.banks import with_banks
from scormkit.spec.base import ID_PATTERN
from scormkit.spec.course_checks import check_course
from scormkit.spec.document import PathKey, SourceMap, format_path
from scormkit.spec.models import Course

_SCORING = "has no scored questions"
_DEFAULTS = {"id": "course", "title": "Course"}  # required course fields a stand-in can fill


def salvage(data: Any, source: SourceMap, base_dir: Path) -> tuple[Course | None, list[Problem]]:
    """The course with its broken parts stood in for (None when that cannot be done), and the
    problems of the parts that validate."""
    if not isinstance(data, dict):
        return None, []
    data = copy.deepcopy(data)
    stood: list[PathKey] = []
    for _ in range(4):  # a stand-in may uncover a problem one level up; a few rounds suffice
        try:
            course = Course.model_validate(data)
            break
        except ValidationError as exc:
            places = {_part(error["loc"]) for error in exc.errors()}
            parts = [place for place in places if place is not None]
            if len(parts) < len(places):
                return None, []
            for place in sorted(parts, key=len):
                if not any(place[: len(done)] == done for done in stood):
                    _stand_in(data, place)
                    stood.append(place)
    else:
        return None, []
    course, missing = with_banks(course)
    found = [Problem(source.locate(p), format_path(p), m) for p, m in missing]
    found += check_course(course, base_dir, source.locate)
    shown = [format_path(place) for place in stood]
    if shown:
        # Whether the course can be passed depends on every part, stood-in ones too.
        found = [
            p for p in found if not p.path.startswith("completion") and _SCORING not in p.message
        ]
    return course, [p for p in found if not any(_under(p.path, place) for place in shown)]


def _part(loc: tuple[Any, ...]) -> PathKey | None:
    """The page, module, bank or top-level field that the error at `loc` belongs to."""
    if loc[:1] == ("modules",) and len(loc) >= 4 and loc[2] == "pages":
        return tuple(loc[:4])
    if loc[:1] in (("modules",), ("banks",)) and len(loc) >= 2 and isinstance(loc[1], int):
        return tuple(loc[:2])
    if loc and loc[0] not in ("modules",):
        return (loc[0],)
    return None


def _stand_in(data: dict[str, Any], place: PathKey) -> None:
    """Replace the part at `place` with a stand-in that validates."""
    if len(place) == 1:
        key = str(place[0])
        if key in _DEFAULTS:
            data[key] = _DEFAULTS[key]
        else:
            data.pop(key, None)
        return
    parent: Any = data
    for step in place[:-1]:
        parent = parent[step]
    old = parent[place[-1]]
    ident = _id(old, "-".join(str(step) for step in place))
    page = {"id": ident, "title": "-", "blocks": [{"type": "text", "markdown": "-"}]}
    if place[0] == "banks":
        # Tagged with every tag quizzes draw by, so no quiz reports a stood-in bank as empty,
        # and with as many questions as any quiz draws, so none reports it as too small.
        tags, most = _picks(data)
        question = {"type": "true_false", "prompt": "-", "answer": True, "tags": sorted(tags)}
        questions = [{**question, "id": f"q{n}"} for n in range(max(most, 1))]
        parent[place[-1]] = {"id": ident, "questions": questions}
    elif len(place) == 2:
        parent[place[-1]] = {"id": ident, "title": "-", "pages": [{**page, "id": f"{ident}-p"}]}
    else:
        parent[place[-1]] = page


def _picks(data: Any) -> tuple[set[str], int]:
    """Every tag named in a quiz's `banks` anywhere in `data`, and the largest `draw`."""
    values = data if isinstance(data, list) else data.values() if isinstance(data, dict) else []
    tags: set[str] = set()
    most = 0
    for value in values:
        more, drawn = _picks(value)
        tags, most = tags | more, max(most, drawn)
    if isinstance(data, dict):
        if isinstance(data.get("bank"), str) and isinstance(data.get("tags"), list):
            tags |= {tag for tag in data["tags"] if isinstance(tag, str)}
        if isinstance(data.get("draw"), int):
            most = max(most, min(data["draw"], 1000))
    return tags, most


def _id(old: Any, where: str) -> str:
    ident = old.get("id") if isinstance(old, dict) else None
    if isinstance(ident, str) and re.fullmatch(ID_PATTERN, ident):
        return ident
    return f"z-stand-in-{where}"


def _under(path: str, place: str) -> bool:
    return path == place or path.startswith((f"{place}.", f"{place}["))
