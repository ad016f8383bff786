"""Read Moodle's GIFT question format with a Lark grammar, into spec question data.

GIFT (docs.moodle.org/en/GIFT_format): questions separated by blank lines, `//` comment lines,
`$CATEGORY: a/b` lines, an optional `::title::`, and the answers in `{...}`.
"""

from __future__ import annotations

import re
from typing import Any

from lark import Lark, Token, Tree, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from scormkit.errors import Location, Problem
from scormkit.spec.questionfile import QuestionFile, QuestionMaker, category_tags

GRAMMAR = r"""
start: [category] [question]
category: CATEGORY
question: TITLE? (TEXT | answers)+
answers: "{" _entry* general? "}"
       | NUMERIC_OPEN _entry* general? "}"
_entry: choice | bare
choice: MARK WEIGHT? [ANSWER] [ARROW [ANSWER]] feedback*
bare: ANSWER feedback*
feedback: HASH [ANSWER]
general: GENERAL [ANSWER]

CATEGORY.4: /\$CATEGORY:[^\n]*/
TITLE.4: /::(\\.|[^\\:\n]|:(?!:))*::/
TEXT: /(\\.|[^\\{}\s])(\\.|[^\\{}\n])*/
NUMERIC_OPEN.2: "{#"
MARK: "=" | "~"
WEIGHT.3: /%-?\d+(\.\d+)?%/
ARROW.2: "->"
GENERAL.2: "####"
HASH: "#"
ANSWER: /(\\.|[^\\{}=~#\s\-]|-(?!>))(\\.|[^\\{}=~#\n\-]|-(?!>))*/
COMMENT.5: /(?<![^\n])[ \t]*\/\/[^\n]*/
SPACE.1: /\s+/
%ignore COMMENT
%ignore SPACE
"""

_PARSER = Lark(GRAMMAR, parser="lalr", lexer="contextual", propagate_positions=True)
_TRUE, _FALSE = {"T", "TRUE"}, {"F", "FALSE"}


def read_gift(text: str, shown_as: str, *, skip_unsupported: bool = False) -> QuestionFile:
    """The questions of GIFT `text`; syntax errors and unsupported kinds become problems."""
    found = QuestionFile()
    maker = QuestionMaker(found, shown_as, skip_unsupported)
    tags: list[str] = []
    for first, chunk in _chunks(text.lstrip("\ufeff").replace("\r\n", "\n")):
        try:
            tree = _PARSER.parse(chunk)
        except UnexpectedInput as exc:
            where = Location(shown_as, first + exc.line - 1, exc.column)
            found.problems.append(Problem(where, "", _syntax(exc)))
            continue
        for item in tree.children:
            if not isinstance(item, Tree):
                continue
            if item.data == "category":
                tags = category_tags(str(item.children[0]).split(":", 1)[1])
                continue
            line, column = first + item.meta.line - 1, item.meta.column
            try:
                data = _question(item)
            except _Unsupported as exc:
                maker.unsupported(line, column, str(exc))
                continue
            maker.add(data, tags, line, column)
    return found


def _chunks(text: str) -> list[tuple[int, str]]:
    """The parts of `text` between blank lines (GIFT's question separator), with first lines.

    Parsing each on its own lets a mistake in one question leave the others readable.
    """
    chunks: list[tuple[int, str]] = []
    lines: list[str] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            lines.append(line)
        elif lines:
            chunks.append((number - len(lines), "\n".join(lines)))
            lines = []
    return chunks


class _Unsupported(Exception):
    """A question GIFT can say but the player cannot ask (essay, description...)."""


def _syntax(exc: UnexpectedInput) -> str:
    if isinstance(exc, UnexpectedCharacters):
        return f"not valid GIFT: unexpected {exc.char!r}; escape ~ = # {{ }} : with a backslash"
    if isinstance(exc, UnexpectedToken) and exc.token.type == "$END":
        return "not valid GIFT: the question ends before its '{' is closed with '}'"
    if isinstance(exc, UnexpectedToken):
        return f"not valid GIFT: unexpected {str(exc.token)!r}"
    return "not valid GIFT"


def _text(raw: str) -> str:
    r"""GIFT text as Markdown: escapes undone (`\n` is a line break), format markers removed."""
    raw = re.sub(r"^\s*\[(markdown|plain|moodle|html)\]", "", raw)
    out = re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], raw)
    return re.sub(r"[ \t]+", " ", out).strip()


