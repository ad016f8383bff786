"""Small lxml helpers shared by the manifest writers."""

from __future__ import annotations

from lxml import etree

# Written by hand: lxml's own declaration uses single quotes, which a few LMS importers
# that sniff the prolog with a regular expression do not accept.
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def element(
    parent: etree._Element | None,
    tag: str,
    text: str | None = None,
    attrib: dict[str, str] | None = None,
) -> etree._Element:
    """A new element (a child of `parent` when given) with optional text and attributes."""
    node = (
        etree.Element(tag, attrib or {})
        if parent is None
        else etree.SubElement(parent, tag, attrib or {})
    )
    if text is not None:
        node.text = text
    return node


def serialize(root: etree._Element) -> bytes:
    """The document as indented UTF-8 bytes with an XML declaration; stable for equal trees."""
    etree.indent(root, space="  ")
    body: bytes = etree.tostring(root, encoding="UTF-8", pretty_print=True)
    return DECLARATION + body
