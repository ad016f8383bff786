"""xAPI (Tin Can): tincan.xml (Rustici Software, "launch" lms_lrs.md, the tincan.xml format)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from scormkit.archive import PackageFile
from scormkit.namespaces import TINCAN as TC
from scormkit.plan import PackagePlan
from scormkit.xml import element, serialize

# Resume state lives in one State API document; LRSs take far more, this keeps saves small.
STATE_BUDGET = 64000
_COMPONENT_LISTS = ("choices", "scale", "source", "target", "steps")


def manifest(plan: PackagePlan, files: Sequence[PackageFile]) -> PackageFile:
    """tincan.xml: the course (the one launchable activity) and every activity it reports."""
    lang = plan.course.language
    root = etree.Element(f"{{{TC}}}tincan", nsmap={None: TC})  # type: ignore[dict-item]
    activities = element(root, f"{{{TC}}}activities")
    for index, activity in enumerate(plan.activities):
        _activity(activities, activity, lang, plan.launch if index == 0 else None)
    return PackageFile("tincan.xml", serialize(root))


def _activity(
    parent: etree._Element, activity: dict[str, Any], lang: str, launch: str | None
) -> None:
    definition = activity["definition"]
    node = element(
        parent, f"{{{TC}}}activity", attrib={"id": activity["id"], "type": definition["type"]}
    )
    name = definition["name"][lang]
    element(node, f"{{{TC}}}name", name, {"lang": lang})
    # The schema requires a description; an activity without one repeats its name.
    element(
        node,
        f"{{{TC}}}description",
        definition.get("description", {}).get(lang, name),
        {"lang": lang},
    )
    if launch:
        # Only the root activity launches: an LMS starts the package there (lms_lrs.md).
        element(node, f"{{{TC}}}launch", launch, {"lang": lang})
    if "interactionType" in definition:
        element(node, f"{{{TC}}}interactionType", definition["interactionType"])
    if "correctResponsesPattern" in definition:
        patterns = element(node, f"{{{TC}}}correctResponsePatterns")
        for pattern in definition["correctResponsesPattern"]:
            element(patterns, f"{{{TC}}}correctResponsePattern", pattern)
    for key in _COMPONENT_LISTS:
        if key in definition:
            listing = element(node, f"{{{TC}}}{key}")
            for component in definition[key]:
                item = element(listing, f"{{{TC}}}component")
                element(item, f"{{{TC}}}id", component["id"])
                element(
                    item, f"{{{TC}}}description", component["description"][lang], {"lang": lang}
                )
