"""Problems real LMSs have with SCORM packages that show in the manifest and scripts.

Each rule cites the section of the standard it follows and says what real LMSs do with it.
"""

from __future__ import annotations

from lxml import etree

from scormkit.check.package import Package
from scormkit.lms.xml_read import line_of
from scormkit.namespaces import ADLCP12, ADLCP2004, CP12, CP2004, IMSMD, IMSSS, LOM

LOM_NAMESPACES = (IMSMD, LOM)
# LOM (IEEE 1484.12.1) smallest permitted maximums of the text an LMS catalogue shows.
LOM_LIMITS = {"title": 1000, "description": 2000, "keyword": 1000}


def check_pitfalls(package: Package, root: etree._Element, standard: str) -> None:
    """Warn about what makes a valid SCORM package misbehave in some LMSs."""
    _check_lom_lengths(package, root)
    if standard == "scorm12":
        _check_scorm12(package, root)
    else:
        _check_scorm2004(package, root)


def _check_lom_lengths(package: Package, root: etree._Element) -> None:
    for namespace in LOM_NAMESPACES:
        for name, limit in LOM_LIMITS.items():
            for field in root.iter(f"{{{namespace}}}{name}"):
                for text in field.iter(f"{{{namespace}}}langstring", f"{{{namespace}}}string"):
                    value = (text.text or "").strip()
                    if len(value) > limit:
                        package.report.warning(
                            package.manifest,
                            line_of(text),
                            f"metadata {name} is {len(value)} characters; LOM allows {limit}",
                        )


def _check_scorm12(package: Package, root: etree._Element) -> None:
    report, where = package.report, package.manifest
    for element in root.iter(f"{{{ADLCP12}}}masteryscore"):
        value = (element.text or "").strip()
        line = line_of(element)
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0 <= number <= 100:
            report.error(where, line, f"masteryscore '{value}' is not a number from 0 to 100")
        elif not package.mentions("cmi.core.score.raw"):
            # SCORM 1.2 RTE 3.4.4 (cmi.student_data.mastery_score): with a mastery score the LMS
            # may decide pass/fail from score.raw.
            report.warning(
                where,
                line,
                "masteryscore is set but no script sets cmi.core.score.raw; LMSs may mark the "
                "SCO failed or never passed",
            )
    for element in root.iter(f"{{{ADLCP12}}}datafromlms"):
        if len(element.text or "") > 255:
            report.error(where, line_of(element), "datafromlms is longer than 255 characters")
    line = _launched_sco(root, CP12, f"{{{ADLCP12}}}scormtype")
    if line and not package.mentions("LMSInitialize"):
        report.error(
            where, line, "a SCO is launched but no script calls LMSInitialize (SCORM 1.2 RTE 3.3)"
        )


def _check_scorm2004(package: Package, root: etree._Element) -> None:
    report, where = package.report, package.manifest
    scorm_type = f"{{{ADLCP2004}}}scormType"
    line = _launched_sco(root, CP2004, scorm_type)
    if line and not package.mentions("API_1484_11"):
        report.error(
            where,
            line,
            "a SCO is launched but no script looks for API_1484_11 (SCORM 2004 RTE 3.1)",
        )
    collection = {
        s.get("ID"): s
        for s in root.iterfind(f"{{{IMSSS}}}sequencingCollection/{{{IMSSS}}}sequencing")
    }
    resources = {r.get("identifier"): r for r in root.iter(f"{{{CP2004}}}resource")}
    for item in root.iter(f"{{{CP2004}}}item"):
        resource = resources.get(item.get("identifierref"))
        if resource is None or resource.get(scorm_type) != "sco":
            continue
        controls = _delivery_controls(item, collection)
        if not all(
            controls.get(a) == "true" for a in ("completionSetByContent", "objectiveSetByContent")
        ):
            # SCORM 2004 CAM 5.1.7 (deliveryControls): with the defaults (false) sequencing LMSs
            # mark the SCO done on launch.
            report.warning(
                where,
                line_of(item),
                f"item '{item.get('identifier')}' launches a SCO without deliveryControls "
                "completionSetByContent and objectiveSetByContent 'true'; sequencing LMSs mark "
                "it completed and satisfied as soon as it opens",
            )
    for organization in root.iter(f"{{{CP2004}}}organization"):
        leaves = [i for i in organization.iter(f"{{{CP2004}}}item") if i.get("identifierref")]
        mode = organization.find(f"{{{IMSSS}}}sequencing/{{{IMSSS}}}controlMode")
        if len(leaves) > 1 and (mode is None or mode.get("flow") != "true"):
            # SCORM 2004 CAM 5.1.3 (controlMode): flow defaults to false, so the LMS offers no
            # Continue.
            report.warning(
                where,
                line_of(organization),
                f"organization '{organization.get('identifier')}' has {len(leaves)} SCOs but no "
                "controlMode flow='true'; LMSs show no Continue/Previous between them",
            )


def _launched_sco(root: etree._Element, cp: str, scorm_type: str) -> int:
    """The line of the first SCO resource an item launches, or 0."""
    launched = {i.get("identifierref") for i in root.iter(f"{{{cp}}}item")}
    for resource in root.iter(f"{{{cp}}}resource"):
        if resource.get(scorm_type) == "sco" and resource.get("identifier") in launched:
            return line_of(resource)
    return 0


def _delivery_controls(
    item: etree._Element, collection: dict[str | None, etree._Element]
) -> dict[str, str]:
    """The deliveryControls attributes of `item`, its own over those of its IDRef (SN 3.2)."""
    sequencing = item.find(f"{{{IMSSS}}}sequencing")
    if sequencing is None:
        return {}
    attributes: dict[str, str] = {}
    shared = collection.get(sequencing.get("IDRef"))
    for source in (shared, sequencing):
        controls = source.find(f"{{{IMSSS}}}deliveryControls") if source is not None else None
        if controls is not None:
            attributes.update({str(k): str(v) for k, v in controls.attrib.items()})
    return attributes
