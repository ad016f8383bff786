"""Author Markdown made safe HTML: formatting, links and packaged images, headings from h3 down."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from scormkit.linkedfiles import package_paths

# Markdown is the author's; what survives is formatting and links, never scripts, styles,
# frames or event handlers. h1/h2 are the course and page titles, so Markdown headings start
# at h3 or below (see _shift_headings).
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h3", "h4",
    "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul", "img",
}  # fmt: skip
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


# Images and links to local files are packaged like image blocks (linkedfiles.package_paths).
_MD = MarkdownIt("commonmark").enable("table")


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
