"""Every YAML syntax problem of a file is reported in one run, and one mistake only once.

The cases with exact output are in bad_specs/ (yaml-three-mistakes.yaml and its .txt); these
tests damage a real spec line by line, and check includes, anchors and the limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from paths import MINIMAL_SPEC

from scormkit.errors import SpecError
from scormkit.limits import MAX_SYNTAX_PROBLEMS
from scormkit.spec import load_course
from scormkit.spec.source import parse_yaml

MINIMAL = MINIMAL_SPEC


def damaged_lines(line: str) -> Iterator[str]:
    """The mistakes an author makes on one line: indentation, tabs, quotes, brackets, colons."""
    text = line.lstrip()
    if not text or text.startswith("#"):
        return
    yield " " + line
    if line != text:
        yield line[1:]
    yield "\t" + line
    if ": " in text:
        key, value = line.split(": ", 1)
        yield from (f'{key}: "{value}', f"{key}: [{value}", f"{key}: {{{value}")
        yield from (f"{key}: @{value}", f"{key}: {value} x: y", f"{key} {value}")
        yield f"{key}: *nowhere"
    elif text.startswith("- "):
        yield line.replace("- ", "  ", 1)


def one_mistake_each() -> Iterator[tuple[int, str, str]]:
    lines = MINIMAL.read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines):
        for damaged in damaged_lines(line):
            text = "\n".join([*lines[:number], damaged, *lines[number + 1 :]])
            try:
                yaml.safe_load(text)
            except yaml.YAMLError:
                yield number + 1, damaged, text


def test_one_mistake_anywhere_in_a_spec_is_reported_once() -> None:
    reported = {}
    for number, damaged, text in one_mistake_each():
        with pytest.raises(SpecError) as caught:
            parse_yaml(text, "minimal.yaml")
        reported[(number, damaged)] = [str(problem) for problem in caught.value.problems]
    assert len(reported) > 250  # the damage did break the spec, in many ways
    assert {key: found for key, found in reported.items() if len(found) != 1} == {}


def test_a_mistake_found_lines_later_is_not_reported_again_at_the_lines_it_swallowed() -> None:
    # Without its colon, `id basics` runs on into the next line as one text, which PyYAML
    # trips over at line 3's ':'; an unclosed quote swallows lines up to the next quote.
    text = (
        "modules:\n  - id basics\n    title: Basics\n    pages: []\n"
        'id: "x\ntitle: T\nversion: "1.0"\n'
    )
    with pytest.raises(SpecError) as caught:
        parse_yaml(text, "spec.yaml")
    assert str(caught.value).splitlines() == [
        "spec.yaml:2:5: not valid YAML: this text runs on to the ':' on line 3; write "
        "'key: value' here, or put text that contains ': ' in quotes",
        "spec.yaml:5:5: not valid YAML: this quoted text is never closed",
    ]


def test_mistakes_in_different_parts_are_each_reported(tmp_path: Path) -> None:
    lines = MINIMAL.read_text(encoding="utf-8").split("\n")
    lines[2] = "title Minimal Course"  # no colon: the top level
    lines[15] = "        title: Welcome: start here"  # a colon in text: the first page
    lines[32] = "\t" + lines[32]  # a tab: the first question
    spec = tmp_path / "minimal.yaml"
    spec.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_course(spec)
    assert str(caught.value).splitlines() == [
        f"{spec}:3:1: not valid YAML: expected 'key: value'; check the indentation, or quote "
        "the text",
        f"{spec}:16:23: not valid YAML: unexpected ':'; put text that contains ': ' in quotes, "
        "or check the indentation",
        f"{spec}:33:1: not valid YAML: a tab; indent with spaces, never tabs",
    ]


def test_an_alias_whose_anchor_was_on_a_broken_line_is_not_reported_too() -> None:
    text = "id: x\ntitle: &name Fire: drill\ndescription: *name\nkeywords: [a, *other]\n"
    with pytest.raises(SpecError) as caught:
        parse_yaml(text, "spec.yaml")
    assert str(caught.value).splitlines() == [
        "spec.yaml:2:18: not valid YAML: unexpected ':'; put text that contains ': ' in "
        "quotes, or check the indentation",
        "spec.yaml:4:15: not valid YAML: '*other' names no '&other' anchor; put text that "
        "starts with '*' in quotes",
    ]


def test_characters_yaml_forbids_are_all_reported_with_the_syntax_problems() -> None:
    text = "id: x\ntitle: Fire\x01drill\ndescription: a: b\nlanguage: e\x02n\n"
    with pytest.raises(SpecError) as caught:
        parse_yaml(text, "spec.yaml")
    assert str(caught.value).splitlines() == [
        "spec.yaml:2:12: the character U+0001 is not allowed in YAML; remove it",
        "spec.yaml:3:15: not valid YAML: unexpected ':'; put text that contains ': ' in "
        "quotes, or check the indentation",
        "spec.yaml:4:12: the character U+0002 is not allowed in YAML; remove it",
    ]


def test_reading_stops_after_the_most_syntax_problems_and_says_so() -> None:
    text = "".join(f"key{n}: a: b\n" for n in range(MAX_SYNTAX_PROBLEMS + 5))
    with pytest.raises(SpecError) as caught:
        parse_yaml(text, "spec.yaml")
    found = str(caught.value).splitlines()
    assert len(found) == MAX_SYNTAX_PROBLEMS + 1
    assert found[-1] == (
        f"spec.yaml:{MAX_SYNTAX_PROBLEMS + 1}:1: reading stopped after {MAX_SYNTAX_PROBLEMS} "
        "problems; fix these and run again"
    )


def test_a_file_too_large_to_read_many_times_reports_fewer_syntax_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("scormkit.spec.yaml_syntax.SYNTAX_REREAD_CHARS", 200_000)
    padding = "# " + "x" * 1000 + "\n"
    text = padding * 90 + "a: b: c\nd: e: f\ng: h: i\n"  # read again twice in 200,000
    with pytest.raises(SpecError) as caught:
        parse_yaml(text, "spec.yaml")
    lines = text.count("\n")
    assert str(caught.value).splitlines() == [
        f"spec.yaml:{lines - 2}:5: not valid YAML: unexpected ':'; put text that contains ': ' "
        "in quotes, or check the indentation",
        f"spec.yaml:{lines - 1}:5: not valid YAML: unexpected ':'; put text that contains ': ' "
        "in quotes, or check the indentation",
        f"spec.yaml:{lines}:1: reading stopped after 2 problems; fix these and run again",
    ]


def test_each_included_file_reports_its_own_syntax_problems(tmp_path: Path) -> None:
    (tmp_path / "modules").mkdir()
    spec = tmp_path / "course.yaml"
    spec.write_text(
        "id: ward\ntitle: Ward\nmodules:\n  - include: modules/a.yaml\n"
        "  - include: modules/b.yaml\n",
        encoding="utf-8",
    )
    page = "  - id: p\n    title: P\n    blocks:\n      - type: text\n        markdown: Hi.\n"
    (tmp_path / "modules" / "a.yaml").write_text(
        "id: a\ntitle: A: the first\npages:\n" + page + "  - id: q\n   title: Q\n",
        encoding="utf-8",
    )
    (tmp_path / "modules" / "b.yaml").write_text(
        'id: b\ntitle: "B\npages:\n' + page, encoding="utf-8"
    )
    with pytest.raises(SpecError) as caught:
        load_course(spec)
    a, b = tmp_path / "modules" / "a.yaml", tmp_path / "modules" / "b.yaml"
    assert str(caught.value).splitlines() == [
        f"{a}:2:9: not valid YAML: unexpected ':'; put text that contains ': ' in quotes, or "
        "check the indentation",
        f"{a}:10:4: not valid YAML: a key is out of place; check the indentation (the list "
        "starts at line 4)",
        f"{b}:2:8: not valid YAML: this quoted text is never closed",
    ]


def test_the_files_a_spec_with_syntax_problems_includes_are_still_read(tmp_path: Path) -> None:
    (tmp_path / "modules").mkdir()
    spec = tmp_path / "course.yaml"
    spec.write_text(
        "id: ward\ntitle: Ward: induction\nmodules:\n  - include: modules/a.yaml\n"
        "  - include: modules/gone.yaml\n",
        encoding="utf-8",
    )
    (tmp_path / "modules" / "a.yaml").write_text('id: a\ntitle: "A\npages: []\n')
    with pytest.raises(SpecError) as caught:
        load_course(spec)
    assert str(caught.value).splitlines() == [
        f"{spec}:2:12: not valid YAML: unexpected ':'; put text that contains ': ' in quotes, or "
        "check the indentation",
        f"{spec}:5:14: modules[1].include: file 'modules/gone.yaml' not found next to the spec",
        f"{tmp_path / 'modules' / 'a.yaml'}:2:8: not valid YAML: this quoted text is never closed",
    ]
