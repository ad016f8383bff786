"""Rules for the package's files themselves: names, sizes, unlisted files, other hosts."""

from __future__ import annotations

import re

from scormkit.check.links import check_links
from scormkit.check.package import Package
from scormkit.check.report import FileSize

LARGE_FILE = 100 * 1024**2  # bytes; uploads this big time out or are refused by many LMSs
LARGEST_SHOWN = 5
CONTROL_DOCUMENT_SUFFIXES = (".xsd", ".dtd")
# Places where a page, style or script makes the browser fetch a URL. Links the learner may
# click (<a href>) and identifiers that merely look like URLs (xAPI verbs, XML namespaces) do
# not fetch anything, so they are not matched.
_URL = r"""(?P<url>(?:https?:)?//[^\s"'()<>]+)"""
FETCHES = {
    "html": [
        re.compile(
            r"<(?:script|img|iframe|audio|video|source|track|embed|object|input)\b[^>]*?"
            rf"""\b(?:src|data|poster)\s*=\s*["']?{_URL}""",
            re.IGNORECASE,
        ),
        re.compile(rf"""<link\b[^>]*?\bhref\s*=\s*["']?{_URL}""", re.IGNORECASE),
    ],
    "css": [
        re.compile(rf"""url\(\s*["']?{_URL}""", re.IGNORECASE),
        re.compile(rf"""@import\s+["']{_URL}""", re.IGNORECASE),
    ],
    "js": [
        re.compile(rf"""\bimport\s*(?:\(|[^;'"]*?\bfrom)?\s*["']{_URL}"""),
        re.compile(rf"""\b(?:fetch|importScripts|sendBeacon|open)\s*\([^)]*?["']{_URL}"""),
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
    """Report file-level problems; with `listed_files`, also members the descriptor omits."""
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
    for name in sorted(set(package.zip.duplicates)):
        report.error(name, 0, "stored more than once in the zip; LMSs may unpack either copy")
    for name in names:
        if "\\" in name:
            report.error(name, 0, "the zip stores this name with backslashes; use '/' in zip paths")
    if listed_files:
        for name in names:
            if name not in package.listed and name != package.descriptor and not _is_control(name):
                report.warning(name, 0, f"in the zip but not listed in {package.descriptor}")
    for name in package.text_files():
        _check_fetches(package, name)
        if KINDS[name[name.rfind(".") :].lower()] == "html":
            check_links(package, name)


def _is_control(name: str) -> bool:
    return name.lower().endswith(CONTROL_DOCUMENT_SUFFIXES)


def _check_fetches(package: Package, name: str) -> None:
    kind = KINDS[name[name.rfind(".") :].lower()]
    text = package.text(name)
    patterns = FETCHES[kind] + (FETCHES["css"] + FETCHES["js"] if kind == "html" else [])
    seen: set[tuple[int, str]] = set()
    for pattern in patterns:
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start("url")) + 1
            url = match.group("url")
            if (line, url) in seen:
                continue
            seen.add((line, url))
            package.report.error(
                name,
                line,
                f"loads '{url}' from another host; packages must be self-contained (offline LMSs, "
                "privacy, cross-domain SCORM)",
            )
