"""What real LMSs do with packages, as data: one `LmsProfile` per LMS, every fact with its source.

A fact is in a profile only if a public source says it (vendor documentation, a tracker issue,
the LMS's own source code); the source is kept with it and printed by `scormkit lms`. What no
source says is left out, and the standard's own rules apply instead. `generic` is the profile
of an LMS that does what the standards say.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from scormkit.errors import BuildError


@dataclass(frozen=True)
class Fact:
    """Something an LMS does, and the public page or file that says so."""

    text: str
    source: str


@dataclass(frozen=True)
class Defect(Fact):
    """Something an LMS does wrong; `detect` names the check (check/lms.py) that finds it."""

    detect: str | None = None


@dataclass(frozen=True)
class StateLimit(Fact):
    """The most characters of cmi.suspend_data the LMS keeps for packages of `targets`."""

    targets: tuple[str, ...] = ()
    characters: int = 0


@dataclass(frozen=True)
class LmsProfile:
    """One LMS: what it runs, what it keeps, how it launches, what it gets wrong."""

    name: str  # the --lms value
    title: str
    standards: tuple[Fact, ...] = ()  # which standards and editions it runs
    runs: frozenset[str] = frozenset()  # targets the standards facts name; empty: not documented
    suspend_data: tuple[StateLimit, ...] = ()
    sequencing: tuple[Fact, ...] = ()
    launch: tuple[Fact, ...] = ()
    defects: tuple[Defect, ...] = ()
    grading: tuple[Fact, ...] = ()
    # Why a SCORM 2004 package with one SCO per module is built as one SCO for this LMS.
    one_sco_in_2004: Fact | None = None

    def state_limit(self, target: str) -> StateLimit | None:
        """The LMS's documented suspend_data limit for `target` packages, if any."""
        return next((limit for limit in self.suspend_data if target in limit.targets), None)

    def detects(self, check: str) -> Defect | None:
        """The defect found by the check called `check`, if this LMS has it."""
        return next((defect for defect in self.defects if defect.detect == check), None)

    def facts(self) -> list[tuple[str, Fact]]:
        """Every fact with the heading it belongs under, in the order `scormkit lms` lists them."""
        groups: list[tuple[str, tuple[Fact, ...]]] = [
            ("runs", self.standards),
            ("suspend_data", self.suspend_data),
            ("sequencing", self.sequencing),
            ("launch", self.launch),
            ("grading", self.grading),
            ("defect", self.defects),
        ]
        return [(heading, fact) for heading, facts in groups for fact in facts]


def find_profile(name: str) -> LmsProfile:
    """The profile called `name`, or a BuildError naming the ones that exist."""
    from scormkit.profiles.catalogue import PROFILES

    if name in PROFILES:
        return PROFILES[name]
    close = difflib.get_close_matches(name, list(PROFILES), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise BuildError(f"unknown LMS '{name}'{hint}; choose from {', '.join(PROFILES)}")


def all_profiles() -> list[LmsProfile]:
    """Every profile, `generic` first."""
    from scormkit.profiles.catalogue import PROFILES

    return list(PROFILES.values())
