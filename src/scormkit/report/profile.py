"""scormkit's xAPI Profile (xAPI Profiles 1.0, JSON-LD): the statements a report can trust.

The document ships as `profile.jsonld` beside this module and is printed by
`scormkit statements --profile`. `template_problems` checks a statement against the profile's
Statement Templates as xAPI Profiles Part Two §2.3 (Statement Template Validation) describes:
the determining properties (verb, object activity type) pick the candidate templates, and every
rule of at least one candidate must hold. Rule locations use the JSONPath subset the profile
needs: `$`, `.name`, `['name']` and `[*]`. Patterns are published, not checked here.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

PROFILE_ID = "https://scormkit.dev/xapi/profile"
STEP = re.compile(r"\.([A-Za-z_][\w-]*)|\['([^']*)'\]|\[\*\]")


def profile_text() -> str:
    """The profile document as shipped."""
    return resources.files("scormkit.report").joinpath("profile.jsonld").read_text("utf-8")


@cache
def profile() -> dict[str, Any]:
    """The profile document, parsed."""
    found: dict[str, Any] = json.loads(profile_text())
    return found


def locate(data: Any, location: str) -> list[Any]:
    """The values at a JSONPath `location` in `data` (missing parts give nothing)."""
    if not location.startswith("$"):
        raise ValueError(f"a location starts with '$': {location}")
    values = [data]
    rest = location[1:]
    while rest:
        step = STEP.match(rest)
        if step is None:
            raise ValueError(f"unsupported location: {location}")
        rest = rest[step.end() :]
        name = step.group(1) or step.group(2)
        found = []
        for value in values:
            if name is not None:
                if isinstance(value, dict) and name in value:
                    found.append(value[name])
            elif isinstance(value, list):
                found.extend(value)
        values = found
    return values


def _rule_problem(statement: Any, rule: dict[str, Any]) -> str | None:
    values = locate(statement, rule["location"])
    presence = rule.get("presence")
    where = rule["location"]
    if presence == "included" and not values:
        return f"{where} is missing"
    if presence == "excluded" and values:
        return f"{where} must be left out"
    if "any" in rule and values and not any(v in rule["any"] for v in values):
        return f"{where} is none of {rule['any']}"
    if "all" in rule and any(v not in rule["all"] for v in values):
        return f"{where} has a value outside {rule['all']}"
    if "none" in rule and any(v in rule["none"] for v in values):
        return f"{where} has a value in {rule['none']}"
    return None


def candidates(statement: Any) -> list[dict[str, Any]]:
    """The templates whose determining properties (verb, object activity type) fit."""
    verb = statement.get("verb", {}).get("id")
    kind = statement.get("object", {}).get("definition", {}).get("type")
    return [
        t
        for t in profile()["templates"]
        if t.get("verb", verb) == verb and t.get("objectActivityType", kind) == kind
    ]


def template_problems(statement: Any) -> list[str]:
    """Why `statement` fits none of the profile's templates; [] when one fits."""
    fitting = candidates(statement)
    if not fitting:
        verb = statement.get("verb", {}).get("id")
        return [f"no template for verb {verb} on this object's activity type"]
    problems = []
    for template in fitting:
        found = [p for r in template.get("rules", []) if (p := _rule_problem(statement, r))]
        if not found:
            return []
        problems.append(f"{template['id'].rsplit('/', 1)[1]}: {'; '.join(found)}")
    return problems


def matching_template(statement: Any) -> str | None:
    """The id of the first template `statement` fits, or None."""
    for template in candidates(statement):
        if not any(_rule_problem(statement, r) for r in template.get("rules", [])):
            return str(template["id"])
    return None
