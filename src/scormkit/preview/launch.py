"""What an LMS reads from a package's descriptor to launch it: the file and the LMS data."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
CP12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP12 = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
ADLCP2004 = "{http://www.adlnet.org/xsd/adlcp_v1p3}"
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


class NoLaunch(ValueError):
    """The manifest names nothing to launch."""


@dataclass(frozen=True)
class Launch:
    """The first SCO of a package (SCORM CAM: the default organization's first leaf item)."""

    standard: str  # "scorm12" or "scorm2004"
    href: str  # launch file relative to the package root, with item parameters appended
    data: dict[str, str] = field(default_factory=dict)  # data-model elements the manifest sets


def read_launch(manifest: etree._Element) -> Launch:
    """The launch of the default organization's first item that points at a resource."""
    cp = etree.QName(manifest).namespace or ""
    organizations = manifest.find(f"{{{cp}}}organizations")
    resources = manifest.find(f"{{{cp}}}resources")
    if organizations is None or resources is None:
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
    item = next((i for i in organization.iter(f"{{{cp}}}item") if i.get("identifierref")), None)
    if item is None:
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
    return Launch(standard, href, _item_data(item, ITEM_DATA_12 if cp == CP12 else ITEM_DATA_2004))


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
