"""Render a course into its launch page and the player files it runs on."""

from __future__ import annotations

import hashlib
import json
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import nh3
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from scormkit.archive import PackageFile
from scormkit.errors import BuildError
from scormkit.linkedfiles import package_paths, page_downloads
from scormkit.plaintext import plain_text
from scormkit.player_text import player_language, player_text
from scormkit.scenariodata import scenario_data
from scormkit.spec.activities import (
    FillIn,
    Matching,
    MultipleChoice,
    Numeric,
    Question,
    Quiz,
    Scenario,
    Sequencing,
    SingleChoice,
    Survey,
    TrueFalse,
)
from scormkit.spec.models import Course

T = TypeVar("T")

LETTERS = string.ascii_lowercase
# Longest text a learner can type into a question, by type (the inputs' maxlength); resume
# state keeps what was typed, so src/scormkit/budget.py counts on these.
TYPED_MAX = {"fill_in": 120, "numeric": 30}

# Markdown is the author's; what survives is formatting and links, never scripts, styles,
# frames or event handlers. h1/h2 are the course and page titles, so Markdown headings start
# at h3 or below (see _shift_headings).
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h3", "h4",
    "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
_TAGS.add("img")
_ATTRIBUTES = {
    "a": {"href", "title", "target", "download"}, "abbr": {"title"}, "ol": {"start"},
    "img": {"src", "alt", "title"},
}  # fmt: skip
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel="noopener noreferrer",
)


def _markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


_MD = _markdown_parser()


def _shift_headings(tokens: list[Token]) -> None:
    """Move headings down so the text's top level is at most h3, keeping their hierarchy."""
    headings = [t for t in tokens if t.type in ("heading_open", "heading_close")]
    if not headings:
        return
    shift = max(0, 3 - min(int(t.tag[1]) for t in headings))
    for token in headings:
        token.tag = f"h{min(int(token.tag[1]) + shift, 6)}"


def _open_links_outside(tokens: Iterable[Token]) -> None:
    """A link leaving the course opens a new window, so the LMS session stays alive."""
    for token in tokens:
        if token.children:
            _open_links_outside(token.children)
        href = token.attrGet("href")
        if token.type == "link_open" and str(href).startswith(("http:", "https:", "//")):
            token.attrSet("target", "_blank")


def markdown(text: str, hrefs: Mapping[str, str] | None = None) -> Markup:
    """Sanitised HTML of Markdown `text`, headings starting at h3, local files at `hrefs`."""
    tokens = _MD.parse(text)
    _shift_headings(tokens)
    _open_links_outside(tokens)
    package_paths(tokens, hrefs or {})
    return Markup(_CLEANER.clean(_MD.renderer.render(tokens, _MD.options, {})))


def inline_markdown(text: str) -> Markup:
    """Sanitised HTML of one paragraph of Markdown, without the paragraph element."""
    tokens = _MD.parseInline(text)
    _open_links_outside(tokens)
    package_paths(tokens, {})
    return Markup(_CLEANER.clean(_MD.renderer.render(tokens, _MD.options, {})))


def lettered(items: Sequence[T]) -> list[tuple[str, T]]:
    """Pair each item with its letter, a, b, c… in spec order: the answer the player records."""
    return list(zip(LETTERS, items, strict=False))


def scramble(items: Iterable[T], seed: str) -> list[T]:
    """`items` in an order that looks random but is the same in every build."""
    indexed = list(enumerate(items))
    indexed.sort(key=lambda pair: hashlib.sha256(f"{seed}:{pair[0]}".encode()).digest())
    return [item for _, item in indexed]


def _targets(question: Matching) -> list[str]:
    return list(dict.fromkeys(pair.target for pair in question.pairs))


# The targets of a matching question in the order of their letters (xAPI definitions use it).
matching_targets = _targets


# The interaction description the player reports: SCORM 2004's smallest permitted maximum of a
# localized_string_type (RTE 4.2.9, cmi.interactions.n.description: 250 characters).
DESCRIPTION_LIMIT = 250


