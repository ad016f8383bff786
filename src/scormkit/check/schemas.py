"""XSD validation of a package manifest against control documents in a local folder, offline.

Every schemaLocation, including remote ones such as http://www.w3.org/2001/xml.xsd, is resolved
to a file of the folder by its name; nothing is fetched (a schemaLocation is only a hint,
W3C XML Schema 1.0 Part 1, 4.3.2), as LMSs that validate manifests offline do.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from scormkit.errors import SchemaProblem
from scormkit.lms.xml_read import ENTITY_DECLARATION, safe_parser
from scormkit.namespaces import XML as XML_NS
from scormkit.namespaces import XS, XSI

# Subfolders a schema folder may have, one per control-document set.
SETS = {
    ("scorm12", "1.2"): "scorm12",
    ("scorm2004", "2nd"): "scorm2004_2nd",
    ("scorm2004", "3rd"): "scorm2004_3rd",
    ("scorm2004", "4th"): "scorm2004_4th",
    ("cmi5", ""): "cmi5",
    ("xapi", ""): "tincan",
}


def schema_folder(folder: Path, standard: str, edition: str) -> Path:
    """`folder`, or its subfolder for the standard when it holds one set per standard."""
    subfolder = SETS.get((standard, edition))
    if subfolder and (folder / subfolder).is_dir():
        return folder / subfolder
    return folder


def validate(root: etree._Element, folder: Path, *, reuse: bool) -> list[tuple[int, str]]:
    """(line, message) of every XSD error of the document `root` against `folder`'s XSDs.

    With `reuse`, the schema compiled for `folder` is kept for later calls (a user's schema
    folder); a temporary folder's name may come back with other files, so it is not kept.
    """
    namespaces, compile_schema = (
        (_namespaces, _schema) if reuse else (_namespaces.__wrapped__, _schema.__wrapped__)
    )
    by_namespace = namespaces(folder.resolve())
    hints = (root.get(f"{{{XSI}}}schemaLocation") or "").split()
    hinted = dict(zip(hints[0::2], hints[1::2], strict=False))
    elements = list(root.iter(etree.Element))
    used = {etree.QName(e).namespace for e in elements}
    used |= {etree.QName(name).namespace for e in elements for name in e.attrib}
    used -= {None, XML_NS, XSI}
    imports: list[tuple[str, str]] = []
    for namespace in sorted(str(n) for n in used):
        candidates = by_namespace.get(namespace, [])
        if not candidates:
            continue
        hint = Path(urlsplit(hinted.get(namespace, "")).path).name
        chosen = next((c for c in candidates if c.name == hint), candidates[0])
        imports.append((namespace, chosen.as_uri()))
    if etree.QName(root).namespace not in dict(imports):
        return [(1, f"no XSD in the schema folder declares {etree.QName(root).namespace}")]
    schema = compile_schema(folder.resolve(), tuple(imports))
    if schema.validate(root.getroottree()):
        return []
    errors: list[Any] = list(schema.error_log)  # type: ignore[call-overload]  # stubs: not iterable
    return [(e.line, _short(e.message)) for e in errors]


@functools.lru_cache(maxsize=16)
def _namespaces(folder: Path) -> dict[str, list[Path]]:
    """The XSD files of `folder` by target namespace, main files (short names) first."""
    found: dict[str, list[Path]] = {}
    for path in sorted(folder.rglob("*.xsd"), key=lambda p: (len(p.parts), len(p.name), p.name)):
        try:
            data = path.read_bytes()
            if ENTITY_DECLARATION.search(data):
                continue
            namespace = etree.fromstring(data, safe_parser()).get("targetNamespace")
        except (OSError, etree.XMLSyntaxError):
            continue
        if namespace:
            found.setdefault(namespace, []).append(path)
    return found


@functools.lru_cache(maxsize=16)
def _schema(folder: Path, imports: tuple[tuple[str, str], ...]) -> etree.XMLSchema:
    lines = [f'<xs:schema xmlns:xs="{XS}" targetNamespace="urn:scormkit:check">']
    lines += [f'<xs:import namespace="{ns}" schemaLocation="{url}"/>' for ns, url in imports]
    lines.append("</xs:schema>")
    parser = safe_parser()
    parser.resolvers.add(_OfflineResolver(folder))
    try:
        wrapper = etree.fromstring(
            "\n".join(lines).encode(), parser, base_url=folder.as_uri() + "/"
        )
        return etree.XMLSchema(wrapper)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise SchemaProblem(_short(str(exc))) from None


class _OfflineResolver(etree.Resolver):
    """Resolves every schema URL to a file of one folder, by its name for remote URLs."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def resolve(  # type: ignore[override]  # lxml-stubs omit the context argument
        self, system_url: str, public_id: str, context: object
    ) -> object:
        parts = urlsplit(system_url)
        if parts.scheme in ("http", "https", "ftp"):
            matches = sorted(self.folder.rglob(Path(parts.path).name), key=lambda p: len(p.parts))
            if not matches:
                raise SchemaProblem(f"{system_url} is not in the schema folder (no network)")
            path = matches[0]
        else:
            path = Path(unquote(parts.path))
        if not path.resolve().is_relative_to(self.folder) or not path.is_file():
            raise SchemaProblem(f"{system_url} is outside the schema folder or missing")
        data = path.read_bytes()
        if ENTITY_DECLARATION.search(data):
            raise SchemaProblem(f"{path.name} declares XML entities; refused")
        return self.resolve_string(
            _without_quirks(path.name, data), context, base_url=path.as_uri()
        )


def _without_quirks(name: str, data: bytes) -> bytes:
    """`data` with the two known libxml2 incompatibilities of the IMS 2001 schemas mended.

    ims_xml.xsd binds the default namespace to the xml namespace, which libxml2 rejects, and
    imsmd_rootv1p2p1.xsd's ##any wildcards are ambiguous under Unique Particle Attribution;
    later IMS bindings use ##other. Only the in-memory copy changes, never the package.
    """
    if name == "ims_xml.xsd":
        return re.sub(rb'\sxmlns="http://www\.w3\.org/XML/1998/namespace"', b"", data, count=1)
    if name == "imsmd_rootv1p2p1.xsd":
        return data.replace(b'namespace="##any"', b'namespace="##other"')
    return data


def _short(message: str) -> str:
    """`message` with {namespace}name written as name, as people read element names."""
    return re.sub(r"\{[^}'\s]*\}(?=[A-Za-z_])", "", message)
