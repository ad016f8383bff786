"""The player files a package ships, listed by name, and how they are slimmed for shipping.

Every package carries the player core (`PLAYER`) and one tracker: the module in
runtime/track/ that talks to the target's LMS or LRS, with the modules it imports (`TRACKERS`).
A new runtime module is added to these lists; tests/building/test_runtime_files.py fails
until it is.
"""

from __future__ import annotations

from importlib import resources

from scormkit.archive import PackageFile
from scormkit.errors import BuildError

PLAYER = (
    "launch.js", "player.css", "player.js", "progress.js", "questionview.js",
    "quiz.js", "quizview.js", "scenario.js", "scenarioview.js", "state.js", "survey.js",
    "surveyview.js", "text.js", "view.js",
)  # fmt: skip
TRACKERS = {
    "cmi5": ("cmi5.js", "duration.js", "lrs.js", "xapistatements.js"),
    "scorm12": ("scorm12.js", "scormapi.js"),
    "scorm2004": ("scorm2004.js", "duration.js", "scormapi.js"),
    "xapi": ("xapi.js", "duration.js", "lrs.js", "xapistatements.js"),
}


def runtime_files(tracker: str) -> tuple[str, ...]:
    """The hrefs of the player files a package with `tracker` ships, in package order."""
    if tracker not in TRACKERS:
        raise BuildError(f"no player tracker '{tracker}'; known: {', '.join(sorted(TRACKERS))}")
    own, *shared = TRACKERS[tracker]
    return (
        *(f"runtime/{name}" for name in PLAYER),
        f"runtime/track/{own}",
        *(f"runtime/track/{name}" for name in sorted(shared)),
    )


def read_runtime(hrefs: tuple[str, ...]) -> list[PackageFile]:
    """The files at `hrefs` (under runtime/) as packages carry them, comments stripped."""
    package = resources.files("scormkit")
    return [shipped(href, (package / href).read_text("utf-8")) for href in hrefs]


def shipped(href: str, source: str) -> PackageFile:
    """A runtime file as packages carry it: without comment lines, blank lines or indentation.

    The source explains itself at length; learners need none of it, and dropping it keeps the
    player near a third lighter over the wire. Only whole comment lines go (`//` lines and
    `/* ... */` blocks that start a line). That is safe by construction because a source line
    can only continue a string in two ways, both refused here: a template literal over several
    lines, and a backslash at the end of a line. Every other line starting with `//` or `/*` is
    a comment (a regular expression cannot start with either).
    """
    _refuse_multiline_strings(href, source)
    kept: list[str] = []
    in_block = False
    for line in source.splitlines():
        text = line.strip()
        if in_block:
            in_block = "*/" not in text
            continue
        if text.startswith("/*") and ("*/" not in text or text.endswith("*/")):
            in_block = "*/" not in text
            continue
        if text and not (href.endswith(".js") and text.startswith("//")):
            kept.append(text)
    return PackageFile(href, ("\n".join(kept) + "\n").encode("utf-8"))


def _refuse_multiline_strings(href: str, source: str) -> None:
    """Raise BuildError naming the first line that continues a string onto the next one."""
    for number, line in enumerate(source.splitlines(), start=1):
        code = line.strip()
        if code.startswith(("//", "*", "/*")):
            continue  # comment lines may say anything
        if line.endswith("\\") or code.replace("\\`", "").count("`") % 2:
            raise BuildError(
                f"{href}:{number}: a string continues onto the next line; the comment stripper "
                "would change it: keep template literals and strings on one line"
            )