def _question(tree: Tree[Any]) -> dict[str, Any]:
    title: str | None = None
    before: list[str] = []
    after: list[str] = []
    blocks: list[Tree[Any]] = []
    for child in tree.children:
        if isinstance(child, Token) and child.type == "TITLE":
            title = _text(str(child)[2:-2])
        elif isinstance(child, Token):
            (after if blocks else before).append(str(child))
        else:
            blocks.append(child)
    if not blocks:
        raise _Unsupported("a description (text without answers) is not a question the player asks")
    if len(blocks) > 1:
        raise _Unsupported("several answer blocks in one question are not supported")
    block = blocks[0]
    prompt = _text(" ".join(before))
    if "".join(after).strip():  # missing-word format: the answers stand in for a blank
        prompt = f"{prompt} _____ {_text(' '.join(after))}"
    data: dict[str, Any] = {"title": title, "prompt": prompt}
    entries = [c for c in block.children if isinstance(c, Tree) and c.data in ("choice", "bare")]
    general = next((c for c in block.children if isinstance(c, Tree) and c.data == "general"), None)
    if general is not None and general.children and general.children[-1] is not None:
        data["correct_feedback"] = data["incorrect_feedback"] = _text(str(general.children[-1]))
    numeric = any(isinstance(c, Token) and c.type == "NUMERIC_OPEN" for c in block.children)
    if numeric:
        return {**data, **_numeric(entries)}
    if not entries:
        raise _Unsupported("an essay (an answer of free text) is not a question the player asks")
    if len(entries) == 1 and entries[0].data == "bare":
        return {**data, **_true_false(entries[0])}
    if any(entry.data == "bare" for entry in entries):
        raise _Unsupported("every answer starts with '=' or '~'")
    choices = [_choice(entry) for entry in entries]
    if all(c["arrow"] for c in choices):
        pairs = [{"source": c["text"], "target": c["target"]} for c in choices]
        return {**data, "type": "matching", "pairs": pairs}
    if all(c["mark"] == "=" and c["weight"] is None for c in choices):
        return {**data, **_fill_in(choices)}
    return {**data, **_choice_question(choices)}


def _choice(entry: Tree[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {"mark": None, "weight": None, "text": "", "arrow": False}
    found["target"], found["feedback"] = "", None
    for child in entry.children:
        if isinstance(child, Token):
            if child.type == "MARK":
                found["mark"] = str(child)
            elif child.type == "WEIGHT":
                found["weight"] = float(str(child).strip("%"))
            elif child.type == "ARROW":
                found["arrow"] = True
            elif child.type == "ANSWER":
                found["target" if found["arrow"] else "text"] = _text(str(child))
        elif isinstance(child, Tree) and child.data == "feedback":
            answer = child.children[-1]
            found["feedback"] = _text(str(answer)) if answer is not None else None
    return found


def _true_false(entry: Tree[Any]) -> dict[str, Any]:
    word = _text(str(entry.children[0])).upper()
    if word not in _TRUE | _FALSE:
        raise _Unsupported(f"{word!r} is neither T nor F; start each answer with '=' or '~'")
    answer = word in _TRUE
    found: dict[str, Any] = {"type": "true_false", "answer": answer}
    feedback = [_text(str(f.children[-1])) if f.children[-1] is not None else None
                for f in entry.children[1:]]  # fmt: skip
    # GIFT: `{T#shown when wrong#shown when right}`.
    wrong, right = (feedback + [None, None])[:2]
    found["true_feedback" if answer else "false_feedback"] = right
    found["false_feedback" if answer else "true_feedback"] = wrong
    return found


def _fill_in(choices: list[dict[str, Any]]) -> dict[str, Any]:
    feedback = {c["feedback"] for c in choices if c["feedback"]}
    if len(feedback) > 1:
        raise _Unsupported("short answers with different feedback per answer are not supported")
    found: dict[str, Any] = {"type": "fill_in", "accepted": [c["text"] for c in choices]}
    if feedback:
        found["correct_feedback"] = feedback.pop()
    return found


def _choice_question(choices: list[dict[str, Any]]) -> dict[str, Any]:
    rights = [c for c in choices if c["mark"] == "="]
    single = len(rights) == 1 and all(c["weight"] is None for c in choices)
    out = []
    for c in choices:
        right = c["mark"] == "=" if single else (c["weight"] or 0) > 0 or c["mark"] == "="
        choice: dict[str, Any] = {"text": c["text"], "correct": right}
        if c["feedback"]:
            choice["feedback"] = c["feedback"]
        out.append(choice)
    return {"type": "single_choice" if single else "multiple_choice", "choices": out}


def _numeric(entries: list[Tree[Any]]) -> dict[str, Any]:
    if len(entries) != 1:
        raise _Unsupported("a numeric question with several answers is not supported")
    entry = entries[0]
    if entry.data == "choice":
        c = _choice(entry)
        if c["weight"] not in (None, 100):
            raise _Unsupported("a numeric answer worth part marks is not supported")
        spec, feedback = c["text"], c["feedback"]
    else:
        spec = _text(str(entry.children[0]))
        fb = entry.children[1] if len(entry.children) > 1 else None
        feedback = _text(str(fb.children[-1])) if fb is not None and fb.children[-1] else None
    found: dict[str, Any] = {"type": "numeric"}
    if feedback:
        found["correct_feedback"] = feedback
    try:
        if ".." in spec:
            low, high = spec.split("..", 1)
            return {**found, "min": _number(low), "max": _number(high)}
        value, _, tolerance = spec.partition(":")
        found["answer"] = _number(value)
        if tolerance:
            found["tolerance"] = _number(tolerance)
        return found
    except ValueError:
        raise _Unsupported(f"{spec!r} is not a number, 'n:tolerance' or 'low..high'") from None


def _number(text: str) -> float | int:
    value = float(text.strip())
    return int(value) if value.is_integer() else value
