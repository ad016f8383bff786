"""Local files named in Markdown: images shown in the text, and links to files to download."""

from __future__ import annotations

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


def local_path(url: str) -> str | None:
    """The file `url` names relative to the spec, or None for a web, mail or in-page link."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or url.startswith("/"):
        return None
    return unquote(parts.path)


def text_links(markdown: str) -> list[Link]:
    """The local images and file links of `markdown`, in reading order."""
    found: list[Link] = []
    for token in _inline(_MD.parse(markdown)):
        if token.type == "image":
            ref = local_path(str(token.attrGet("src") or ""))
            if ref is not None:
                found.append(Link("image", ref, token.content))
        elif token.type == "link_open":
            ref = local_path(str(token.attrGet("href") or ""))
            if ref is not None:
                found.append(Link("file", ref, _link_text(token)))
    return found


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


def text_refs(course: Course) -> list[tuple[PathKey, str]]:
    """Every local file the Markdown of `course` names, and where; resources too."""
    refs = [(path, link.ref) for path, text in course_texts(course) for link in text_links(text)]
    return refs + [(("resources", r, "src"), res.src) for r, res in enumerate(course.resources)]


def text_problems(course: Course) -> list[tuple[PathKey, str]]:
    """Images in Markdown without alt text."""
    return [
        (path, f"the image {quote(link.ref)} needs alt text: ![what it shows]({link.ref})")
        for path, text in course_texts(course)
        for link in text_links(text)
        if link.kind == "image" and not link.text.strip()
    ]
