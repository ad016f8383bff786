"""Every syntax problem of a JSON spec is reported in one run, with the other problems, and one
mistake only once; mending a mistake moves no later line or column (spec/json_syntax.py).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from paths import MINIMAL_SPEC

from scormkit.cli import main
from scormkit.errors import SpecError
from scormkit.limits import MAX_SYNTAX_PROBLEMS
from scormkit.spec.json_source import parse_json
from scormkit.spec.json_syntax import mend_json

SEVEN_MISTAKES = """{
  "id": "fire-safety",
  "titel": "Fire safety"
  "version": ,
  'modules': [
    {
      id: "m1",
      "title": "One",
      "pages": [
        {"id": "p1", "title": "P", "blocks": [{"type": "text", "markdown": "Hi\\q"}]},
      ]
    }
  ]
}
"""


def minimal_json() -> str:
    """The minimal spec as JSON, indented as editors write it."""
    data = yaml.safe_load(MINIMAL_SPEC.read_text(encoding="utf-8"))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_every_syntax_problem_and_the_spec_problems_come_in_one_run(tmp_path: Path) -> None:
    spec = tmp_path / "course.json"
    spec.write_text(SEVEN_MISTAKES, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(spec)])
    assert result.exit_code == 1
    assert result.output.replace(str(tmp_path) + "/", "").splitlines() == [
        "course.json:3:3: titel: unknown field 'titel' (did you mean 'title'?)",
        "course.json:4:3: not valid JSON: a ',' is missing before this",
        "course.json:4:14: not valid JSON: expected a value",
        "course.json:5:3: not valid JSON: text in single quotes; JSON wants double quotes",
        "course.json:7:7: not valid JSON: expected a key in double quotes",
        "course.json:10:79: not valid JSON: a '\\' that starts no escape; write '\\\\' for a "
        "backslash",
        "course.json:11:7: not valid JSON: a comma before ']'; JSON allows no trailing commas",
        "7 problems",
    ]


def test_mending_keeps_every_line_and_column_of_the_text() -> None:
    mended, problems, stand_ins = mend_json(SEVEN_MISTAKES, "course.json")
    assert len(problems) == 6
    # Every line keeps its length, the one whose key took two spaces of indentation too.
    before, after = SEVEN_MISTAKES.split("\n"), mended.split("\n")
    assert len(before) == len(after)
    assert [n for n, (b, a) in enumerate(zip(before, after, strict=True)) if len(b) != len(a)] == []
    assert after[6] == '    "id": "m1",'
    assert stand_ins == [SEVEN_MISTAKES.index(" ,\n  'modules'")]


def one_mistake_each(text: str) -> Iterator[tuple[int, str, str]]:
    """Each comma, colon and closing bracket of `text` damaged in turn: (offset, kind, text)."""
    in_text = False
    for index, char in enumerate(text):
        if char == '"' and text[index - 1] != "\\":
            in_text = not in_text
        if in_text:
            continue
        if char in ",:":
            yield index, f"no {char}", text[:index] + " " + text[index + 1 :]
        if char in "]}" and text[:index].rstrip()[-1] not in "[{":
            yield index, "trailing comma", text[:index] + "," + text[index:]


def test_one_mistake_anywhere_in_a_spec_is_reported_once_where_it_is() -> None:
    text = minimal_json()
    reported = {}
    lines = {}
    for index, kind, damaged in one_mistake_each(text):
        document = parse_json(damaged, "minimal.json")
        reported[(index, kind)] = [str(problem) for problem in document.problems]
        # Reported where reading meets the mistake: the next thing written after it.
        after = len(damaged) - len(damaged[index + 1 :].lstrip())
        lines[(index, kind)] = damaged.count("\n", 0, after) + 1
    assert len(reported) > 80  # the damage did break the spec, in many ways
    assert {key: found for key, found in reported.items() if len(found) != 1} == {}
    for key, (found,) in reported.items():
        assert found.startswith(f"minimal.json:{lines[key]}:"), found


def test_a_missing_value_is_not_reported_again_by_the_spec_checks(tmp_path: Path) -> None:
    spec = tmp_path / "course.json"
    spec.write_text(re.sub(r'"title": "[^"]*"', '"title": tru', minimal_json(), count=1))
    result = CliRunner().invoke(main, ["validate", str(spec)])
    assert result.exit_code == 1
    assert result.output.replace(str(tmp_path) + "/", "").splitlines() == [
        "course.json:3:12: not valid JSON: expected a value",
        "1 problem",
    ]


def test_a_mistake_that_cannot_be_mended_ends_the_reading_after_those_found() -> None:
    text = '{\n  "id": "a"\n  "title": "open text\n  "modules": []\n}\n'
    with pytest.raises(SpecError) as caught:
        parse_json(text, "course.json")
    assert str(caught.value).splitlines() == [
        "course.json:3:3: not valid JSON: a ',' is missing before this",
        "course.json:3:22: not valid JSON: a control character (a tab or line break) inside a "
        "string; write it as \\t or \\n",
    ]


def test_reading_stops_after_the_most_syntax_problems_and_says_so() -> None:
    items = "".join(f'  "key{n}": [1,],\n' for n in range(MAX_SYNTAX_PROBLEMS + 5))
    with pytest.raises(SpecError) as caught:
        parse_json("{\n" + items + '  "end": 1\n}\n', "spec.json")
    found = str(caught.value).splitlines()
    assert len(found) == MAX_SYNTAX_PROBLEMS + 1
    assert found[-1] == (
        f"spec.json:{MAX_SYNTAX_PROBLEMS + 2}:1: reading stopped after {MAX_SYNTAX_PROBLEMS} "
        "problems; fix these and run again"
    )


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ('"title": "A\\u12B"', "2:15: not valid JSON: '\\u' must be followed by four hexadecimal"),
        ('"title": "A\tB"', "2:14: not valid JSON: a control character (a tab or line break)"),
        ("'title': \"A\"", "2:3: not valid JSON: text in single quotes; JSON wants double quotes"),
        ('title: "A"', "2:3: not valid JSON: expected a key in double quotes"),
        ('"title": nul', "2:12: not valid JSON: expected a value"),
    ],
)
def test_each_mendable_mistake_is_reported_once(written: str, problem: str) -> None:
    text = "{\n  " + written + ',\n  "id": "a"\n}\n{}\n'
    document = parse_json(text, "c.json")
    found = [str(p) for p in document.problems]
    assert len(found) == 2, found
    assert found[0].startswith(f"c.json:{problem}")
    assert found[1] == (
        "c.json:5:1: not valid JSON: more after the end of the JSON value; a spec file holds "
        "one { } object"
    )


def test_random_damage_gives_problems_never_a_crash_or_a_flood() -> None:
    text = minimal_json()
    chance = random.Random(5)
    for _ in range(500):
        damaged = list(text)
        for _ in range(chance.randint(1, 3)):
            at, char = chance.randrange(len(damaged)), chance.choice(",:{}[]\"' \tab1\\\n")
            kind = chance.random()
            if kind < 0.4:
                damaged[at] = char
            elif kind < 0.7:
                damaged.insert(at, char)
            else:
                del damaged[at]
        try:
            found = parse_json("".join(damaged), "c.json").problems
        except SpecError as caught:
            found = caught.problems
        assert len(found) <= 6, "".join(damaged)
