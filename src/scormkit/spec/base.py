"""The base every spec model shares: strict, closed and immutable."""

from __future__ import annotations

import sys
import weakref
from typing import Annotated, Any, ClassVar, get_args

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from scormkit.errors import Location, Problem, SpecError

# Ids become manifest identifiers, interaction ids and IRI segments, so they stay in the
# character set all of those accept (xs:NCName, CMIIdentifier, IRI path segment).
ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


class SpecModel(BaseModel):
    """Strict: YAML's `yes` is not true and `"3"` is not 3. Closed: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)
    # What a model's validator asks of several fields together, which its JSON Schema cannot
    # say: the spec reference prints it (reference.py), and a test asks it of every validator.
    RULE: ClassVar[str] = ""

    def __init__(self, /, **data: Any) -> None:
        """Build from fields in code: a `type` with one possible value is filled in, and
        mistakes raise SpecError naming the model and the path, like a spec's would."""
        kind = type(self).model_fields.get("type")
        if kind is not None and "type" not in data and len(get_args(kind.annotation)) == 1:
            data["type"] = get_args(kind.annotation)[0]
        # Where the author's code builds it, for its own mistakes and for problems found when
        # the course is checked; a default made by pydantic (a course's Theme) takes the line
        # of the model around it.
        caller = sys._getframe(1)
        by_author = not caller.f_globals.get("__name__", "").startswith(("pydantic", "scormkit"))
        try:
            super().__init__(**data)
        except ValidationError as exc:
            from scormkit.spec.document import SourceMap
            from scormkit.spec.explain import validation_problems

            name = type(self).__name__
            found = validation_problems(exc, data, SourceMap(name), type(self))
            where = Location(caller.f_code.co_filename, caller.f_lineno, 0)
            raise SpecError(
                Problem(where, f"{name}: {p.path}" if p.path else name, p.message)
                if by_author
                else Problem(Location(name, 0, 0), p.path, p.message)
                for p in found
            ) from None
        if by_author:
            _MADE_AT[id(self)] = (caller.f_code.co_filename, caller.f_lineno)
            weakref.finalize(self, _MADE_AT.pop, id(self), None)

    # Marked as pydantic's own __init__, so pydantic does not call it for nested models while
    # validating a spec (where errors are collected, not raised one model at a time).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]


# The file and line of the code that built each live model; models read from a spec are built
# by validation, not by their constructor, and have none.
_MADE_AT: dict[int, tuple[str, int]] = {}


def spec_models(base: type[SpecModel] = SpecModel) -> list[type[SpecModel]]:
    """Every model class built on `base`, depth first."""
    return [m for sub in base.__subclasses__() for m in (sub, *spec_models(sub))]


def made_at(model: SpecModel) -> tuple[str, int] | None:
    """The file and line of the code that constructed `model`; None for one read from a spec."""
    return _MADE_AT.get(id(model))
