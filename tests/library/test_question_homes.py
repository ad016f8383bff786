"""Each question type has one home: outside `questions/`, no Python module names its class."""

from __future__ import annotations

import ast
from pathlib import Path

import scormkit
from scormkit import questions

SRC = Path(scormkit.__file__).parent
HOME = SRC / "questions"
# `scormkit.model` offers every spec model for building courses in code; it takes the question
# models by `questions.__all__`, never by name.
RE_EXPORT = SRC / "model.py"
CLASSES = {cls.__name__ for cls in questions.QUESTION_TYPES} | set(questions.__all__) - {"Question"}


def named_question_classes(path: Path) -> list[str]:
    """Each place in `path` that imports or reaches a question class: 'line: name'."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "scormkit.questions"
        ):
            for alias in node.names:
                if alias.name in CLASSES or (alias.name == "*" and path != RE_EXPORT):
                    found.append(f"{node.lineno}: {alias.name}")
        elif isinstance(node, ast.Attribute) and node.attr in CLASSES:
            if isinstance(node.value, ast.Name) and node.value.id == "questions":
                found.append(f"{node.lineno}: questions.{node.attr}")
    return found


def test_only_the_question_modules_name_a_question_class() -> None:
    assert {"SingleChoice", "Numeric", "Choice", "Pair"} <= CLASSES
    outside = sorted(p for p in SRC.rglob("*.py") if HOME not in p.parents)
    named = {
        str(path.relative_to(SRC)): found
        for path in outside
        if (found := named_question_classes(path))
    }
    assert named == {}


def test_the_check_sees_an_import_of_a_question_class(tmp_path: Path) -> None:
    spec = tmp_path / "report.py"
    spec.write_text(
        "from scormkit.questions import Question, Numeric\n"
        "from scormkit.questions.choice import Choice\n"
        "from scormkit.questions import *\n"
        "from scormkit import questions\n"
        "kind = questions.TrueFalse\n"
    )
    assert named_question_classes(spec) == [
        "1: Numeric",
        "2: Choice",
        "3: *",
        "5: questions.TrueFalse",
    ]
