"""docs/reference.md is the models' own account of every spec field, and stays so."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from paths import REPO_ROOT

import scormkit.spec.models  # noqa: F401  (every spec model is defined once this is imported)
from scormkit.cli import main
from scormkit.reference import course_reference
from scormkit.spec.base import spec_models
from scormkit.spec.schema import course_schema

ROOT = REPO_ROOT
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


def test_every_rule_that_joins_fields_is_in_the_reference() -> None:
    judged = [m for m in spec_models() if m.__pydantic_decorators__.model_validators]
    assert [m.__name__ for m in judged if not m.RULE] == [], "say the validator's rule in RULE"
    reference = course_reference()
    for model in judged:
        assert f"Rule: {model.RULE}" in reference.split(f"\n## {model.__name__}\n", 1)[1]


DOCS = sorted((ROOT / "docs").glob("*.md"))


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_every_name_the_docs_import_from_scormkit_exists(doc: Path) -> None:
    code = "\n".join(re.findall(r"```python\n(.*?)```", doc.read_text(), re.S))
    for module, names in re.findall(r"^from (scormkit[\w.]*) import (.+)$", code, re.M):
        imported = importlib.import_module(module)
        for name in names.split(","):
            assert hasattr(imported, name.strip()), f"{doc.name}: {module}.{name.strip()}"


def test_every_link_between_docs_leads_to_a_file_and_heading() -> None:
    checked = 0
    for doc in [*DOCS, ROOT / "README.md"]:
        for target, anchor in re.findall(
            r"\]\(((?:docs/)?[\w-]+\.md)(?:#([\w-]+))?\)", doc.read_text()
        ):
            checked += 1
            linked = (doc.parent / target).resolve()
            assert linked.is_file(), f"{doc.name} links to a missing {target}"
            if anchor:
                headings = re.findall(r"^#+ (.+)$", linked.read_text(), re.M)
                slugs = {
                    re.sub(r"[^\w -]", "", h).strip().lower().replace(" ", "-") for h in headings
                }
                assert anchor in slugs, f"{doc.name} links to a missing heading {target}#{anchor}"
    assert checked >= 20, "the link pattern no longer finds the docs' links"


def test_the_observation_results_example_sends_what_the_docs_say(tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "guide.md").read_text()
    cli = (ROOT / "docs" / "cli.md").read_text()
    spec = re.search(r"## The spec, by example\n\n```yaml\n(.*?)```", guide, re.S)
    results = re.search(r"## observe\n.*?```yaml\n(.*?)```", cli, re.S)
    assert spec and results, "the guide's spec or cli.md's results example is gone"
    (tmp_path / "course.yaml").write_text(spec.group(1))
    (tmp_path / "results.yaml").write_text(results.group(1))
    for asset in ("img/logo.png", "img/exit-map.png", "media/drill.mp4", "media/drill.vtt"):
        (tmp_path / asset).parent.mkdir(exist_ok=True)
        (tmp_path / asset).write_bytes(b"")
    args = ["observe", str(tmp_path / "course.yaml"), "--learner", "sam@clinic.example"]
    result = CliRunner().invoke(
        main, [*args, "--results", str(tmp_path / "results.yaml"), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    statements = json.loads(result.stdout)
    verdicts = {s["object"]["id"].rsplit("/", 1)[1]: s["verb"]["id"] for s in statements}
    assert verdicts["closes-doors"].endswith("/failed")
    assert verdicts["drill-observed"].endswith("/passed")  # pass_at 2, the required one met
    checklist = statements[-1]
    assert checklist["result"]["score"]["raw"] == 2
    assert checklist["context"]["instructor"]["name"] == "Dana Reyes"
