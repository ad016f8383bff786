"""docs/reference.md is the models' own account of every spec field, and stays so."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import scormkit.spec.models  # noqa: F401  (every spec model is defined once this is imported)
from scormkit.cli import main
from scormkit.reference import RULES, course_reference
from scormkit.spec.base import SpecModel
from scormkit.spec.schema import course_schema

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "reference.md"


def test_docs_reference_is_what_the_models_say_now() -> None:
    assert REFERENCE.read_text() == course_reference(), (
        "docs/reference.md is stale: run `scormkit schema --markdown > docs/reference.md`"
    )


def test_schema_markdown_prints_the_reference() -> None:
    result = CliRunner().invoke(main, ["schema", "--markdown"])
    assert result.exit_code == 0
    assert result.output == course_reference()


def test_the_reference_names_every_model_and_field_of_the_schema() -> None:
    reference = course_reference()
    schema = course_schema()
    models = {"Course": schema, **schema["$defs"]}
    for name, model in models.items():
        section = reference.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        for field in model["properties"]:
            assert f"\n| `{field}` |" in section, f"{name}.{field} missing from the reference"


@pytest.mark.parametrize(
    ("model", "fact"),
    [
        ("Callout", "one of `note`, `tip`, `warning`, `important`"),
        ("Matching", "list of [Pair](#pair) (2–26)"),
        ("Pair", "| `source` | text | required |"),
        ("Condition", "| `at_least` | whole number | unset |"),
        ("Scene", "| `timer` | whole number (5–600) | unset |"),
    ],
)
def test_the_reference_states_facts_once_only_in_the_schema(model: str, fact: str) -> None:
    section = course_reference().split(f"\n## {model}\n", 1)[1].split("\n## ", 1)[0]
    assert fact in section


def _models(cls: type[SpecModel]) -> list[type[SpecModel]]:
    return [m for sub in cls.__subclasses__() for m in (sub, *_models(sub))]


def test_every_rule_that_joins_fields_is_in_the_reference() -> None:
    judged = {m.__name__ for m in _models(SpecModel) if m.__pydantic_decorators__.model_validators}
    assert judged == set(RULES), "add the validator's rule to scormkit.reference.RULES"
