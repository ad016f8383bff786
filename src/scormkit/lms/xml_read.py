"""Parsing XML from an untrusted package: no entities, no DTD loading, no network."""

from __future__ import annotations

import re

from lxml import etree

from scormkit.errors import MalformedXml, UnsafePackage

# Declaring entities is how XML external entity and "billion laughs" attacks start, and no
# package manifest needs one; refusing them outright beats trusting a parser's expansion caps.
ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
MANIFEST_LIMIT = 8 * 1024**2  # bytes; the largest real manifests are a few hundred KB


def safe_parser() -> etree.XMLParser:
    """A parser that expands no entity, loads no DTD, reaches no network and caps depth."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=False,
    )


def parse_xml(data: bytes, name: str) -> etree._Element:
    """The root element of `data` (member `name`); UnsafePackage for entities, MalformedXml."""
    if len(data) > MANIFEST_LIMIT:
        raise UnsafePackage(name, f"refused: {len(data)} bytes, more than {MANIFEST_LIMIT}")
    if ENTITY_DECLARATION.search(data):
        raise UnsafePackage(
            name, "refused: declares XML entities (external entity or entity expansion attack?)"
        )
    try:
        return etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        message = re.sub(r", line \d+, column \d+$", "", str(exc.msg))
        raise MalformedXml(line, f"not well-formed XML: {message}") from None


def line_of(element: etree._Element) -> int:
    """The line `element` starts on in its file, or 1 when lxml does not know."""
    line = element.sourceline
    return line if isinstance(line, int) and line > 0 else 1
