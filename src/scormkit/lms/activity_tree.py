"""What an LMS reads from a SCORM 2004 manifest to sequence it: scorm-again's activity tree.

scorm-again runs the SCORM 2004 sequencing engine but leaves reading imsmanifest.xml to the LMS
(its `sequencing.activityTree` setting); this is that LMS part, for the imsss elements the
packages use: controlMode, preConditionRule, rollupRules, objectives with mapInfo,
deliveryControls and adlnav:presentation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from scormkit.lms.xml_read import parse_xml
from scormkit.namespaces import ADLNAV, CP2004, IMSSS

CP = f"{{{CP2004}}}"
SS = f"{{{IMSSS}}}"
NAV = f"{{{ADLNAV}}}"


def _flags(element: etree._Element | None, names: tuple[str, ...]) -> dict[str, bool]:
    if element is None:
        return {}
    return {name: element.get(name) == "true" for name in names if element.get(name) is not None}


def _objective(element: etree._Element, ident: str) -> dict[str, Any]:
    maps = [
        {
            "targetObjectiveID": m.get("targetObjectiveID"),
            **{k: v == "true" for k, v in m.attrib.items() if k != "targetObjectiveID"},
        }
        for m in element.findall(f"{SS}mapInfo")
    ]
    return {"objectiveID": element.get("objectiveID") or ident, "mapInfo": maps}


def _rules(sequencing: etree._Element) -> dict[str, Any]:
    pre = []
    for rule in sequencing.iterfind(f"{SS}sequencingRules/{SS}preConditionRule"):
        conditions = rule.find(f"{SS}ruleConditions")
        assert conditions is not None
        pre.append(
            {
                "action": rule.find(f"{SS}ruleAction").get("action"),  # type: ignore[union-attr]
                "conditionCombination": conditions.get("conditionCombination", "all"),
                "conditions": [dict(c.attrib) for c in conditions.findall(f"{SS}ruleCondition")],
            }
        )
    return {"preConditionRules": pre} if pre else {}


def _rollup(rules: etree._Element) -> dict[str, Any]:
    return {
        "rules": [
            {
                "action": rule.find(f"{SS}rollupAction").get("action"),  # type: ignore[union-attr]
                "consideration": rule.get("childActivitySet", "all"),
                "conditionCombination": "any",
                "conditions": [
                    dict(c.attrib)
                    for c in rule.iterfind(f"{SS}rollupConditions/{SS}rollupCondition")
                ],
            }
            for rule in rules.findall(f"{SS}rollupRule")
        ]
    }


def _activity(node: etree._Element) -> dict[str, Any]:
    title = node.find(f"{CP}title")
    settings: dict[str, Any] = {
        "id": node.get("identifier"),
        "title": title.text if title is not None else "",
    }
    children = [_activity(item) for item in node.findall(f"{CP}item")]
    if children:
        settings["children"] = children
    sequencing = node.find(f"{SS}sequencing")
    if sequencing is not None:
        controls = _flags(sequencing.find(f"{SS}controlMode"), ("choice", "flow", "forwardOnly"))
        rollup = sequencing.find(f"{SS}rollupRules")
        controls |= _flags(rollup, ("rollupObjectiveSatisfied", "rollupProgressCompletion"))
        delivery = _flags(
            sequencing.find(f"{SS}deliveryControls"),
            ("tracked", "completionSetByContent", "objectiveSetByContent"),
        )
        controls |= delivery
        settings["sequencingControls"] = controls
        settings["deliveryControls"] = delivery
        if rules := _rules(sequencing):
            settings["sequencingRules"] = rules
        if rollup is not None and rollup.findall(f"{SS}rollupRule"):
            settings["rollupRules"] = _rollup(rollup)
        objectives = sequencing.find(f"{SS}objectives")
        if objectives is not None:
            primary = objectives.find(f"{SS}primaryObjective")
            if primary is not None:
                settings["primaryObjective"] = {
                    **_objective(primary, f"{settings['id']}-primary"),
                    "isPrimary": True,
                }
            settings["objectives"] = [
                _objective(o, "") for o in objectives.findall(f"{SS}objective")
            ]
    hidden = [
        e.text for e in node.iterfind(f"{NAV}presentation/{NAV}navigationInterface/{NAV}hideLMSUI")
    ]
    if hidden:
        settings["hideLmsUi"] = hidden
    return settings


def activity_tree(package_dir: Path) -> dict[str, Any]:
    """The default organization of the package's manifest as scorm-again's activity tree."""
    manifest = parse_xml((package_dir / "imsmanifest.xml").read_bytes(), "imsmanifest.xml")
    organizations = manifest.find(f"{CP}organizations")
    assert organizations is not None, "imsmanifest.xml has no <organizations>"
    default = organizations.get("default")
    organization = next(
        o for o in organizations.findall(f"{CP}organization") if o.get("identifier") == default
    )
    return _activity(organization)
