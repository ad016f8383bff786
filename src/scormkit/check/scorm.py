"""Rules for imsmanifest.xml that need no XSD (IMS CP 1.1.x as profiled by SCORM 1.2 and 2004).

Sources: SCORM 1.2 CAM ch. 2; SCORM 2004 4th Ed. CAM ch. 3 (packaging) and ch. 5 (sequencing).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from scormkit.check.package import Package
from scormkit.lms.xml_read import line_of
from scormkit.namespaces import ADLCP12, ADLCP2004, CP12, CP2004, XML, XSI

XML_BASE = f"{{{XML}}}base"
# schemaversion of each SCORM 2004 edition (CAM 3.4.1.3); LMSs branch on this string.
EDITIONS = {"2004 4th Edition": "4th", "2004 3rd Edition": "3rd", "CAM 1.3": "2nd"}
NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
# Smallest permitted maximums (SPM) of SCORM 2004 CAM 3.4: longer values may be cut by an LMS.
SPM_2004 = {"title": 200, "parameters": 1000, "href": 2000, "dataFromLMS": 4000}


def scorm_edition(root: etree._Element) -> tuple[str, str]:
    """The standard ("scorm12", "scorm2004") and edition a manifest's root declares."""
    namespace = etree.QName(root).namespace or ""
    version = _text(root.find(f"{{{namespace}}}metadata/{{{namespace}}}schemaversion"))
    if namespace == CP12:
        return "scorm12", "1.2"
    return "scorm2004", EDITIONS.get(version, "")


@dataclass(frozen=True)
class _Manifest:
    """What every manifest rule reads: the package, the manifest and its dialect."""

    package: Package
    root: etree._Element
    cp: str  # the IMS CP namespace of the standard
    standard: str  # "scorm12" or "scorm2004"
    resources: dict[str, etree._Element]  # by identifier


def check_manifest(package: Package, root: etree._Element, standard: str) -> None:
    """Report every structural problem of the manifest `root` of a SCORM `standard` package."""
    cp = CP12 if standard == "scorm12" else CP2004
    report, where = package.report, package.manifest
    if etree.QName(root).localname != "manifest" or etree.QName(root).namespace != cp:
        report.error(where, line_of(root), "the root element is not an IMS CP <manifest>")
        return
    _check_metadata(package, root, cp, standard)
    _check_identifiers(package, root)
    resources = {
        r.get("identifier", ""): r for r in root.iterfind(f"{{{cp}}}resources/{{*}}resource")
    }
    manifest = _Manifest(package, root, cp, standard, resources)
    _check_organizations(manifest)
    _check_resources(manifest)


def _check_metadata(package: Package, root: etree._Element, cp: str, standard: str) -> None:
    report, where = package.report, package.manifest
    version_element = root.find(f"{{{cp}}}metadata/{{{cp}}}schemaversion")
    version = _text(version_element)
    line = _line(version_element, root)
    if standard == "scorm12" and version not in ("1.2", ""):
        report.warning(where, line, f"schemaversion '{version}' is not '1.2'")
    if standard == "scorm2004" and version not in EDITIONS:
        editions = ", ".join(f"'{e}'" for e in EDITIONS)
        report.error(
            where, line, f"schemaversion '{version}' names no SCORM 2004 edition ({editions})"
        )
    hints = (root.get(f"{{{XSI}}}schemaLocation") or "").split()
    for location in hints[1::2]:
        if location.startswith(("http://", "https://")):
            report.warning(
                where,
                line_of(root),
                f"schemaLocation '{location}' is remote; LMSs that validate offline fail it "
                "(ship the XSD and name it relatively)",
            )


def _check_identifiers(package: Package, root: etree._Element) -> None:
    report, where = package.report, package.manifest
    elements = [e for e in root.iter(etree.Element) if e.get("identifier") is not None]
    counts = Counter(e.get("identifier") for e in elements)
    for element in elements:
        identifier = element.get("identifier", "")
        line = line_of(element)
        if not NCNAME.match(identifier):
            report.error(where, line, f"identifier '{identifier}' is not an XML ID (an NCName)")
        if counts[identifier] > 1:
            report.error(
                where, line, f"identifier '{identifier}' is used {counts[identifier]} times"
            )


def _check_organizations(manifest: _Manifest) -> None:
    package, root, cp, standard = manifest.package, manifest.root, manifest.cp, manifest.standard
    report, where = package.report, package.manifest
    organizations = root.find(f"{{{cp}}}organizations")
    found = [] if organizations is None else organizations.findall(f"{{{cp}}}organization")
    if not found:
        report.error(where, _line(organizations, root), "no <organization>: nothing to launch")
        return
    assert organizations is not None
    default = organizations.get("default")
    names = [o.get("identifier") for o in found]
    if default is None:
        report.warning(where, line_of(organizations), "<organizations> names no default")
    elif default not in names:
        report.error(
            where, line_of(organizations), f"default organization '{default}' does not exist"
        )
    for organization in found:
        _check_title(package, organization, cp, standard)
        for item in organization.iter(f"{{{cp}}}item"):
            _check_item(manifest, item)


