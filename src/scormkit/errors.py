"""Every exception scormkit raises on purpose, each name once.

`ScormkitError` and its subclasses are for users: `cli/` turns them into messages and an exit
status. The others (`MalformedXml`, `NoLaunch`, `SchemaProblem`) are caught inside the library
and turned into findings or messages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input file; lines and columns count from 1. Line 0 means the input has no
    lines (a course or model built in code): `file` then names it. Column 0 means only the
    line is known (the line of Python code that built a model)."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return (
            f"{self.file}:{self.line}:{self.column}" if self.column else f"{self.file}:{self.line}"
        )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a spec, where it is and what would be right."""

    where: Location
    path: str  # "modules[0].pages[0].blocks[1]"; "" for the document itself
    message: str

    def __str__(self) -> str:
        if self.path:
            return f"{self.where}: {self.path}: {self.message}"
        return f"{self.where}: {self.message}"


class ScormkitError(Exception):
    """Base of every error the library raises on purpose."""


class SpecError(ScormkitError):
    """A spec has one or more problems; `problems` lists all of them in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.where, p.path, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class YamlSyntaxError(SpecError):
    """A YAML file has syntax problems. `readable` is its text with the broken parts blanked
    (None when reading could not get past them), so the files it includes can still be read."""

    def __init__(self, problems: Iterable[Problem], readable: str | None) -> None:
        super().__init__(problems)
        self.readable = readable


class BuildError(ScormkitError):
    """A valid spec could not be turned into a package (bad target, unwritable output...)."""


class LaunchUnsupported(BuildError):
    """The spec launches each module on its own, which the target cannot describe."""

    def __init__(self, target_label: str) -> None:
        self.reason = (
            f"{target_label} packages launch the whole course; one launch per module is not "
            "supported for this target yet"
        )
        super().__init__(f"{self.reason}: set `packaging.launch_per_module: false` in the spec")


class UnsafePackage(ScormkitError):
    """A zip cannot be read, or was refused because reading or unpacking it could harm the
    machine (too large, or an entry that would land outside its folder)."""

    def __init__(self, file: str, message: str) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message


class MalformedXml(Exception):
    """An XML file is not well formed; `line` and `message` say where and why."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class NoLaunch(ValueError):
    """A manifest names nothing to launch."""


class SchemaProblem(Exception):
    """The control documents cannot be compiled into a schema."""


class ResultsError(ScormkitError):
    """An observation results file cannot be read or does not fit its checklist."""


class LrsError(ScormkitError):
    """The LRS refused statements or could not be reached; nothing was silently dropped."""


class LrsUnreachable(ScormkitError):
    """One request got no usable reply: the LRS could not be reached, did not answer in time,
    or did not answer as HTTP. Sending statements retries after it."""


class ReportError(ScormkitError):
    """Statements for a report could not be read: a missing file, an unreachable LRS."""
