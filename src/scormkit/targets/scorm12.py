"""SCORM 1.2: imsmanifest.xml (ADL SCORM 1.2 CAM, ch. 2 Content Packaging)."""

from __future__ import annotations

from lxml import etree

from scormkit.archive import PackageFile
from scormkit.plan import PackagePlan
from scormkit.xml import element, serialize

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The control documents every 1.2 package names, relative to the package root.
SCHEMA_LOCATIONS = (
    f"{CP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"
)
# cmi.suspend_data is CMIString4096 (SCORM 1.2 RTE 3.4.2).
STATE_BUDGET = 4096


def manifest(plan: PackagePlan) -> PackageFile:
    """The imsmanifest.xml: one SCO for the whole course, or one per module."""
    course = plan.course
    root = etree.Element(
        f"{{{CP}}}manifest",
        {
            "identifier": plan.identifier,
            "version": course.version,
            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS,
        },
        # lxml-stubs does not allow None, lxml's key for the default namespace.
        nsmap={None: CP, "adlcp": ADLCP, "imsmd": IMSMD, "xsi": XSI},  # type: ignore[dict-item]
    )
    metadata = element(root, f"{{{CP}}}metadata")
    element(metadata, f"{{{CP}}}schema", "ADL SCORM")
    element(metadata, f"{{{CP}}}schemaversion", "1.2")
    _lom(metadata, plan)

    org_id = f"org-{plan.identifier}"
    organizations = element(root, f"{{{CP}}}organizations", attrib={"default": org_id})
    organization = element(organizations, f"{{{CP}}}organization", attrib={"identifier": org_id})
    element(organization, f"{{{CP}}}title", course.title)
    resources = element(root, f"{{{CP}}}resources")
    if course.packaging.sco_per_module:
        _sco_per_module(plan, organization, resources)
    else:
        _single_sco(plan, organization, resources)
    return PackageFile("imsmanifest.xml", serialize(root))


def _single_sco(plan: PackagePlan, organization: etree._Element, resources: etree._Element) -> None:
    res_id = f"res-{plan.identifier}"
    item = element(
        organization,
        f"{{{CP}}}item",
        attrib={"identifier": f"item-{plan.identifier}", "identifierref": res_id},
    )
    element(item, f"{{{CP}}}title", plan.course.title)
    _masteryscore(item, plan.passing_score)
    resource = _sco_resource(resources, res_id, plan.launch)
    for file in plan.files:
        element(resource, f"{{{CP}}}file", attrib={"href": file.href})


def _sco_per_module(
    plan: PackagePlan, organization: etree._Element, resources: etree._Element
) -> None:
    # One item per module launching the same page with its module as a parameter; the shared
    # files are one asset every SCO depends on (CAM 1.2 2.3.7).
    files_id = f"files-{plan.identifier}"
    previous: str | None = None
    for module in plan.course.modules:
        res_id = f"res-{module.id}"
        item_id = f"item-{module.id}"
        item = element(
            organization,
            f"{{{CP}}}item",
            attrib={
                "identifier": item_id,
                "identifierref": res_id,
                "parameters": plan.module_launch(module),
            },
        )
        element(item, f"{{{CP}}}title", module.title)
        if plan.course.packaging.modules_in_order and previous is not None:
            # The previous SCO must be completed or passed first (CAM 1.2 2.3.5.1.1).
            element(item, f"{{{ADLCP}}}prerequisites", previous, {"type": "aicc_script"})
        if plan.is_scored(module):
            _masteryscore(item, plan.passing_score)
        previous = item_id
        resource = _sco_resource(resources, res_id, plan.launch)
        element(resource, f"{{{CP}}}file", attrib={"href": plan.launch})
        element(resource, f"{{{CP}}}dependency", attrib={"identifierref": files_id})
    shared = element(
        resources,
        f"{{{CP}}}resource",
        attrib={"identifier": files_id, "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset"},
    )
    for file in plan.files:
        element(shared, f"{{{CP}}}file", attrib={"href": file.href})


def _masteryscore(item: etree._Element, passing_score: int | None) -> None:
    # Pitfall 5 (standards.md section 9): the LMS may turn status into passed/failed from
    # masteryscore, so name one only when the player itself reports a 0-100 raw score.
    if passing_score is not None:
        element(item, f"{{{ADLCP}}}masteryscore", str(passing_score))


def _sco_resource(resources: etree._Element, res_id: str, href: str) -> etree._Element:
    return element(
        resources,
        f"{{{CP}}}resource",
        attrib={
            "identifier": res_id,
            "type": "webcontent",
            f"{{{ADLCP}}}scormtype": "sco",
            "href": href,
        },
    )


def _lom(metadata: etree._Element, plan: PackagePlan) -> None:
    """Catalogue metadata inline, so LMS libraries show title, description and keywords."""
    course = plan.course
    lang = course.language
    lom = element(metadata, f"{{{IMSMD}}}lom")
    general = element(lom, f"{{{IMSMD}}}general")
    _langstring(element(general, f"{{{IMSMD}}}title"), course.title, lang)
    element(general, f"{{{IMSMD}}}language", lang)
    if course.description:
        _langstring(element(general, f"{{{IMSMD}}}description"), course.description.strip(), lang)
    for word in course.keywords:
        _langstring(element(general, f"{{{IMSMD}}}keyword"), word, lang)
    lifecycle = element(lom, f"{{{IMSMD}}}lifecycle")
    _langstring(element(lifecycle, f"{{{IMSMD}}}version"), course.version, lang)


def _langstring(parent: etree._Element, text: str, lang: str) -> None:
    element(parent, f"{{{IMSMD}}}langstring", text, {XML_LANG: lang})
