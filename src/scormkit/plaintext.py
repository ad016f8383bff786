"""Markdown as the plain text an LMS or LRS shows in its reports: no markup, one line, short."""

from __future__ import annotations

import html
import re

import nh3
from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark").enable("table")


# The interaction description the player reports: SCORM 2004's smallest permitted maximum of a
# localized_string_type (RTE 4.2.9, cmi.interactions.n.description: 250 characters).
DESCRIPTION_LIMIT = 250


def plain_text(markdown: str, limit: int | None = None) -> str:
    """`markdown` as one line of plain text, cut at a word to `limit` characters with '…'."""
    rendered = nh3.clean(_MD.render(markdown), tags=set())
    text = re.sub(r"\s+", " ", html.unescape(rendered)).strip()
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"