def _check_item(manifest: _Manifest, item: etree._Element) -> None:
    package, cp, standard, resources = (
        manifest.package,
        manifest.cp,
        manifest.standard,
        manifest.resources,
    )
    report, where = package.report, package.manifest
    line = line_of(item)
    name = item.get("identifier", "")
    ref = item.get("identifierref")
    is_leaf = item.find(f"{{{cp}}}item") is None
    _check_title(package, item, cp, standard)
    if ref is not None and not is_leaf:
        message = f"item '{name}' has child items and also launches '{ref}'; only leaf items launch"
        report.add(where, line, "error" if standard == "scorm2004" else "warning", message)
    if ref is None and is_leaf:
        report.warning(where, line, f"leaf item '{name}' launches nothing (no identifierref)")
    if ref is not None:
        resource = resources.get(ref)
        if resource is None:
            report.error(
                where, line, f"item '{name}' refers to resource '{ref}', which does not exist"
            )
        elif not resource.get("href"):
            report.error(where, line, f"item '{name}' launches resource '{ref}', which has no href")
    parameters = item.get("parameters") or ""
    if standard == "scorm2004" and len(parameters) > SPM_2004["parameters"]:
        report.warning(where, line, _longer("parameters", parameters, SPM_2004["parameters"]))


def _check_title(package: Package, element: etree._Element, cp: str, standard: str) -> None:
    title = element.find(f"{{{cp}}}title")
    line = _line(title, element)
    if not _text(title):
        package.report.error(
            package.manifest, line, f"<{etree.QName(element).localname}> has no title"
        )
    elif standard == "scorm2004" and len(_text(title)) > SPM_2004["title"]:
        package.report.warning(
            package.manifest, line, _longer("title", _text(title), SPM_2004["title"])
        )


def _check_resources(manifest: _Manifest) -> None:
    package, root, cp, standard = manifest.package, manifest.root, manifest.cp, manifest.standard
    resources = manifest.resources
    report, where = package.report, package.manifest
    adlcp = ADLCP12 if standard == "scorm12" else ADLCP2004
    scorm_type = f"{{{adlcp}}}{'scormtype' if standard == 'scorm12' else 'scormType'}"
    used = {i.get("identifierref") for i in root.iter(f"{{{cp}}}item")}
    used |= {d.get("identifierref") for d in root.iter(f"{{{cp}}}dependency")}
    for element in (root, root.find(f"{{{cp}}}resources"), *resources.values()):
        value = element.get(XML_BASE) if element is not None else None
        if value is not None and (not value.endswith("/") or value.startswith("/")):
            # CAM 3.4.1.17: a relative folder ending in '/', joined to the hrefs below it.
            line = line_of(element) if element is not None else 1
            report.error(where, line, f"xml:base '{value}' must be a relative folder ending in '/'")
    for identifier, resource in resources.items():
        line = line_of(resource)
        kind = resource.get(scorm_type)
        if kind not in ("sco", "asset"):
            attribute = etree.QName(scorm_type).localname
            report.error(
                where,
                line,
                f"resource '{identifier}' has adlcp:{attribute} '{kind or ''}'; "
                "write 'sco' or 'asset'",
            )
        if identifier not in used:
            report.warning(where, line, f"resource '{identifier}' is used by no item or dependency")
        base = _xml_base(root, resource, cp)
        href = resource.get("href")
        if href is not None:
            if standard == "scorm2004" and len(href) > SPM_2004["href"]:
                report.warning(where, line, _longer("href", href, SPM_2004["href"]))
            package.check_href(href, line, "launch file", base=base)
        for file in resource.iterfind(f"{{{cp}}}file"):
            file_href = file.get("href") or ""
            member = package.check_href(file_href, line_of(file), "file", base=base)
            if member:
                package.listed.add(member)
        for dependency in resource.iterfind(f"{{{cp}}}dependency"):
            ref = dependency.get("identifierref")
            if ref not in resources:
                report.error(
                    where,
                    line_of(dependency),
                    f"dependency '{ref}' of resource '{identifier}' does not exist",
                )


def _xml_base(root: etree._Element, resource: etree._Element, cp: str) -> str:
    # xml:base of manifest, resources and resource prefix hrefs in that order (IMS CP 1.1.4).
    resources = root.find(f"{{{cp}}}resources")
    return "".join(e.get(XML_BASE) or "" for e in (root, resources, resource) if e is not None)


def _longer(what: str, value: str, limit: int) -> str:
    return f"{what} is {len(value)} characters; LMSs may keep only {limit} (SCORM 2004 SPM)"


def _text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _line(element: etree._Element | None, fallback: etree._Element) -> int:
    return line_of(element if element is not None else fallback)
