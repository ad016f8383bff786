"""YAML syntax errors in an author's words: PyYAML's complaint reworded and placed where the
fix is most likely needed."""

from __future__ import annotations

import re

import yaml

from scormkit.errors import Location, Problem


def yaml_syntax_problem(exc: yaml.MarkedYAMLError, text: str, shown_as: str) -> Problem:
    """PyYAML's complaint in an author's words, placed where the fix is most likely needed."""
    problem, mark, start = exc.problem or "", exc.problem_mark, exc.context_mark
    context = re.fullmatch(r"while (?:parsing|scanning) an? (.+)", exc.context or "")
    inside = _YAML_WORDS.get(context[1], context[1]) if context else ""
    opened = f" (the {inside} starts at line {start.line + 1})" if context and start else ""
    message = f"{problem}{opened}"
    if "'\\t'" in problem or (mark and text[mark.index : mark.index + 1] == "\t"):
        message = "a tab; indent with spaces, never tabs"
    elif problem == "mapping values are not allowed here":
        message = "unexpected ':'; put text that contains ': ' in quotes, or check the indentation"
    elif problem == "could not find expected ':'" and start:
        mark, message = start, "expected 'key: value'; check the indentation, or quote the text"
    elif problem == "found unexpected end of stream" and start:
        mark, message = start, f"this {inside} is never closed"
    elif found := re.fullmatch(r"found character '(.)' that cannot start any token", problem):
        message = f"a value cannot start with '{found[1]}'; put the text in quotes"
    elif alias := re.fullmatch(r"found undefined alias '(.*)'", problem):
        message = (
            f"'*{alias[1]}' names no '&{alias[1]}' anchor; put text that starts with '*' in quotes"
        )
    elif problem.startswith("expected <block end>, but found "):
        found_token = _YAML_WORDS.get(problem.split("found ", 1)[1].strip("'"), problem.split()[-1])
        message = f"{found_token} is out of place; check the indentation{opened}"
    elif expected := re.fullmatch(r"expected (.+), but (?:got|found) '(.+)'", problem):
        wanted = _YAML_WORDS.get(expected[1], expected[1])
        got = _YAML_WORDS.get(expected[2], f"'{expected[2]}'")
        message = f"expected {wanted}, found {got}{opened}"
        if context and context[1].startswith("flow ") and start:
            closer = "]" if context[1] == "flow sequence" else "}"
            message = (
                f"expected {wanted}, found {got}: close the {inside} that starts at line "
                f"{start.line + 1} with '{closer}', or put text that contains , : ? [ ] {{ }} "
                "in quotes"
            )
    elif problem == "sequence entries are not allowed here":
        message = "a '-' list item is not allowed here; check the indentation"
    elif exc.context == "expected a single document in the stream":
        message = "a second document; a spec file holds one, so remove the second '---'"
    where = Location(shown_as, mark.line + 1, mark.column + 1) if mark else Location(shown_as)
    return Problem(where, "", f"not valid YAML: {message}")


# PyYAML's names for what it was reading, in the words an author uses.
_YAML_WORDS = {
    "flow sequence": "[ ] list",
    "flow mapping": "{ } mapping",
    "block mapping": "mapping",
    "block collection": "list",
    "quoted scalar": "quoted text",
    "simple key": "key",
    "<stream end>": "the end of the file",
    "<scalar>": "text",
    "<block mapping start>": "a key",
    "<block sequence start>": "a list item",
    "<block end>": "the end of the block",
    "-": "a list item '-'",
    "flow node": "value",
    "the node content": "a value",
}
