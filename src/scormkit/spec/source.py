"""Read a spec file, YAML or JSON, into a Document that remembers where every value came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scormkit.errors import Location, Problem, SpecError
from scormkit.limits import MAX_DEPTH, MAX_VALUES, SPEC_FILE_BYTES
from scormkit.spec.document import (
    Document,
    PathKey,
    SourceMap,
    check_text,
    duplicate_key,
    format_path,
    line_column,
    quote,
    read_limited,
    refuse_empty,
)
from scormkit.spec.json_source import parse_json
from scormkit.spec.yaml_loader import SpecLoader
from scormkit.spec.yaml_syntax import compose_yaml

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null")}
_MERGE_TAG = f"{_TAG}merge"


def read_document(path: Path, shown_as: str, limit: int = SPEC_FILE_BYTES) -> Document:
    """Parse a YAML or JSON (by suffix) file of at most `limit` bytes; raise SpecError when it
    cannot be read at all."""
    data = read_limited(path, shown_as, limit)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8", "replace")
        line, column = line_column(before, len(before))
        message = f"byte 0x{data[exc.start]:02x} is not UTF-8 text; save the file as UTF-8"
        raise SpecError([Problem(Location(shown_as, line, column), "", message)]) from None
    if path.suffix.lower() == ".json":
        return parse_json(text, shown_as)
    return parse_yaml(text, shown_as)


def parse_text(text: str, shown_as: str) -> tuple[Any, SourceMap]:
    """Parse YAML text (a spec quoted in docs, say) to data and its SourceMap; raise SpecError
    for anything wrong in reading it."""
    document = parse_yaml(text, shown_as)
    if document.problems:
        raise SpecError(document.problems)
    return document.data, document.source


def parse_yaml(text: str, shown_as: str) -> Document:
    """Parse YAML text into plain data, its SourceMap and the problems stepped over."""
    refuse_empty(text.lstrip("\ufeff"), shown_as)
    node, loader = compose_yaml(text, shown_as)
    if node is None:
        message = "the file has only comments; a spec starts with `id:`"
        raise SpecError([Problem(Location(shown_as), "", message)])
    reader = _YamlReader(SourceMap(shown_as, text=text), loader)
    data = reader.convert(node, ())
    return Document(data, reader.source, reader.problems, reader.stand_ins)


class _YamlReader:
    """Turns a composed YAML node tree into plain data, recording positions and problems."""

    def __init__(self, source: SourceMap, loader: SpecLoader) -> None:
        self.source = source
        self.loader = loader
        self.problems: list[Problem] = []
        self.stand_ins: set[PathKey] = set()
        self.count = 0
        self.open: set[int] = set()  # ids of nodes being converted, to catch self-references
        self.flattened: dict[int, tuple[list[Any], int]] = {}

    def report(self, node: yaml.Node, path: PathKey, message: str) -> None:
        where = Location(self.source.file, node.start_mark.line + 1, node.start_mark.column + 1)
        self.problems.append(Problem(where, format_path(path), message))

    def stand_in(self, node: yaml.Node, path: PathKey, message: str, value: Any = None) -> Any:
        """Report why the value at `path` cannot be read, and return `value` in its place."""
        self.report(node, path, message)
        self.stand_ins.add(path)
        return value

    def convert(self, node: yaml.Node, path: PathKey) -> Any:
        self.source.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.count += 1
        if self.count == MAX_VALUES:
            message = f"more than {MAX_VALUES} values; are aliases repeating?"
            return self.stand_in(node, path, message)
        if self.count > MAX_VALUES:
            self.stand_ins.add(path)
            return None
        if len(path) > MAX_DEPTH:
            return self.stand_in(node, path, f"nested more than {MAX_DEPTH} levels deep")
        if id(node) in self.open:
            return self.stand_in(node, path, "an alias refers to the value that contains it")
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if node.tag not in (f"{_TAG}map", f"{_TAG}seq"):
            self.report(node, path, _unsupported_tag(node.tag))
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, path)
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def scalar(self, node: yaml.ScalarNode, path: PathKey) -> Any:
        self.source.raw[path] = node.value
        if node.tag not in _SCALAR_TAGS:
            return self.stand_in(node, path, _unsupported_tag(node.tag), node.value)
        try:
            value = self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError):
            message = f"{quote(node.value)} cannot be read as {node.tag.removeprefix(_TAG)}"
            return self.stand_in(node, path, message, node.value)
        if isinstance(value, str):
            check_text(value, lambda message: self.report(node, path, message))
            self.source.spans[path] = (node.start_mark.index, node.end_mark.index, node.style or "")
        return value

    def mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        entries, merged = self.flatten(node, path)
        own_keys = {k.value for k, _ in entries[merged:] if isinstance(k, yaml.ScalarNode)}
        # Of merged keys the last wins: PyYAML lists `<<: [*a, *b]` as b's then a's.
        last = {k.value: i for i, (k, _) in enumerate(entries[:merged]) if k.tag == f"{_TAG}str"}
        result: dict[str, Any] = {}
        for index, (key_node, value_node) in enumerate(entries):
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != f"{_TAG}str":
                self.report(key_node, path, _key_problem(key_node))
                continue
            key = key_node.value
            if index < merged and (key in own_keys or last[key] != index):
                continue  # a merged default, overridden
            key_at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                message = duplicate_key(key, self.source.keys[(*path, key)], key_at)
                self.report(key_node, (*path, key), message)
                continue
            self.source.keys[(*path, key)] = key_at
            result[key] = self.convert(value_node, (*path, key))
        return result

    def flatten(self, node: yaml.MappingNode, path: PathKey) -> tuple[list[Any], int]:
        """The entries of `node` with `<<: *defaults` merged in first, and how many were merged.

        PyYAML merges in place, so a mapping reached again through an alias is flattened once.
        """
        if id(node) not in self.flattened:
            own = [pair for pair in node.value if pair[0].tag != _MERGE_TAG]
            try:
                self.loader.flatten_mapping(node)
            except yaml.MarkedYAMLError as exc:
                self.report(node, path, f"cannot merge: {exc.problem}")
                node.value = own
            self.flattened[id(node)] = (node.value, len(node.value) - len(own))
        return self.flattened[id(node)]


def _unsupported_tag(tag: str) -> str:
    shown = f"!!{tag.removeprefix(_TAG)}" if tag.startswith(_TAG) else tag
    return f"YAML tag '{shown}' is not supported here; remove it"


def _key_problem(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        kind = "mapping" if isinstance(node, yaml.MappingNode) else "list"
        return f"a key must be text, not a {kind}"
    if node.tag == f"{_TAG}null":
        return "a key must be text, not empty"
    return f"key {node.value} must be text; put it in quotes: '{node.value}'"
