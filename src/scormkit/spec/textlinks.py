"""Local files named in Markdown: images shown in the text, and links to files to download."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from scormkit.spec.document import PathKey, quote

if TYPE_CHECKING:
    from scormkit.spec.models import Course

_MD = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class Link:
    """A local file named in Markdown: an image (`![alt](src)`) or a link to a download."""

    kind: str  # "image" or "file"
    ref: str  # the path as written, relative to the spec
    text: str  # the image's alt text, or the link's text
    at: int | None = None  # where in the Markdown the path starts, when it was found there


def local_path(url: str) -> str | None:
    """The file `url` names relative to the spec, or None for a web, mail or in-page link."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or url.startswith("/"):
        return None
    return unquote(parts.path)


def text_links(markdown: str) -> list[Link]:
    """The local images and file links of `markdown`, in reading order."""
    found: list[Link] = []
    starts = [0] + [m.end() for m in re.finditer("\n", markdown)] + [len(markdown)]
    claimed: set[int] = set()
    for token in _inline(_MD.parse(markdown)):
        lines = token.meta["parent"].map or [0, len(starts) - 1]
        span = (starts[lines[0]], starts[min(lines[1], len(starts) - 1)])
        if token.type == "image":
            ref = local_path(str(token.attrGet("src") or ""))
            if ref is not None:
                at = _destination(markdown, span, ref, claimed)
                found.append(Link("image", ref, token.content, at))
        elif token.type == "link_open":
            ref = local_path(str(token.attrGet("href") or ""))
            if ref is not None:
                at = _destination(markdown, span, ref, claimed)
                found.append(Link("file", ref, _link_text(token), at))
    return found


def _destination(markdown: str, span: tuple[int, int], ref: str, claimed: set[int]) -> int | None:
    """Where `markdown` writes the path `ref` of a link or image in `markdown[span]`: inline in
    that span, or else in a link reference definition (`[name]: path`) anywhere; the first
    place not `claimed` already."""
    openings = [*_OPENING.finditer(markdown, *span), *_DEFINITION.finditer(markdown)]
    for opening in openings:
        written = (_BRACKETED if opening[1] else _BARE).match(markdown, opening.end())
        if opening.end() not in claimed and written and local_path(written.group()) == ref:
            claimed.add(opening.end())
            return opening.end()
    return None


_OPENING = re.compile(r"\]\([ \t]*(<?)")  # `](` and what may come before the path
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<?)", re.MULTILINE)  # `[name]: `
_BARE = re.compile(r"[^\s)]+")
_BRACKETED = re.compile(r"[^>\n]+(?=>)")  # `](<my notes.pdf>)`


def _inline(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        for child in token.children or []:
            child.meta["parent"] = token
            yield child


def _link_text(opening: Token) -> str:
    siblings = opening.meta["parent"].children or []
    start = siblings.index(opening) + 1
    words = []
    for token in siblings[start:]:
        if token.type == "link_close":
            break
        words.append(token.content)
    return "".join(words).strip()


def course_texts(course: Course) -> Iterator[tuple[PathKey, str]]:
    """Every Markdown field of the blocks of `course`, with its path."""
    for m, module in enumerate(course.modules):
        for p, page in enumerate(module.pages):
            for b, block in enumerate(page.blocks):
                here: PathKey = ("modules", m, "pages", p, "blocks", b)
                markdown = getattr(block, "markdown", None)
                if isinstance(markdown, str):
                    yield (*here, "markdown"), markdown
                for n, panel in enumerate(getattr(block, "panels", [])):
                    yield (*here, "panels", n, "markdown"), panel.markdown


def course_links(course: Course) -> list[tuple[PathKey, Link]]:
    """Every local file the Markdown of `course` names, with the path of its text."""
    return [(path, link) for path, text in course_texts(course) for link in text_links(text)]


def text_refs(course: Course) -> list[tuple[PathKey, str]]:
    """Every local file the Markdown of `course` names, and where; resources too."""
    return [(path, link.ref) for path, link in course_links(course)] + resource_refs(course)


def resource_refs(course: Course) -> list[tuple[PathKey, str]]:
    """The files of the course's `resources` list, and where."""
    return [(("resources", r, "src"), res.src) for r, res in enumerate(course.resources)]


def text_problems(course: Course) -> list[tuple[PathKey, int | None, str]]:
    """Images in Markdown without alt text: the path of the text, where in it, the message."""
    return [
        (path, link.at, f"the image {quote(link.ref)} needs alt text: ![what it shows]({link.ref})")
        for path, link in course_links(course)
        if link.kind == "image" and not link.text.strip()
    ]
