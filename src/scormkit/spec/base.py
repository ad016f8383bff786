"""The base every spec model shares: strict, closed and immutable."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

# Ids become manifest identifiers, interaction ids and IRI segments, so they stay in the
# character set all of those accept (xs:NCName, CMIIdentifier, IRI path segment).
ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


class SpecModel(BaseModel):
    """Strict: YAML's `yes` is not true and `"3"` is not 3. Closed: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)
