"""What one LMS will do wrong with a package: the defects of its profile found in the manifest.

Each check is named by the `detect` of a profile's defect (profiles/catalogue.py); a finding
quotes the defect and its source. Works on any SCORM package, made by scormkit or not.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from scormkit.check.report import Finding, Severity
from scormkit.errors import MalformedXml
from scormkit.lms.xml_read import line_of, parse_xml
from scormkit.profiles import Defect, LmsProfile

IMSSS = "http://www.imsglobal.org/xsd/imsss"
ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"
ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3"
MANIFEST = "imsmanifest.xml"

Located = list[int]  # the source lines of what a check found; empty: nothing found


def _objective_maps(root: etree._Element) -> Located:
    return [line_of(e) for e in root.iter(f"{{{IMSSS}}}mapInfo")]


def _hide_continue(root: etree._Element) -> Located:
    return [
        line_of(e)
        for e in root.iter(f"{{{ADLNAV}}}hideLMSUI")
        if (e.text or "").strip() == "continue"
    ]


def _several_2004_scos(root: etree._Element) -> Located:
    scos = {
        r.get("identifier")
        for r in root.iter("{*}resource")
        if r.get(f"{{{ADLCP}}}scormType") == "sco"
    }
    items = [
        e for e in root.iter("{*}item") if e.get("identifierref") in scos
    ]  # fmt: skip
    return [line_of(items[1])] if len(items) > 1 else []


CHECKS: dict[str, tuple[Severity, Callable[[etree._Element], Located]]] = {
    "objective-maps": ("error", _objective_maps),
    "hide-continue": ("warning", _hide_continue),
    "several-2004-scos": ("warning", _several_2004_scos),
}


def check_for_lms(path: Path | str, profile: LmsProfile) -> list[Finding]:
    """The findings of `profile`'s defect checks on the SCORM package at `path`."""
    try:
        with zipfile.ZipFile(path) as zf:
            root = parse_xml(zf.read(MANIFEST), MANIFEST)
    except (OSError, KeyError, zipfile.BadZipFile, MalformedXml):
        return []  # not a readable SCORM package: the standard checks say why
    if not _is_2004(root):
        return []
    findings = []
    for name, (severity, check) in CHECKS.items():
        defect = profile.detects(name)
        lines = check(root) if defect else []
        if defect and lines:
            findings.append(Finding(MANIFEST, lines[0], severity, _message(profile, defect, lines)))
    return findings


def _is_2004(root: etree._Element) -> bool:
    version = root.findtext(".//{*}schemaversion") or ""
    return "2004" in version or version.strip() in ("CAM 1.3", "1.3")


def _message(profile: LmsProfile, defect: Defect, lines: Located) -> str:
    more = f" ({len(lines)} places)" if len(lines) > 1 else ""
    return f"{profile.title}: {defect.text}{more}; source: {defect.source}"
