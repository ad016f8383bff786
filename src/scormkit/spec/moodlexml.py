"""Read Moodle XML question exports (docs.moodle.org/en/Moodle_XML_format) with lxml."""

from __future__ import annotations

from typing import Any

from lxml import etree

from scormkit.errors import Location, Problem
from scormkit.spec.questionfile import QuestionFile, QuestionMaker, category_tags

# No network, no DTDs, no entities: an export is plain elements and text (XXE, billion laughs).
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)
_KINDS = {"essay": "an essay", "description": "a description", "cloze": "a cloze question",
          "calculated": "a calculated question", "ddwtos": "a drag-and-drop question"}  # fmt: skip


def read_moodle_xml(data: bytes, shown_as: str, *, skip_unsupported: bool = False) -> QuestionFile:
    """The questions of a Moodle XML export; problems name the line of the `<question>`."""
    found = QuestionFile()
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        message = f"not well-formed XML: {exc.msg}"
        found.problems.append(Problem(Location(shown_as, int(line), int(column) + 1), "", message))
        return found
    if root.tag != "quiz" or etree.DocInfo(root.getroottree()).internalDTD is not None:
        where = Location(shown_as, _line(root), 1)
        found.problems.append(Problem(where, "", "expected a Moodle <quiz> export without a DTD"))
        return found
    maker = QuestionMaker(found, shown_as, skip_unsupported)
    tags: list[str] = []
    for element in root.iterchildren("question"):
        kind, line = element.get("type", ""), _line(element)
        if kind == "category":
            tags = category_tags(_text(element, "category"))
            continue
        reader = _READERS.get(kind)
        if reader is None:
            what = _KINDS.get(kind, f"a '{kind}' question")
            maker.unsupported(line, 1, f"{what} is not a question the player asks")
            continue
        question: dict[str, Any] = {"title": _text(element, "name"),
                                    "prompt": _text(element, "questiontext")}  # fmt: skip
        general = _text(element, "generalfeedback")
        if general:
            question["correct_feedback"] = question["incorrect_feedback"] = general
        question.update(reader(element))
        own = [t.text.strip() for t in element.iterfind("tags/tag/text") if t.text]
        maker.add(question, [*tags, *(t for t in own if t not in tags)], line, 1)
    return found


def _line(element: etree._Element) -> int:
    line = element.sourceline
    return line if isinstance(line, int) else 1


def _text(element: etree._Element, child: str) -> str:
    found = element.find(f"{child}/text")
    return (found.text or "").strip() if found is not None else ""


def _answers(element: etree._Element) -> list[tuple[float, str, str]]:
    return [
        (float(a.get("fraction", "0")), (a.findtext("text") or "").strip(), _text(a, "feedback"))
        for a in element.iterfind("answer")
    ]


def _choices(element: etree._Element) -> dict[str, Any]:
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    choices = []
    for fraction, text, feedback in _answers(element):
        choice: dict[str, Any] = {"text": text, "correct": fraction > 0}
        if feedback:
            choice["feedback"] = feedback
        choices.append(choice)
    return {"type": "single_choice" if single else "multiple_choice", "choices": choices}


def _true_false(element: etree._Element) -> dict[str, Any]:
    found: dict[str, Any] = {"type": "true_false"}
    for fraction, text, feedback in _answers(element):
        said = text.lower() == "true"
        if fraction > 0:
            found["answer"] = said
        if feedback:
            found["true_feedback" if said else "false_feedback"] = feedback
    return found


def _short_answer(element: etree._Element) -> dict[str, Any]:
    right = [(text, feedback) for fraction, text, feedback in _answers(element) if fraction > 0]
    found: dict[str, Any] = {"type": "fill_in", "accepted": [text for text, _ in right]}
    if (element.findtext("usecase") or "0").strip() == "1":
        found["case_sensitive"] = True
    feedback = [fb for _, fb in right if fb]
    if feedback:
        found["correct_feedback"] = feedback[0]
    return found


def _matching(element: etree._Element) -> dict[str, Any]:
    pairs = [
        {"source": _text(sub, "."), "target": (sub.findtext("answer/text") or "").strip()}
        for sub in element.iterfind("subquestion")
    ]
    return {"type": "matching", "pairs": pairs}


def _numerical(element: etree._Element) -> dict[str, Any]:
    fraction, text, feedback = max(_answers(element), default=(0.0, "0", ""))
    answer = element.find("answer")
    tolerance = float((answer.findtext("tolerance") if answer is not None else None) or 0)
    found: dict[str, Any] = {"type": "numeric", "answer": _number(text)}
    if tolerance:
        found["tolerance"] = _number(str(tolerance))
    if feedback:
        found["correct_feedback"] = feedback
    return found


def _number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


_READERS = {"multichoice": _choices, "truefalse": _true_false, "shortanswer": _short_answer,
            "matching": _matching, "numerical": _numerical}  # fmt: skip
