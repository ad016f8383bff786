"""Small lxml helpers shared by the manifest writers."""

from __future__ import annotations

from lxml import etree


def element(
    parent: etree._Element | None,
    tag: str,
    text: str | None = None,
    attrib: dict[str, str] | None = None,
) -> etree._Element:
    """A new element (a child of `parent` when given) with optional text and attributes."""
    node = etree.Element(tag, attrib or {}) if parent is None else etree.SubElement(parent, tag, attrib or {})
    if text is not None:
        node.text = text
    return node


def serialize(root: etree._Element) -> bytes:
    """The document as indented UTF-8 bytes with an XML declaration; stable for equal trees."""
    etree.indent(root, space="  ")
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
