"""Errors the library raises; `cli.py` turns them into messages and exit status 1."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input file; lines and columns count from 1. Line 0 means the input has no
    lines (a course or model built in code): `file` then names it."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


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


class BuildError(ScormkitError):
    """A valid spec could not be turned into a package (bad target, unwritable output...)."""