def _question_data(question: Question, quiz: Quiz) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "quiz": quiz.id,
        "prompt": plain_text(question.prompt, DESCRIPTION_LIMIT),
        "weight": question.weight,
        "attempts": question.attempts,
        "correctFeedback": question.correct_feedback,
        "incorrectFeedback": question.incorrect_feedback,
    }
    if isinstance(question, SingleChoice | MultipleChoice):
        data["options"] = len(question.choices)
        data["shuffle"] = question.shuffle
        data["correct"] = [letter for letter, c in lettered(question.choices) if c.correct]
        data["feedback"] = {
            letter: c.feedback for letter, c in lettered(question.choices) if c.feedback
        }
    elif isinstance(question, TrueFalse):
        data["correct"] = ["t" if question.answer else "f"]
        data["feedback"] = {
            key: text
            for key, text in (("t", question.true_feedback), ("f", question.false_feedback))
            if text
        }
    elif isinstance(question, FillIn):
        data["accepted"] = question.accepted
        data["caseSensitive"] = question.case_sensitive
        data["normalizeWhitespace"] = question.normalize_whitespace
    elif isinstance(question, Numeric):
        data.update(answer=question.answer, tolerance=question.tolerance)
        data.update(min=question.min, max=question.max)
    elif isinstance(question, Matching):
        targets = _targets(question)
        data["options"] = len(targets)
        data["correct"] = [LETTERS[targets.index(pair.target)] for pair in question.pairs]
    elif isinstance(question, Sequencing):
        data["options"] = len(question.steps)
        data["correct"] = list(LETTERS[: len(question.steps)])
    return data


def quiz_keeps_run(quiz: Quiz) -> bool:
    """Whether resume state must keep the quiz's attempt and seed: it is random or limited."""
    shuffled = any(
        isinstance(q, SingleChoice | MultipleChoice) and q.shuffle for q in quiz.questions
    )
    return quiz.shuffle or quiz.draw is not None or shuffled or (quiz.attempts or 1) > 1


def survey_scale(text: Mapping[str, str]) -> list[str]:
    """The default likert scale: five levels of agreement, in the player's language."""
    return text["agreement"].split("|")


def _survey_data(survey: Survey, page_id: str, text: Mapping[str, str]) -> dict[str, Any]:
    items = []
    for item in survey.items:
        labels = item.options or item.scale or survey_scale(text)
        options = 0 if item.kind == "free_text" else len(labels)
        items.append(
            {
                "key": f"{survey.id}-{item.id}",
                "survey": survey.id,
                "id": item.id,
                "kind": item.kind,
                "prompt": plain_text(item.prompt, DESCRIPTION_LIMIT),
                "options": options,
                "maxLength": item.max_length,
            }
        )
    return {"id": survey.id, "page": page_id, "items": items}


def course_data(course: Course, tracker: str, state_budget: int | None = None) -> dict[str, Any]:
    """What the player needs to run `course`: its order, answers, weights, rules and words."""
    text = player_text(course)
    pages: list[dict[str, Any]] = []
    quizzes: list[dict[str, Any]] = []
    questions: list[dict[str, Any]] = []
    surveys: list[dict[str, Any]] = []
    scenarios: list[dict[str, Any]] = []
    for module in course.modules:
        for page in module.pages:
            pages.append({"id": page.id, "module": module.id, "title": page.title})
            if isinstance(page.activity, Survey):
                surveys.append(_survey_data(page.activity, page.id, text))
            if isinstance(page.activity, Scenario):
                scenarios.append(scenario_data(page.activity, page.id))
            if isinstance(page.activity, Quiz):
                quiz = page.activity
                quizzes.append(
                    {
                        "id": quiz.id,
                        "page": page.id,
                        "passingScore": quiz.passing_score,
                        "questions": [q.id for q in quiz.questions],
                        "attempts": quiz.attempts,
                        "draw": quiz.draw,
                        "shuffle": quiz.shuffle,
                        "review": quiz.review,
                        "keepsRun": quiz_keeps_run(quiz),
                    }
                )
                questions.extend(_question_data(q, quiz) for q in quiz.questions)
    return {
        "id": course.id,
        "title": course.title,
        "language": course.language,
        "tracker": tracker,
        "stateBudget": state_budget,
        "completion": {
            "allPages": course.completion.all_pages,
            "passingScore": course.completion.passing_score,
        },
        "modules": [
            {"id": m.id, "title": m.title, "pages": [p.id for p in m.pages]} for m in course.modules
        ],
        "pages": pages,
        "quizzes": quizzes,
        "questions": questions,
        "surveys": surveys,
        "text": text,
        "scenarios": scenarios,
    }


