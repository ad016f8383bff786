"""cmi5: cmi5.xml course structure (cmi5 spec, Quartz, sections 13-14)."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from scormkit.archive import PackageFile
from scormkit.namespaces import CMI5_COURSE as CS
from scormkit.plaintext import plain_text
from scormkit.plan import PackagePlan
from scormkit.xapi_activities import course_iri
from scormkit.xml import element, serialize

STATE_BUDGET = 64000  # resume state is a State API document, as for xAPI


def manifest(plan: PackagePlan, files: Sequence[PackageFile]) -> PackageFile:
    """cmi5.xml with one AU per launch unit (the whole course, or each module).

    Each AU launches the same page with the parameters that make the player play only its
    unit; its moveOn and masteryScore follow whether it is scored. The files need no listing.
    """
    course = plan.course
    lang = course.language
    root = etree.Element(f"{{{CS}}}courseStructure", nsmap={None: CS})  # type: ignore[dict-item]
    node = element(root, f"{{{CS}}}course", attrib={"id": course_iri(course)})
    _langstrings(node, "title", course.title, lang)
    _langstrings(node, "description", plain_text(course.description) or course.title, lang)
    for unit in plan.units:
        ident = f"{course_iri(course)}/au" + (f"/{unit.id}" if plan.per_module else "")
        _au(root, plan, ident, unit.title, unit.href, scored=unit.scored)
    return PackageFile("cmi5.xml", serialize(root))


def _au(
    root: etree._Element, plan: PackagePlan, ident: str, title: str, url: str, *, scored: bool
) -> None:
    course = plan.course
    passing = plan.passing_score if scored else None
    # moveOn from the spec: a scored AU is done when passed and every page seen; an unscored
    # one when completed. masteryScore is the 0..1 form of the passing percent.
    attrib = {"id": ident, "moveOn": "CompletedAndPassed" if passing is not None else "Completed"}
    if passing is not None:
        attrib["masteryScore"] = f"{passing / 100:.2f}"
    attrib["launchMethod"] = "AnyWindow"
    au = element(root, f"{{{CS}}}au", attrib=attrib)
    _langstrings(au, "title", title, course.language)
    _langstrings(au, "description", plain_text(course.description) or title, course.language)
    element(au, f"{{{CS}}}url", url)


def _langstrings(parent: etree._Element, tag: str, text: str, lang: str) -> None:
    holder = element(parent, f"{{{CS}}}{tag}")
    element(holder, f"{{{CS}}}langstring", text, {"lang": lang})
