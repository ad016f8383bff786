"""cmi5: cmi5.xml course structure (cmi5 Quartz §13-14; standards.md §7)."""

from __future__ import annotations

from lxml import etree

from scormkit.activities import course_iri
from scormkit.archive import PackageFile
from scormkit.plaintext import plain_text
from scormkit.plan import PackagePlan
from scormkit.xml import element, serialize

CS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
STATE_BUDGET = 64000  # resume state is a State API document, as for xAPI


def manifest(plan: PackagePlan) -> PackageFile:
    """cmi5.xml with one AU for the whole course, or one per module (packaging.sco_per_module)."""
    course = plan.course
    lang = course.language
    root = etree.Element(f"{{{CS}}}courseStructure", nsmap={None: CS})  # type: ignore[dict-item]
    node = element(root, f"{{{CS}}}course", attrib={"id": course_iri(course)})
    _langstrings(node, "title", course.title, lang)
    _langstrings(node, "description", plain_text(course.description) or course.title, lang)
    if not course.packaging.sco_per_module:
        _au(root, plan, f"{course_iri(course)}/au", course.title, plan.launch, scored=True)
        return PackageFile("cmi5.xml", serialize(root))
    for module in course.modules:
        # Each module is an AU of its own, launched with the parameters that make the player
        # play only that module; its moveOn and masteryScore follow whether it is scored.
        _au(
            root,
            plan,
            f"{course_iri(course)}/au/{module.id}",
            module.title,
            plan.launch + plan.module_launch(module),
            scored=module.is_scored(),
        )
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
