"""Who speaks in a role-play: a cast of named people with a portrait per mood."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from pydantic import Field

from scormkit.spec.base import Id, SpecModel
from scormkit.spec.document import PathKey, quote

if TYPE_CHECKING:
    from scormkit.spec.activities import Scene

Report = Callable[[PathKey, str], None]


class Portrait(SpecModel):
    src: str = Field(description="Image of the speaker in this mood, relative to the spec file.")
    alt: str = Field(
        min_length=1,
        description="What the picture shows, read aloud by screen readers, e.g. "
        "'Mr. Okafor frowns, arms folded'.",
    )


class CastMember(SpecModel):
    """A person of the role-play; scenes name them by `id` in `speaker`."""

    id: Id = Field(description="Unique within the scenario; what scenes give as `speaker`.")
    name: str = Field(min_length=1, description="Shown above their lines, e.g. 'Mr. Okafor'.")
    role: str | None = Field(default=None, description="Who they are, e.g. 'Patient'.")
    portraits: dict[str, Portrait] = Field(
        default_factory=dict,
        description="Portrait per mood, e.g. {calm: {src: img/okafor-calm.svg, alt: ...}}; "
        "scenes of this speaker must give one of these moods, and a scene without a mood "
        "shows the first. None: the player shows the speaker's initials.",
    )

    def portrait(self, mood: str | None) -> Portrait | None:
        """The portrait for `mood` (the first one when no mood is given), if there is one."""
        if mood is None:
            return next(iter(self.portraits.values()), None)
        return self.portraits.get(mood)

    def initials(self) -> str:
        """Up to two capitals from the name, skipping titles and post-nominals ('Mr.', ', RN')."""
        return initials(self.name)


def initials(name: str) -> str:
    """'Mr. Daniel Okafor' -> 'DO', 'Rosa Kim, RN' -> 'RK', 'Narrator' -> 'N'."""
    words = [w for w in re.split(r"\s+", name.split(",")[0]) if w and not w.endswith(".")]
    letters = [w[0].upper() for w in words if w[0].isalpha()]
    return "".join(letters[:1] + letters[1:][-1:])


def check_speakers(
    path: PathKey, cast: Sequence[CastMember], scenes: Sequence[Scene], report: Report
) -> None:
    """Report scenes naming no cast member, or a mood their speaker has no portrait for."""
    if not cast:
        return  # without a cast, `speaker` is a name shown as written
    members: dict[str, CastMember] = {}
    for one in cast:
        members.setdefault(one.id, one)  # a repeated id is reported with the other ids
    for s, scene in enumerate(scenes):
        here = (*path, "scenes", s)
        if scene.speaker is None:
            continue
        member = members.get(scene.speaker)
        if member is None:
            report(
                (*here, "speaker"),
                f"no cast member {quote(scene.speaker)}{_did_you_mean(scene.speaker, members)}; "
                f"the cast is: {', '.join(members)}",
            )
        elif scene.mood is not None and member.portraits and scene.mood not in member.portraits:
            moods = list(member.portraits)
            report(
                (*here, "mood"),
                f"{member.id} has no portrait for mood {quote(scene.mood)}"
                f"{_did_you_mean(scene.mood, moods)}; give one of: {', '.join(moods)}",
            )


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean {quote(close[0])}?)" if close else ""
