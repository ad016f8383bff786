"""What `check_package` found: the package's standard and edition, and findings with places."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, at a file of the package (and a line of it when known)."""

    file: str  # a zip member such as "imsmanifest.xml", or the package's own name
    line: int  # 1-based; 0 when the problem belongs to the file as a whole
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class FileSize:
    """A file of the package and its uncompressed size in bytes."""

    name: str
    size: int


@dataclass
class CheckReport:
    """Everything `check_package` learned about one package."""

    package: str  # the zip's file name
    standard: str = "unknown"  # "scorm12", "scorm2004", "xapi", "cmi5" or "unknown"
    edition: str = ""  # "1.2", "2nd", "3rd", "4th" for SCORM; "" otherwise
    unreadable: bool = False  # the zip could not be read, or was refused as unsafe
    schemas_checked: bool = False  # whether the manifest was validated against XSDs
    files: int = 0
    total_size: int = 0
    largest: list[FileSize] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def add(self, file: str, line: int, severity: Severity, message: str) -> None:
        """Record one finding."""
        self.findings.append(Finding(file, line, severity, message))

    def error(self, file: str, line: int, message: str) -> None:
        """Record an error: the package will fail in some or all LMSs."""
        self.add(file, line, "error", message)

    def warning(self, file: str, line: int, message: str) -> None:
        """Record a warning: the package may misbehave in some LMSs."""
        self.add(file, line, "warning", message)

    @property
    def errors(self) -> list[Finding]:
        """The findings of severity error."""
        return [f for f in self.findings if f.severity == "error"]

    @property
    def exit_status(self) -> int:
        """0 clean (warnings allowed), 1 errors found, 2 the package could not be read."""
        if self.unreadable:
            return 2
        return 1 if self.errors else 0

    @property
    def label(self) -> str:
        """The standard as people name it, e.g. "SCORM 2004 4th Edition"."""
        edition = f"{self.edition} Edition" if self.edition else "(edition unknown)"
        return {
            "scorm12": "SCORM 1.2",
            "scorm2004": f"SCORM 2004 {edition}",
            "xapi": "xAPI (tincan.xml)",
            "cmi5": "cmi5",
        }.get(self.standard, "unknown standard")

    def sorted_findings(self) -> list[Finding]:
        """Findings in file, line order; the same package always gives the same order."""
        return sorted(set(self.findings))

    def summary(self) -> str:
        """One line: what the package is and how big."""
        largest = ", ".join(f"{f.name} ({_size(f.size)})" for f in self.largest)
        text = f"{self.package}: {self.label}, {self.files} files, {_size(self.total_size)}"
        return f"{text}; largest: {largest}" if largest else text

    def to_json(self) -> str:
        """The report as JSON, for CI."""
        data = {
            "package": self.package,
            "standard": self.standard,
            "edition": self.edition,
            "unreadable": self.unreadable,
            "schemas_checked": self.schemas_checked,
            "files": self.files,
            "total_size": self.total_size,
            "largest": [{"name": f.name, "size": f.size} for f in self.largest],
            "findings": [
                {"file": f.file, "line": f.line, "severity": f.severity, "message": f.message}
                for f in self.sorted_findings()
            ],
            "exit_status": self.exit_status,
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
