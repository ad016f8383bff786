"""Unpacking a SCORM package (1.2 or 2004) and reading from its manifest what an LMS needs to
launch it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

CP12 = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
CP2004 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class UnsafePackage(ValueError):
    """A zip entry would land outside the folder the package is unpacked into."""


def unpack(zip_path: Path, dest: Path) -> Path:
    """Extract `zip_path` into the new folder `dest`, refusing entries that escape it."""
    dest.mkdir(parents=True)
    root = dest.resolve()
    with zipfile.ZipFile(zip_path) as zf:
        for entry in zf.infolist():
            name = entry.filename
            parts = PurePosixPath(name).parts
            target = root.joinpath(*parts).resolve()
            escapes = name.startswith("/") or "\\" in name or ".." in parts
            if escapes or not target.is_relative_to(root):
                raise UnsafePackage(f"{zip_path.name}: '{name}' would be written outside {dest}")
            if entry.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(entry) as source, target.open("wb") as out:
                out.write(source.read())
    return dest


@dataclass(frozen=True)
class Launch:
    """What an LMS takes from imsmanifest.xml to launch a SCO (SCORM 1.2 CAM ch. 2)."""

    standard: str  # "scorm12" or "scorm2004", from the manifest's namespace
    item: str  # identifier of the launched item
    href: str  # launch file relative to the package root, with item parameters appended
    data: dict[str, str] = field(default_factory=dict)  # cmi elements the manifest sets


def launchable_items(package_dir: Path) -> list[str]:
    """Identifiers of the default organization's items that launch something, in order."""
    manifest = ET.parse(package_dir / "imsmanifest.xml").getroot()
    cp = manifest.tag[: manifest.tag.index("}") + 1]
    return [
        str(i.get("identifier"))
        for i in _organization(manifest, cp).iter(f"{cp}item")
        if i.get("identifierref")
    ]


def _organization(manifest: ET.Element, cp: str) -> ET.Element:
    organizations = manifest.find(f"{cp}organizations")
    if organizations is None:
        raise ValueError("imsmanifest.xml has no <organizations>")
    default = organizations.get("default")
    organization = next(
        (o for o in organizations.findall(f"{cp}organization") if o.get("identifier") == default),
        organizations.find(f"{cp}organization"),
    )
    if organization is None:
        raise ValueError("imsmanifest.xml has no <organization>")
    return organization


def read_launch(package_dir: Path, item_id: str | None = None) -> Launch:
    """The launch of item `item_id`, or of the default organization's first launchable item."""
    manifest = ET.parse(package_dir / "imsmanifest.xml").getroot()
    CP = manifest.tag[: manifest.tag.index("}") + 1]  # noqa: N806 - the namespace, as above
    if CP not in (CP12, CP2004):
        raise ValueError(f"imsmanifest.xml is in no SCORM namespace: {manifest.tag}")
    resources = manifest.find(f"{CP}resources")
    if resources is None:
        raise ValueError("imsmanifest.xml has no <resources>")
    organization = _organization(manifest, CP)
    item = next(
        (
            i
            for i in organization.iter(f"{CP}item")
            if i.get("identifierref") and item_id in (None, i.get("identifier"))
        ),
        None,
    )
    if item is None:
        raise ValueError("no <item> of the default organization points at a resource")
    ref = item.get("identifierref")
    resource = next(
        (r for r in resources.findall(f"{CP}resource") if r.get("identifier") == ref), None
    )
    if resource is None or not resource.get("href"):
        raise ValueError(f"item '{item.get('identifier')}' points at no resource with an href")
    # xml:base of manifest, resources and resource prefix the href, in that order (IMS CP 1.1).
    base = "".join(e.get(XML_BASE) or "" for e in (manifest, resources, resource))
    href = _with_parameters(base + str(resource.get("href")), item.get("parameters"))
    standard = "scorm12" if CP == CP12 else "scorm2004"
    data = _item_data(item) if standard == "scorm12" else {}
    return Launch(standard, str(item.get("identifier")), href, data)


def _with_parameters(href: str, parameters: str | None) -> str:
    # IMS CP best practice: parameters starting with '?' or '&' are joined to the href's query.
    if not parameters:
        return href
    parameters = parameters.lstrip("?&")
    return f"{href}{'&' if '?' in href else '?'}{parameters}"


# adlcp elements of an item and the cmi elements an LMS fills from them (SCORM 1.2 CAM ch. 2).
ITEM_DATA = {
    "masteryscore": "cmi.student_data.mastery_score",
    "maxtimeallowed": "cmi.student_data.max_time_allowed",
    "timelimitaction": "cmi.student_data.time_limit_action",
    "datafromlms": "cmi.launch_data",
}


def _item_data(item: ET.Element) -> dict[str, str]:
    data = {}
    for name, element in ITEM_DATA.items():
        found = item.find(f"{ADLCP}{name}")
        if found is not None and found.text and found.text.strip():
            data[element] = found.text.strip()
    return data
