"""The spec reference in Markdown, made from the JSON Schema of the models (docs/reference.md).

Every fact comes from the models: field names, types, allowed values, defaults, limits and
descriptions. `scormkit schema --markdown` prints it; a test keeps docs/reference.md equal to it.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from scormkit.spec.base import ID_PATTERN, spec_models
from scormkit.spec.schema import course_schema

Schema = dict[str, Any]

INTRO = """\
# Spec reference

Every field of a course spec, generated from the spec models by `scormkit schema --markdown`
(a test fails when this file and the models disagree; do not edit it by hand). The guide
(`guide.md`) shows the same fields by example and explains the rules that join several fields.

Conventions: *required* fields must be given; any other field may be left out and takes the
default shown. *unset* means the field is absent (or `null`). An **id** is a lowercase letter
followed by up to 63 lowercase letters, digits, `-` or `_`. Text is never a number or a boolean
in disguise: `yes`, `no`, `on` and `off` are text, and a number meant as text must be quoted.
Unknown fields are errors everywhere. Any entry of `modules` or `banks` may instead be
`{include: FILE}`, a file relative to the spec and inside its folder holding that entry; a bank
may also include a GIFT (`.gift`), Aiken (`.txt`) or Moodle XML (`.xml`) question file, with
`id` and `skip_unsupported` beside `include`.
"""


def course_reference() -> str:
    """The Markdown reference of every spec field, ending in a newline."""
    schema = course_schema()
    defs: dict[str, Schema] = schema["$defs"]
    root = {key: value for key, value in schema.items() if key not in ("$defs", "$schema", "$id")}
    order = _models_in_order(root, defs)
    sections = [INTRO]
    for name in order:
        sections.append(_section(name, root if name == "Course" else defs[name], defs))
    return "\n".join(sections)


def _models_in_order(root: Schema, defs: dict[str, Schema]) -> list[str]:
    """Model names, depth first from the course, each where it is first met."""
    seen: list[str] = []

    def visit(name: str, model: Schema) -> None:
        if name in seen:
            return
        seen.append(name)
        for field in model.get("properties", {}).values():
            for ref in _refs(field):
                visit(ref, defs[ref])

    visit("Course", root)
    return seen


def _refs(node: Any) -> list[str]:
    """Names of the models a schema node refers to, in order."""
    if isinstance(node, dict):
        found = [node["$ref"].rsplit("/", 1)[1]] if "$ref" in node else []
        for key, value in node.items():
            if key != "discriminator":
                found.extend(_refs(value))
        return found
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def _section(name: str, model: Schema, defs: dict[str, Schema]) -> str:
    lines = [f"## {name}", ""]
    kind = model.get("properties", {}).get("type", {}).get("const")
    if kind:
        lines += [f"Chosen with `type: {kind}`.", ""]
    if "description" in model:
        lines += [" ".join(model["description"].split()), ""]
    rule = _rules().get(name)
    if rule:
        lines += [f"Rule: {rule}", ""]
    lines += ["| field | value | default | what it is |", "|---|---|---|---|"]
    required = set(model.get("required", ()))
    for field, node in model.get("properties", {}).items():
        value = _value(node)
        default = "required" if field in required else _default(node)
        about = " ".join(node.get("description", "").split())
        if field == "type" and kind:
            about = "Says what this is."
        lines.append(f"| `{field}` | {value} | {default} | {_cell(about)} |")
    return "\n".join(lines) + "\n"


def _value(node: Schema) -> str:
    """What a field accepts, with its limits."""
    options = [option for option in node.get("anyOf", [node]) if option.get("type") != "null"]
    return " or ".join(_one_value(option) for option in options)


def _one_value(node: Schema) -> str:
    if "$ref" in node:
        return _link(node["$ref"])
    if "oneOf" in node:
        return "one of " + ", ".join(_link(option["$ref"]) for option in node["oneOf"])
    if "const" in node:
        return f"`{node['const']}`"
    if "enum" in node:
        return "one of " + ", ".join(f"`{option}`" for option in node["enum"])
    kind = node.get("type")
    if kind == "array":
        return "list of " + _one_value(node["items"]) + _limits(node, "minItems", "maxItems")
    if kind == "object":
        return "map of name to " + _one_value(node.get("additionalProperties", {}))
    if kind == "string":
        return _text(node)
    names = {"integer": "whole number", "number": "number", "boolean": "`true` or `false`"}
    return names.get(str(kind), "any value") + _limits(node, "minimum", "maximum")


def _text(node: Schema) -> str:
    pattern = node.get("pattern")
    if pattern == ID_PATTERN:
        return "id"
    shape = f"text matching `{pattern}`" if pattern else "text"
    return shape + _limits(node, "minLength", "maxLength", unit=" characters")


def _limits(node: Schema, low_key: str, high_key: str, unit: str = "") -> str:
    low, high = node.get(low_key), node.get(high_key)
    if unit and low == 1 and high is None:
        return f" (at least 1{unit.rstrip('s')})"
    if low is not None and high is not None:
        return f" ({low}–{high}{unit})"
    if low is not None:
        return f" (at least {low}{unit})"
    if high is not None:
        return f" (at most {high}{unit})"
    return ""


def _default(node: Schema) -> str:
    if node.get("deprecated"):
        return "deprecated"
    if "default" not in node:
        # Made by a default factory: an empty list or map, or a model with its own defaults.
        kind = node.get("type")
        return {"array": "`[]`", "object": "`{}`"}.get(str(kind), "its defaults")
    value = node["default"]
    if value is None:
        return "unset"
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _link(ref: str) -> str:
    name = ref.rsplit("/", 1)[1]
    return f"[{name}](#{name.lower()})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


@functools.cache
def _rules() -> dict[str, str]:
    """Each model's rule joining several fields (SpecModel.RULE), by model name."""
    import scormkit.model  # noqa: F401  (every model class defined)

    return {model.__name__: model.RULE for model in spec_models() if model.RULE}
