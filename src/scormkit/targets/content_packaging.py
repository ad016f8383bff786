"""The items and resources of an IMS Content Packaging manifest, shared by SCORM 1.2 and 2004.

Both SCORM versions package content the same way (IMS CP 1.1.x); they differ in namespaces,
in the name of the scormtype attribute, and in what each item says beyond its title.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from scormkit.archive import PackageFile
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


# Adds what a version says about an item after its title, given the launch unit's position.
ItemDetails = Callable[[etree._Element, int], None]


def add_items(
    plan: PackagePlan,
    files: Sequence[PackageFile],
    organization: etree._Element,
    resources: etree._Element,
    names: Names,
    details: ItemDetails,
) -> None:
    """One item and SCO per launch unit, with the resources they launch."""
    cp = names.cp
    if not plan.per_module:
        (unit,) = plan.units
        res_id = f"res-{unit.id}"
        item = element(
            organization,
            f"{{{cp}}}item",
            attrib={"identifier": f"item-{unit.id}", "identifierref": res_id},
        )
        element(item, f"{{{cp}}}title", unit.title)
        details(item, 0)
        _files(_resource(resources, names, res_id, "sco", plan.launch), names, files)
        return
    # Every module's SCO launches the same page with the module as a parameter (item
    # @parameters), and the player plays only that module; the files they share are one asset.
    files_id = f"files-{plan.identifier}"
    for index, unit in enumerate(plan.units):
        res_id = f"res-{unit.id}"
        attrib = {
            "identifier": f"item-{unit.id}",
            "identifierref": res_id,
            "parameters": unit.parameters,
        }
        item = element(organization, f"{{{cp}}}item", attrib=attrib)
        element(item, f"{{{cp}}}title", unit.title)
        details(item, index)
        resource = _resource(resources, names, res_id, "sco", plan.launch)
        element(resource, f"{{{cp}}}file", attrib={"href": plan.launch})
        element(resource, f"{{{cp}}}dependency", attrib={"identifierref": files_id})
    _files(_resource(resources, names, files_id, "asset", None), names, files)


def _resource(
    resources: etree._Element, names: Names, res_id: str, kind: str, href: str | None
) -> etree._Element:
    attrib = {"identifier": res_id, "type": "webcontent", names.scorm_type: kind}
    if href is not None:
        attrib["href"] = href
    return element(resources, f"{{{names.cp}}}resource", attrib=attrib)


def _files(resource: etree._Element, names: Names, files: Sequence[PackageFile]) -> None:
    for file in files:
        element(resource, f"{{{names.cp}}}file", attrib={"href": file.href})
