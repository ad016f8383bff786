"""Local files named in rendered Markdown: pointed at their packaged copies, listed as downloads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from markdown_it.token import Token

from scormkit.spec.blocks import Block
from scormkit.spec.models import Page
from scormkit.spec.textlinks import Link, local_path, text_links


def package_paths(tokens: Iterable[Token], hrefs: Mapping[str, str]) -> None:
    """Point images and links at the packaged copies of local files. An image from another
    host, or whose file was not packaged (feedback text, where files are not collected), is
    shown as its alt text: a package loads nothing from outside."""
    for token in tokens:
        if token.children:
            package_paths(token.children, hrefs)
        attr = {"image": "src", "link_open": "href"}.get(token.type)
        if attr is None:
            continue
        ref = local_path(str(token.attrGet(attr) or ""))
        if ref is not None and ref in hrefs:
            token.attrSet(attr, hrefs[ref])
            if token.type == "link_open":
                token.attrSet("download", "")
        elif token.type == "image":
            token.type, token.tag, token.children = "text", "", None


def page_downloads(page: Page, hrefs: Mapping[str, str]) -> list[tuple[str, str]]:
    """The local files the page's text links to, once each: (link text, packaged href)."""
    found = [link for block in page.blocks for link in _block_links(block)]
    files = {link.ref: link.text or link.ref for link in found if link.kind == "file"}
    return [(text, hrefs[ref]) for ref, text in files.items() if ref in hrefs]


def _block_links(block: Block) -> list[Link]:
    texts = [getattr(block, "markdown", None), *(p.markdown for p in getattr(block, "panels", []))]
    return [link for text in texts if isinstance(text, str) for link in text_links(text)]
