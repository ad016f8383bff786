"""What an LMS reads from a package's manifest to launch it: the file and the LMS data."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from scormkit.errors import NoLaunch
from scormkit.namespaces import ADLCP12 as ADLCP12_NS
from scormkit.namespaces import ADLCP2004 as ADLCP2004_NS
from scormkit.namespaces import CP12, XML

XML_BASE = f"{{{XML}}}base"
ADLCP12 = f"{{{ADLCP12_NS}}}"
ADLCP2004 = f"{{{ADLCP2004_NS}}}"
# adlcp elements of an item and the data-model elements an LMS fills from them.
ITEM_DATA_12 = {
    f"{ADLCP12}masteryscore": "cmi.student_data.mastery_score",
    f"{ADLCP12}maxtimeallowed": "cmi.student_data.max_time_allowed",
    f"{ADLCP12}timelimitaction": "cmi.student_data.time_limit_action",
    f"{ADLCP12}datafromlms": "cmi.launch_data",
}
ITEM_DATA_2004 = {
    f"{ADLCP2004}dataFromLMS": "cmi.launch_data",
    f"{ADLCP2004}timeLimitAction": "cmi.time_limit_action",
}


@dataclass(frozen=True)
class Launch:
    """A SCO of a package and what the LMS gives it (SCORM CAM: an organization's leaf item)."""

    standard: str  # "scorm12" or "scorm2004", from the manifest's namespace
    item: str  # identifier of the launched item
    href: str  # launch file relative to the package root, with item parameters appended
    data: dict[str, str] = field(default_factory=dict)  # data-model elements the manifest sets


def launchable_items(manifest: etree._Element) -> list[str]:
    """Identifiers of the default organization's items that launch something, in order."""
    cp = etree.QName(manifest).namespace or ""
    return [
        str(i.get("identifier"))
        for i in _organization(manifest, cp).iter(f"{{{cp}}}item")
        if i.get("identifierref")
    ]


def read_launch(manifest: etree._Element, item_id: str | None = None) -> Launch:
    """The launch of item `item_id`, or of the default organization's first launchable item."""
    cp = etree.QName(manifest).namespace or ""
    resources = manifest.find(f"{{{cp}}}resources")
    if resources is None:
        raise NoLaunch("imsmanifest.xml has no <organizations> or no <resources>")
    organization = _organization(manifest, cp)
    item = next(
        (
            i
            for i in organization.iter(f"{{{cp}}}item")
            if i.get("identifierref") and item_id in (None, i.get("identifier"))
        ),
        None,
    )
    if item is None:
        if item_id is not None:
            raise NoLaunch(f"no launchable <item> '{item_id}' in the default organization")
        raise NoLaunch("no <item> of the default organization points at a resource")
    ref = item.get("identifierref")
    resource = next(
        (r for r in resources.findall(f"{{{cp}}}resource") if r.get("identifier") == ref), None
    )
    if resource is None or not resource.get("href"):
        raise NoLaunch(f"item '{item.get('identifier')}' points at no resource with an href")
    # xml:base of manifest, resources and resource prefix the href, in that order (IMS CP 1.1).
    base = "".join(e.get(XML_BASE) or "" for e in (manifest, resources, resource))
    href = _with_parameters(base + str(resource.get("href")), item.get("parameters"))
    standard = "scorm12" if cp == CP12 else "scorm2004"
    data = _item_data(item, ITEM_DATA_12 if cp == CP12 else ITEM_DATA_2004)
    return Launch(standard, str(item.get("identifier")), href, data)


def _organization(manifest: etree._Element, cp: str) -> etree._Element:
    organizations = manifest.find(f"{{{cp}}}organizations")
    if organizations is None:
        raise NoLaunch("imsmanifest.xml has no <organizations> or no <resources>")
    default = organizations.get("default")
    organization = next(
        (
            o
            for o in organizations.findall(f"{{{cp}}}organization")
            if o.get("identifier") == default
        ),
        organizations.find(f"{{{cp}}}organization"),
    )
    if organization is None:
        raise NoLaunch("imsmanifest.xml has no <organization>")
    return organization


def _with_parameters(href: str, parameters: str | None) -> str:
    # IMS CP best practice: parameters starting with '?' or '&' are joined to the href's query.
    if not parameters:
        return href
    parameters = parameters.lstrip("?&")
    return f"{href}{'&' if '?' in href else '?'}{parameters}"


def _item_data(item: etree._Element, elements: dict[str, str]) -> dict[str, str]:
    data = {}
    for tag, element in elements.items():
        found = item.find(tag)
        if found is not None and found.text and found.text.strip():
            data[element] = found.text.strip()
    return data
