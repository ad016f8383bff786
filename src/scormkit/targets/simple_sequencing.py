"""IMS Simple Sequencing (imsss) of SCORM 2004 packages: what the LMS may launch and when.

The rules follow SCORM 2004 4th Edition SN book ch. 3-4 and CAM ch. 5. Status always comes from
the content (deliveryControls ...SetByContent, CAM 5.1.7), because many LMSs ignore sequencing
altogether and the defaults would mark a SCO complete on launch.
"""

from __future__ import annotations

from lxml import etree

from scormkit.namespaces import ADLNAV, IMSSS
from scormkit.plan import LaunchUnit, PackagePlan
from scormkit.xml import element


def _ss(parent: etree._Element, name: str, attrib: dict[str, str] | None = None) -> etree._Element:
    return element(parent, f"{{{IMSSS}}}{name}", attrib=attrib)


def _global_objective(plan: PackagePlan, unit: LaunchUnit) -> str:
    """The IRI of the global objective a module's SCO writes its satisfaction to."""
    return f"{plan.course.iri.rstrip('/')}/{plan.identifier}/modules/{unit.id}"


def course_sequencing(parent: etree._Element, plan: PackagePlan) -> None:
    """The organization's rules: flow and choice navigation, and how module status rolls up."""
    sequencing = _ss(parent, "sequencing")
    # flow defaults to false: without it the LMS offers no Continue/Previous (SN 3.2.1).
    _ss(sequencing, "controlMode", {"choice": "true", "flow": "true"})
    if plan.course.packaging.assessment is not None:
        # Only the assessment contributes to rollup (see module_sequencing), so the course is
        # complete and satisfied exactly when the assessment is satisfied (SN 4.6).
        rules = _ss(sequencing, "rollupRules")
        for operator, action in (
            ("noOp", "completed"),
            ("noOp", "satisfied"),
            ("not", "incomplete"),
            ("not", "notSatisfied"),
        ):
            rule = _ss(rules, "rollupRule", {"childActivitySet": "all"})
            conditions = _ss(rule, "rollupConditions")
            _ss(conditions, "rollupCondition", {"operator": operator, "condition": "satisfied"})
            _ss(rule, "rollupAction", {"action": action})


def module_sequencing(
    parent: etree._Element, plan: PackagePlan, module: LaunchUnit, previous: LaunchUnit | None
) -> None:
    """One module's SCO: its own objective, an optional precondition, content-set status."""
    packaging = plan.course.packaging
    sequencing = _ss(parent, "sequencing")
    after = previous if packaging.modules_in_order else None
    if after is not None:
        # Disabled until the previous module's objective is known and satisfied; "not
        # satisfied" alone is unknown (so false) while that status is unknown (SN 3.4.2).
        rules = _ss(sequencing, "sequencingRules")
        rule = _ss(rules, "preConditionRule")
        conditions = _ss(rule, "ruleConditions", {"conditionCombination": "any"})
        for condition in ("objectiveStatusKnown", "satisfied"):
            _ss(
                conditions,
                "ruleCondition",
                {"referencedObjective": after.id, "operator": "not",
                 "condition": condition},
            )  # fmt: skip
        _ss(rule, "ruleAction", {"action": "disabled"})
    # With an assessment only it rolls up to the course; otherwise every module counts
    # towards completion, and those with scored questions towards success (SN 4.6.x).
    if packaging.assessment is not None:
        if module.id != packaging.assessment:
            off = {"rollupObjectiveSatisfied": "false", "rollupProgressCompletion": "false"}
            _ss(sequencing, "rollupRules", off)
    elif not module.scored:
        _ss(sequencing, "rollupRules", {"rollupObjectiveSatisfied": "false"})
    objectives = _ss(sequencing, "objectives")
    # The primary objective is cmi.success_status; the module's objective, id = module id, is
    # what the SCO reports as cmi.objectives: satisfied once the module is done (complete, and
    # passed when scored). Only a module the next one waits for shares it through an objective
    # map (CAM 5.1.6.3, SN 3.10): a map nothing reads changes nothing in the SN, and Moodle's
    # manifest parser aborts the upload on any <mapInfo> (docs/lms.md).
    _ss(objectives, "primaryObjective")
    read_next = packaging.modules_in_order and module is not plan.units[-1]
    if read_next:
        _objective(objectives, module.id, _global_objective(plan, module), write=True)
    else:
        _ss(objectives, "objective", {"objectiveID": module.id})
    if after is not None:
        _objective(objectives, after.id, _global_objective(plan, after), write=False)
    _delivery_controls(sequencing)


def _objective(objectives: etree._Element, ident: str, target: str, *, write: bool) -> None:
    objective = _ss(objectives, "objective", {"objectiveID": ident})
    flags = {"readSatisfiedStatus": str(not write).lower(), "readNormalizedMeasure": "false"}
    if write:
        flags["writeSatisfiedStatus"] = "true"
    _ss(objective, "mapInfo", {"targetObjectiveID": target, **flags})


def _delivery_controls(sequencing: etree._Element) -> None:
    """Status is the content's to set; the defaults would mark a SCO done on launch."""
    _ss(
        sequencing,
        "deliveryControls",
        {"completionSetByContent": "true", "objectiveSetByContent": "true"},
    )


def sco_sequencing(parent: etree._Element, plan: PackagePlan) -> None:
    """The single SCO of a one-launch course: one objective per module, content-set status."""
    sequencing = _ss(parent, "sequencing")
    objectives = _ss(sequencing, "objectives")
    _ss(objectives, "primaryObjective")
    for unit in plan.units:
        for module in unit.modules:
            _ss(objectives, "objective", {"objectiveID": module.id})
    _delivery_controls(sequencing)


def hide_lms_navigation(item: etree._Element) -> None:
    """Hide the LMS's Previous and Continue: the player's own buttons request them."""
    presentation = element(item, f"{{{ADLNAV}}}presentation")
    interface = element(presentation, f"{{{ADLNAV}}}navigationInterface")
    for control in ("previous", "continue"):
        element(interface, f"{{{ADLNAV}}}hideLMSUI", control)
