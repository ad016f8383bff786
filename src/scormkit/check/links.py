"""Links and embeds in a package's pages that name files the zip does not hold."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from scormkit.check.package import Package

# Attributes that name another file of the package, by element.
_REFS = {
    "a": ("href",), "img": ("src",), "audio": ("src",), "video": ("src", "poster"),
    "source": ("src",), "track": ("src",), "script": ("src",), "link": ("href",),
    "iframe": ("src",), "embed": ("src",), "object": ("data",),
}  # fmt: skip


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []  # line, element, url

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name in _REFS.get(tag, ()):
                self.found.append((self.getpos()[0], tag, value))


def check_links(package: Package, name: str) -> None:
    """Report each relative link or embed in page `name` to a file missing from the zip."""
    parser = _Refs()
    parser.feed(package.text(name))
    parser.close()
    names = set(package.zip.names)
    lower = {n.lower(): n for n in names}
    for line, tag, url in parser.found:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or url.startswith("/"):
            continue  # another host, an in-page anchor, or mailto:/tel:/javascript:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
        if target in names:
            continue
        close = lower.get(target.lower())
        hint = f" (the zip has '{close}': the letter case differs)" if close else ""
        what = "links to" if tag == "a" else "loads"
        package.report.error(name, line, f"{what} '{url}', which is not in the zip{hint}")
