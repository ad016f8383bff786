"""One package under check: its zip, its report and the member paths its manifest lists."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from scormkit.check.report import CheckReport
from scormkit.errors import UnsafePackage
from scormkit.lms.package_zip import PackageZip

TEXT_SUFFIXES = (".html", ".htm", ".xhtml", ".js", ".mjs", ".css", ".svg")
# Bytes of pages and scripts read for scanning, in all: bounds memory on a hostile zip of
# many large, highly compressible pages. Real courses have a few MB of text.
SCAN_BUDGET = 64 * 1024**2
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class Package:
    """What the rules share: the zip, the report they add to and what the manifest lists."""

    zip: PackageZip
    report: CheckReport
    manifest: str = ""  # the member holding the manifest, cmi5.xml or tincan.xml
    listed: set[str] = field(default_factory=set)  # members the manifest names
    _texts: dict[str, str] = field(default_factory=dict)
    _scanned: int = 0
    _by_lower: dict[str, str] | None = None  # lower-cased member name -> first member

    def text_files(self) -> list[str]:
        """The members that browsers run or render as text: pages, scripts, styles, SVG."""
        return [n for n in self.zip.names if n.lower().endswith(TEXT_SUFFIXES)]

    def text(self, name: str) -> str:
        """The member `name` decoded as UTF-8 (undecodable bytes replaced); "" if too large."""
        if name not in self._texts:
            size = self.zip.size(name)
            if self._scanned + size > SCAN_BUDGET:
                if self._scanned <= SCAN_BUDGET:
                    self.report.warning(
                        name, 0, f"not scanned: pages and scripts past {SCAN_BUDGET} bytes in all"
                    )
                    self._scanned = SCAN_BUDGET + 1
                return ""
            self._scanned += size
            try:
                data = self.zip.read(name)
            except UnsafePackage:
                data = b""
            self._texts[name] = data.decode("utf-8", errors="replace")
        return self._texts[name]

    def mentions(self, needle: str) -> bool:
        """Whether any page or script of the package contains `needle`."""
        return any(needle in self.text(name) for name in self.text_files())

    def check_href(self, href: str, line: int, what: str, *, base: str = "") -> str | None:
        """Report a bad `href` (of `what`, at `line`); return the member it names, if local."""
        report, where = self.report, self.manifest
        if "\\" in href:
            report.error(where, line, f"{what} '{href}' uses backslashes; use '/'")
            return None
        if href.startswith("/"):
            report.error(where, line, f"{what} '{href}' is absolute; make it package-relative")
            return None
        if SCHEME.match(href):
            report.warning(where, line, f"{what} '{href}' is on another host, not in the package")
            return None
        path = unquote(urlsplit(base + href).path)
        member = posixpath.normpath(posixpath.join(posixpath.dirname(self.manifest), path))
        if member.startswith("../"):
            report.error(where, line, f"{what} '{href}' points outside the package")
            return None
        if member not in self.zip.infos:
            named = f"{what} '{href}'" + (f" (with xml:base, '{member}')" if base else "")
            report.error(where, line, f"{named} is not in the zip{self._case_hint(member)}")
            return None
        if " " in href:
            report.warning(where, line, f"{what} '{href}' has a space; write it as %20")
        return member

    def _case_hint(self, member: str) -> str:
        if self._by_lower is None:  # made once: a manifest may name 100,000 missing files
            self._by_lower = {}
            for name in self.zip.names:
                self._by_lower.setdefault(name.lower(), name)
        same = self._by_lower.get(member.lower())
        if same:
            return f" (the zip has '{same}'; LMS servers are case-sensitive)"
        return ""
