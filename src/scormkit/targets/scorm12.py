"""SCORM 1.2: imsmanifest.xml (ADL SCORM 1.2 CAM, ch. 2 Content Packaging)."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from scormkit.archive import PackageFile
from scormkit.namespaces import ADLCP12 as ADLCP
from scormkit.namespaces import CP12 as CP
from scormkit.namespaces import IMSMD, XML, XSI
from scormkit.plan import PackagePlan
from scormkit.targets.content_packaging import LomBinding, Names, add_items, add_lom
from scormkit.xml import element, serialize

XML_LANG = f"{{{XML}}}lang"

# The control documents every 1.2 package names, relative to the package root.
SCHEMA_LOCATIONS = (
    f"{CP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"
)
NAMES = Names(cp=CP, scorm_type=f"{{{ADLCP}}}scormtype")
# cmi.suspend_data is CMIString4096 (SCORM 1.2 RTE 3.4.2).
STATE_BUDGET = 4096


def manifest(plan: PackagePlan, files: Sequence[PackageFile]) -> PackageFile:
    """The imsmanifest.xml: one SCO per launch unit (the whole course, or each module)."""
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
    add_lom(metadata, plan, LOM_BINDING)

    org_id = f"org-{plan.identifier}"
    organizations = element(root, f"{{{CP}}}organizations", attrib={"default": org_id})
    organization = element(organizations, f"{{{CP}}}organization", attrib={"identifier": org_id})
    element(organization, f"{{{CP}}}title", course.title)
    resources = element(root, f"{{{CP}}}resources")

    def details(item: etree._Element, index: int) -> None:
        if course.packaging.modules_in_order and index > 0:
            # The previous SCO must be completed or passed first (CAM 1.2 2.3.5.1.1).
            previous = f"item-{plan.units[index - 1].id}"
            element(item, f"{{{ADLCP}}}prerequisites", previous, {"type": "aicc_script"})
        # The LMS may turn status into passed/failed from masteryscore (SCORM 1.2 RTE 3.4.4,
        # cmi.student_data.mastery_score), so name one only when the launch itself reports a
        # 0-100 raw score.
        if plan.passing_score is not None and plan.units[index].scored:
            element(item, f"{{{ADLCP}}}masteryscore", str(plan.passing_score))

    add_items(plan, files, organization, resources, NAMES, details)
    return PackageFile("imsmanifest.xml", serialize(root))


def _langstring(parent: etree._Element, text: str, lang: str) -> None:
    element(parent, f"{{{IMSMD}}}langstring", text, {XML_LANG: lang})


LOM_BINDING = LomBinding(IMSMD, "lifecycle", _langstring)
