"""The items and resources of an IMS Content Packaging manifest, shared by SCORM 1.2 and 2004.

Both SCORM versions package content the same way (IMS CP 1.1.x); they differ in namespaces,
in the name of the scormtype attribute, and in what each item says beyond its title.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from scormkit.plaintext import plain_text
from scormkit.plan import PackagePlan
from scormkit.xml import element


@dataclass(frozen=True)
class Names:
    """The qualified names one SCORM version uses for the same content-packaging parts."""

    cp: str  # namespace of manifest, organization, item, resource and file
    scorm_type: str  # qualified name of the resource attribute saying "sco" or "asset"


@dataclass(frozen=True)
class LomBinding:
    """How one SCORM version writes catalogue metadata: IMS MD 1.2.1 (1.2) or IEEE LOM (2004)."""

    ns: str  # namespace of the metadata elements
    lifecycle: str  # "lifecycle" in IMS MD, "lifeCycle" in IEEE LOM
    # Writes a string in a language: <langstring xml:lang> or <string language>.
    langstring: Callable[[etree._Element, str, str], None]


def add_lom(metadata: etree._Element, plan: PackagePlan, binding: LomBinding) -> None:
    """Catalogue metadata inline, so LMS libraries show title, description and keywords."""
    course = plan.course
    lang = course.language
    ns = binding.ns
    lom = element(metadata, f"{{{ns}}}lom")
    general = element(lom, f"{{{ns}}}general")
    binding.langstring(element(general, f"{{{ns}}}title"), course.title, lang)
    element(general, f"{{{ns}}}language", lang)
    if course.description:
        description = element(general, f"{{{ns}}}description")
        binding.langstring(description, plain_text(course.description), lang)
    for word in course.keywords:
        binding.langstring(element(general, f"{{{ns}}}keyword"), word, lang)
    lifecycle = element(lom, f"{{{ns}}}{binding.lifecycle}")
    binding.langstring(element(lifecycle, f"{{{ns}}}version"), course.version, lang)


# Adds what a version says about an item after its title; the index is the module's position
# when each module is a SCO, None when the course is one SCO.
ItemDetails = Callable[[etree._Element, int | None], None]


def add_items(
    plan: PackagePlan,
    organization: etree._Element,
    resources: etree._Element,
    names: Names,
    details: ItemDetails,
) -> None:
    """One item and SCO for the course, or one per module, with the resources they launch."""
    cp = names.cp
    if not plan.course.packaging.sco_per_module:
        res_id = f"res-{plan.identifier}"
        item_id = f"item-{plan.identifier}"
        item = element(
            organization, f"{{{cp}}}item", attrib={"identifier": item_id, "identifierref": res_id}
        )
        element(item, f"{{{cp}}}title", plan.course.title)
        details(item, None)
        _files(_resource(resources, names, res_id, "sco", plan.launch), names, plan)
        return
    # Every module's SCO launches the same page with the module as a parameter (item
    # @parameters), and the player plays only that module; the files they share are one asset.
    files_id = f"files-{plan.identifier}"
    for index, module in enumerate(plan.course.modules):
        res_id = f"res-{module.id}"
        attrib = {
            "identifier": f"item-{module.id}",
            "identifierref": res_id,
            "parameters": plan.module_launch(module),
        }
        item = element(organization, f"{{{cp}}}item", attrib=attrib)
        element(item, f"{{{cp}}}title", module.title)
        details(item, index)
        resource = _resource(resources, names, res_id, "sco", plan.launch)
        element(resource, f"{{{cp}}}file", attrib={"href": plan.launch})
        element(resource, f"{{{cp}}}dependency", attrib={"identifierref": files_id})
    _files(_resource(resources, names, files_id, "asset", None), names, plan)


def _resource(
    resources: etree._Element, names: Names, res_id: str, kind: str, href: str | None
) -> etree._Element:
    attrib = {"identifier": res_id, "type": "webcontent", names.scorm_type: kind}
    if href is not None:
        attrib["href"] = href
    return element(resources, f"{{{names.cp}}}resource", attrib=attrib)


def _files(resource: etree._Element, names: Names, plan: PackagePlan) -> None:
    for file in plan.files:
        element(resource, f"{{{names.cp}}}file", attrib={"href": file.href})
