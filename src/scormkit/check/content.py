"""Rules for the package's files themselves: names, sizes, unlisted files, other hosts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from scormkit.assets import IMAGE_SUFFIXES, LARGE_IMAGE
from scormkit.check.links import check_links
from scormkit.check.package import Package
from scormkit.check.report import FileSize

LARGE_FILE = 100 * 1024**2  # bytes; uploads this big time out or are refused by many LMSs
LARGEST_SHOWN = 5
CONTROL_DOCUMENT_SUFFIXES = (".xsd", ".dtd")
# Places where a page, style or script makes the browser fetch a URL. Links the learner may
# click (<a href>) and identifiers that merely look like URLs (xAPI verbs, XML namespaces) do
# not fetch anything, so they are not matched. Every pattern runs in time linear in the text
# (no unbounded lazy span before the URL): a crafted file cannot make `check` slow.
_URL = r"""(?P<url>(?:https?:)?//[^\s"'()<>]+)"""
# An HTML start tag up to its `>` or the next `<`: tags found this way never overlap.
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)[^<>]*")
_FETCHING_TAGS = {"script", "img", "iframe", "audio", "video", "source", "track", "embed",
                  "object", "input"}  # fmt: skip
_TAG_ATTRIBUTES = {
    "link": re.compile(rf"""\bhref\s*=\s*["']?{_URL}""", re.IGNORECASE),
    **dict.fromkeys(
        _FETCHING_TAGS,
        re.compile(rf"""\b(?:src|data|poster)\s*=\s*["']?{_URL}""", re.IGNORECASE),
    ),
}
FETCHES = {
    "css": [
        re.compile(rf"""url\(\s*["']?{_URL}""", re.IGNORECASE),
        re.compile(rf"""@import\s+["']{_URL}""", re.IGNORECASE),
    ],
    "js": [
        re.compile(rf"""\b(?:import|from)\s*\(?\s*["']{_URL}"""),
        re.compile(rf"""\b(?:fetch|importScripts|sendBeacon)\s*\(\s*["']{_URL}"""),
        re.compile(rf"""\bopen\s*\(\s*(?:["'][A-Za-z]+["']\s*,\s*)?["']{_URL}"""),
        re.compile(rf"""\.src\s*=\s*["']{_URL}"""),
    ],
}
KINDS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".svg": "html",
    ".css": "css",
    ".js": "js",
    ".mjs": "js",
}


def check_files(package: Package, *, listed_files: bool) -> None:
    """Report file-level problems; with `listed_files`, also members the manifest omits."""
    report, names = package.report, package.zip.names
    report.files = len(names)
    sizes = sorted(
        (FileSize(n, package.zip.size(n)) for n in names), key=lambda f: (-f.size, f.name)
    )
    report.total_size = sum(f.size for f in sizes)
    report.largest = sizes[:LARGEST_SHOWN]
    for file in sizes:
        if file.size > LARGE_FILE:
            report.warning(
                file.name, 0, f"{file.size // 1024**2} MB; LMS uploads this large often fail"
            )
        elif file.size > LARGE_IMAGE and file.name.lower().endswith(IMAGE_SUFFIXES):
            report.warning(
                file.name,
                0,
                f"image of {file.size // 1024} KB; images over {LARGE_IMAGE // 1024} KB slow "
                "every page that shows them",
            )
    for name in sorted(set(package.zip.duplicates)):
        report.error(name, 0, "stored more than once in the zip; LMSs may unpack either copy")
    for name in names:
        if "\\" in name:
            report.error(name, 0, "the zip stores this name with backslashes; use '/' in zip paths")
    if listed_files:
        for name in names:
            if name not in package.listed and name != package.manifest and not _is_control(name):
                report.warning(name, 0, f"in the zip but not listed in {package.manifest}")
    for name in package.text_files():
        _check_fetches(package, name)
        if KINDS[name[name.rfind(".") :].lower()] == "html":
            check_links(package, name)


def _is_control(name: str) -> bool:
    return name.lower().endswith(CONTROL_DOCUMENT_SUFFIXES)


def _check_fetches(package: Package, name: str) -> None:
    kind = KINDS[name[name.rfind(".") :].lower()]
    text = package.text(name)
    urls = list(_urls(text, kind))
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))] if urls else []
    seen: set[tuple[int, str]] = set()
    for at, url in sorted(urls):
        line = bisect.bisect_right(line_starts, at)
        if (line, url) in seen:
            continue
        seen.add((line, url))
        package.report.error(
            name,
            line,
            f"loads '{url}' from another host; packages must be self-contained (offline LMSs, "
            "privacy, cross-domain SCORM)",
        )


def _urls(text: str, kind: str) -> Iterator[tuple[int, str]]:
    """(offset, URL) of each fetch from another host in `text`, a file of `kind`."""
    if kind == "html":
        for tag in _TAG.finditer(text):
            attribute = _TAG_ATTRIBUTES.get(tag[1].lower())
            if attribute is not None:
                for match in attribute.finditer(text, tag.start(), tag.end()):
                    yield match.start("url"), match["url"]
    for pattern in FETCHES["css"] + FETCHES["js"] if kind == "html" else FETCHES[kind]:
        for match in pattern.finditer(text):
            yield match.start("url"), match["url"]
