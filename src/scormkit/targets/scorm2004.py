"""SCORM 2004 3rd and 4th Edition: imsmanifest.xml (ADL SCORM 2004 CAM ch. 3-5)."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from scormkit.archive import PackageFile
from scormkit.namespaces import ADLCP2004 as ADLCP
from scormkit.namespaces import ADLNAV, ADLSEQ, IMSSS, LOM, XSI
from scormkit.namespaces import CP2004 as CP
from scormkit.plan import PackagePlan
from scormkit.targets import simple_sequencing
from scormkit.targets.content_packaging import LomBinding, Names, add_items, add_lom
from scormkit.xml import element, serialize

NAMES = Names(cp=CP, scorm_type=f"{{{ADLCP}}}scormType")
# The control documents every 2004 package names, relative to the package root (CAM 3.3).
SCHEMA_LOCATIONS = " ".join(
    (
        f"{CP} imscp_v1p1.xsd",
        f"{ADLCP} adlcp_v1p3.xsd",
        f"{ADLSEQ} adlseq_v1p3.xsd",
        f"{ADLNAV} adlnav_v1p3.xsd",
        f"{IMSSS} imsss_v1p0.xsd",
        f"{LOM} lom.xsd",
    )
)
# cmi.suspend_data is characterstring SPM 64000 in the 3rd and 4th Edition RTE (4.2.24), but
# many LMSs that import "3rd Edition" packages still keep the 2nd Edition's SPM of 4000
# (SCORM 2004 2nd Ed. RTE 4.2.24), so a 3rd Edition package budgets for those.
STATE_BUDGET_4TH = 64000
STATE_BUDGET_3RD = 4000


def manifest_4th(plan: PackagePlan, files: Sequence[PackageFile]) -> PackageFile:
    """The imsmanifest.xml of a SCORM 2004 4th Edition package."""
    return _manifest(plan, files, "2004 4th Edition")


def manifest_3rd(plan: PackagePlan, files: Sequence[PackageFile]) -> PackageFile:
    """The imsmanifest.xml of a SCORM 2004 3rd Edition package."""
    return _manifest(plan, files, "2004 3rd Edition")


def _manifest(plan: PackagePlan, files: Sequence[PackageFile], schemaversion: str) -> PackageFile:
    course = plan.course
    root = etree.Element(
        f"{{{CP}}}manifest",
        {
            "identifier": plan.identifier,
            "version": course.version,
            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS,
        },
        # lxml-stubs does not allow None, lxml's key for the default namespace.
        nsmap={
            None: CP,  # type: ignore[dict-item]
            "adlcp": ADLCP,
            "adlseq": ADLSEQ,
            "adlnav": ADLNAV,
            "imsss": IMSSS,
            "lom": LOM,
            "xsi": XSI,
        },
    )
    metadata = element(root, f"{{{CP}}}metadata")
    element(metadata, f"{{{CP}}}schema", "ADL SCORM")
    # LMSs choose the edition from this exact string (CAM 3.4.1.4).
    element(metadata, f"{{{CP}}}schemaversion", schemaversion)
    add_lom(metadata, plan, LOM_BINDING)

    org_id = f"org-{plan.identifier}"
    organizations = element(root, f"{{{CP}}}organizations", attrib={"default": org_id})
    organization = element(
        organizations,
        f"{{{CP}}}organization",
        # Global objectives belong to this course, not to every course of the LMS (CAM 5.1.6).
        attrib={"identifier": org_id, f"{{{ADLSEQ}}}objectivesGlobalToSystem": "false"},
    )
    element(organization, f"{{{CP}}}title", course.title)
    resources = element(root, f"{{{CP}}}resources")

    def details(item: etree._Element, index: int) -> None:
        if not plan.per_module:
            simple_sequencing.sco_sequencing(item, plan)
            return
        previous = plan.units[index - 1] if index > 0 else None
        simple_sequencing.module_sequencing(item, plan, plan.units[index], previous)
        simple_sequencing.hide_lms_navigation(item)

    add_items(plan, files, organization, resources, NAMES, details)
    simple_sequencing.course_sequencing(organization, plan)
    return PackageFile("imsmanifest.xml", serialize(root))


def _langstring(parent: etree._Element, text: str, lang: str) -> None:
    element(parent, f"{{{LOM}}}string", text, {"language": lang})


LOM_BINDING = LomBinding(LOM, "lifeCycle", _langstring)
