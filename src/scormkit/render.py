"""Render a planned package's launch page: HTML only, from the plan and the templates."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

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
from markupsafe import Markup

from scormkit.archive import PackageFile
from scormkit.cards import module_minutes
from scormkit.errors import BuildError
from scormkit.linkedfiles import page_downloads
from scormkit.markdown import inline_markdown, markdown
from scormkit.plan import PackagePlan
from scormkit.player_text import player_language, survey_scale
from scormkit.questions import QUESTION_TYPES, lettered
from scormkit.spec.cast import initials
from scormkit.spec.models import Course

T = TypeVar("T")


def scramble(items: Iterable[T], seed: str) -> list[T]:
    """`items` in an order that looks random but is the same in every build."""
    indexed = list(enumerate(items))
    indexed.sort(key=lambda pair: hashlib.sha256(f"{seed}:{pair[0]}".encode()).digest())
    return [item for _, item in indexed]


def _packaged(data: Any, hrefs: Mapping[str, str]) -> Any:
    """Player data with each picture (`{src, alt}`) pointing at its packaged file."""
    if isinstance(data, list):
        return [_packaged(item, hrefs) for item in data]
    if not isinstance(data, dict):
        return data
    found = {key: _packaged(value, hrefs) for key, value in data.items()}
    if "alt" in found and isinstance(found.get("src"), str):
        found["src"] = hrefs.get(found["src"], found["src"])
    return found


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
        initials=initials,
    )
    # Templates made before question types said their own `typed_max` look it up by type.
    typed_max = {kind.type_name(): kind.typed_max for kind in QUESTION_TYPES}
    env.globals.update(
        targets=lambda question: question.targets(),
        typed_max=typed_max,
        survey_scale=survey_scale,
        downloads=lambda page: page_downloads(page, asset_hrefs),
        module_minutes=lambda module: module_minutes(module)[0],
    )
    return env


def _ui_lang(course: Course) -> Markup:
    """A `lang` attribute for the player's own words when they are not in the course's
    language (WCAG 2.1 3.1.2, language of parts); empty when they are."""
    language = player_language(course)
    if course.language.split("-")[0].lower() == language:
        return Markup("")
    return Markup(' lang="{}"').format(language)


def render_course(
    plan: PackagePlan, *, asset_hrefs: Mapping[str, str], templates: Path | None = None
) -> PackageFile:
    """`index.html`: the player's shell, with the pages and data of the modules it carries."""
    later = {file.module.id for file in plan.module_files}
    page = _render(
        _environment(templates, asset_hrefs),
        "index.html",
        **_context(plan),
        data=script_json(_packaged(plan.player_data, asset_hrefs)),
        carried=[m for m in plan.course.modules if m.id not in later],
    )
    return PackageFile(plan.launch, page.encode())


def render_modules(
    plan: PackagePlan, *, asset_hrefs: Mapping[str, str], templates: Path | None = None
) -> list[PackageFile]:
    """One JSON file per module loaded when opened (plan/modules.py): its player data, and its
    pages under `html`."""
    env = _environment(templates, asset_hrefs)
    files = []
    for file in plan.module_files:
        pages = _render(env, "module.html", **_context(plan), module=file.module)
        data = {**_packaged(file.data, asset_hrefs), "html": pages}
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        files.append(PackageFile(file.href, text.encode()))
    return files


def _context(plan: PackagePlan) -> dict[str, Any]:
    return {
        "course": plan.course,
        "text": plan.player_data["text"],
        "ui_lang": _ui_lang(plan.course),
    }


def _render(env: Environment, name: str, **context: Any) -> str:
    """The template `name` rendered with `context`; template problems as BuildError."""
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as exc:
        raise BuildError(f"template '{exc.name}' not found") from None
    except TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise BuildError(f"{where}: template error: {exc.message}") from None
    except TemplateError as exc:
        # Most often an override naming something the template context does not have.
        raise BuildError(f"template error: {exc.message}") from None
