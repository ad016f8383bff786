"""Which module the launch page carries, and which load as files of their own when opened.

The launch page holds the player's shell (cover, module cards, menu, header) and the first
module; every other module's pages and player data are one JSON file, fetched by the player
(runtime/launch.js) when the learner opens the module, the next one prefetched. So what a
launch costs does not grow with the course. The shell keeps what the player needs about a
module it has not loaded: its page ids, how many entries it holds in each section of the resume
state, and how many scored questions and role-plays it leaves open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scormkit.spec.models import Course, Module

MODULE_FOLDER = "modules"
SPLIT_SECTIONS = ("quizzes", "questions", "surveys", "scenarios")


@dataclass(frozen=True)
class ModuleFile:
    """A module the player loads when it is opened: its pages and its player data."""

    module: Module
    href: str  # modules/<module id>.json
    data: dict[str, Any]  # its quizzes, questions, surveys and scenarios, as player data


def module_href(module: Module) -> str:
    """Where a module loaded on demand is packaged."""
    return f"{MODULE_FOLDER}/{module.id}.json"


def split_modules(
    course: Course, data: dict[str, Any]
) -> tuple[dict[str, Any], tuple[ModuleFile, ...]]:
    """The launch page's player data (the first module's parts only) and the other modules'
    files; a course of one module is not split."""
    module_of = {page["id"]: page["module"] for page in data["pages"]}
    quiz_module = {quiz["id"]: module_of[quiz["page"]] for quiz in data["quizzes"]}
    owner = {
        "quizzes": lambda item: module_of[item["page"]],
        "questions": lambda item: quiz_module[item["quiz"]],
        "surveys": lambda item: module_of[item["page"]],
        "scenarios": lambda item: module_of[item["page"]],
    }
    parts: dict[str, dict[str, list[Any]]] = {
        m.id: {section: [] for section in SPLIT_SECTIONS} for m in course.modules
    }
    for section in SPLIT_SECTIONS:
        for item in data[section]:
            parts[owner[section](item)][section].append(item)
    shell = {**data, "layout": layout_hash(data)}
    first = course.modules[0].id
    shell.update(parts[first])
    files: list[ModuleFile] = []
    cards = []
    for card, module in zip(data["modules"], course.modules, strict=True):
        part = parts[module.id]
        lazy = module.id != first
        if lazy:
            files.append(ModuleFile(module, module_href(module), part))
        index = _module_index(part, module_href(module) if lazy else None, card["pages"])
        cards.append({**card, **index})
    shell["modules"] = cards
    return shell, tuple(files)


def _module_index(part: dict[str, list[Any]], href: str | None, pages: list[str]) -> dict[str, Any]:
    """What the player knows of a module before loading it (runtime/launch.js)."""
    scored = 0
    for quiz in part["quizzes"]:
        weights = [q["weight"] for q in part["questions"] if q["quiz"] == quiz["id"]]
        asked = sum(1 for w in weights if w > 0)
        scored += asked if quiz["draw"] is None else min(asked, quiz["draw"])
    return {
        "file": href,
        # What a launch of this module alone hashes (runtime/launch.js scopeCourse).
        "layout": layout_hash({**part, "pages": [{"id": page} for page in pages]}),
        # Entries in the resume state's sections a, q, s and r (runtime/state.js).
        "slots": [
            len(part["questions"]),
            len(part["quizzes"]),
            sum(len(s["items"]) for s in part["surveys"]),
            len(part["scenarios"]),
        ],
        "open": [scored, sum(1 for s in part["scenarios"] if s["scored"] and s["weight"] > 0)],
    }


def layout_hash(data: dict[str, Any]) -> str:
    """runtime/state.js layoutHash() of player data: FNV-1a (32 bit) in base 36 of its page,
    question, survey item and scenario ids and shapes."""
    parts = [
        *(page["id"] for page in data["pages"]),
        *(f"{q['id']}:{q['type']}:{_text(q.get('options'))}" for q in data["questions"]),
        *(
            f"{item['key']}:{item['kind']}:{item['options']}"
            for survey in data["surveys"]
            for item in survey["items"]
        ),
        *(
            f"{s['id']}:{len(s['scenes'])}:{len(s['variables'])}:{len(s['dimensions'])}"
            for s in data["scenarios"]
        ),
    ]
    value = 0x811C9DC5
    for char in "/".join(parts):
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return _base36(value)


def _text(value: object) -> str:
    """`value` as a JavaScript template literal writes it after `?? ""`."""
    return "" if value is None else str(value)


def _base36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if not value:
            return out