def script_json(data: object) -> Markup:
    """`data` as JSON safe inside a <script> element: no `<` can end or reopen it."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c"))


def _environment(templates: Path | None, asset_hrefs: Mapping[str, str]) -> Environment:
    loaders: list[FileSystemLoader | PackageLoader] = [PackageLoader("scormkit", "templates")]
    if templates is not None:
        if not templates.is_dir():
            raise BuildError(f"{templates}: templates folder not found")
        loaders.insert(0, FileSystemLoader(templates))

    def asset(ref: str) -> str:
        try:
            return asset_hrefs[ref]
        except KeyError:
            raise BuildError(f"asset '{ref}' was not packaged") from None

    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    env.filters.update(
        markdown=lambda text: markdown(text, asset_hrefs),
        inline_markdown=inline_markdown,
        asset=asset,
        lettered=lettered,
        scramble=scramble,
    )
    env.globals.update(
        targets=_targets,
        typed_max=TYPED_MAX,
        survey_scale=survey_scale,
        downloads=lambda page: page_downloads(page, asset_hrefs),
    )
    return env


def _runtime_files(tracker: str) -> list[PackageFile]:
    runtime = resources.files("scormkit") / "runtime"
    track = runtime / "track"
    # A tracker exports createTracker; the other modules there are what trackers share.
    known = sorted(
        f.name.removesuffix(".js")
        for f in track.iterdir()
        if f.name.endswith(".js") and "export function createTracker" in f.read_text("utf-8")
    )
    if tracker not in known:
        raise BuildError(f"no player tracker '{tracker}'; known: {', '.join(known)}")
    names = sorted(f.name for f in runtime.iterdir() if f.name.endswith((".js", ".css")))
    files = [_shipped(f"runtime/{name}", (runtime / name).read_text("utf-8")) for name in names]
    source = (track / f"{tracker}.js").read_text(encoding="utf-8")
    files.append(_shipped(f"runtime/track/{tracker}.js", source))
    # Modules a tracker imports from its own folder (the xAPI and cmi5 trackers share one).
    for name in sorted(set(re.findall(r'from "\./([\w-]+\.js)"', source)) - {f"{tracker}.js"}):
        files.append(_shipped(f"runtime/track/{name}", (track / name).read_text("utf-8")))
    return files


def _shipped(href: str, source: str) -> PackageFile:
    """A runtime file as packages carry it: without comment lines, blank lines or indentation.

    The source explains itself at length; learners need none of it, and dropping it keeps the
    player near a third lighter over the wire. Only whole comment lines go (`//` lines and
    `/* ... */` blocks that start a line), so code and strings are never touched; the runtime
    has no multi-line template literals whose indentation would matter.
    """
    kept: list[str] = []
    in_block = False
    for line in source.splitlines():
        text = line.strip()
        if in_block:
            in_block = "*/" not in text
            continue
        if text.startswith("/*") and ("*/" not in text or text.endswith("*/")):
            in_block = "*/" not in text
            continue
        if text and not (href.endswith(".js") and text.startswith("//")):
            kept.append(text)
    return PackageFile(href, ("\n".join(kept) + "\n").encode("utf-8"))


def _ui_lang(course: Course) -> Markup:
    """A `lang` attribute for the player's own words when they are not in the course's
    language (WCAG 2.1 3.1.2, language of parts); empty when they are."""
    language = player_language(course)
    if course.language.split("-")[0].lower() == language:
        return Markup("")
    return Markup(' lang="{}"').format(language)


def render_course(
    course: Course,
    *,
    tracker: str,
    asset_hrefs: Mapping[str, str],
    templates: Path | None = None,
    state_budget: int | None = None,
    tracker_data: Mapping[str, Any] | None = None,
) -> list[PackageFile]:
    """`index.html` showing the whole course, plus the player files it loads.

    `tracker_data` is what the target's tracker needs besides the course (xAPI activities);
    it is written into the course data as `trackerData`, where the tracker reads it.
    """
    files = _runtime_files(tracker)
    env = _environment(templates, asset_hrefs)
    data = course_data(course, tracker, state_budget)
    if tracker_data is not None:
        data["trackerData"] = dict(tracker_data)
    try:
        page = env.get_template("index.html").render(
            course=course,
            data=script_json(data),
            text=data["text"],
            ui_lang=_ui_lang(course),
        )
    except TemplateNotFound as exc:
        raise BuildError(f"template '{exc.name}' not found") from None
    except TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise BuildError(f"{where}: template error: {exc.message}") from None
    except TemplateError as exc:
        # Most often an override naming something the template context does not have.
        raise BuildError(f"template error: {exc.message}") from None
    return [PackageFile("index.html", page.encode()), *files]
