"""Read YAML or JSON into plain data while remembering where every value came from."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scormkit.errors import Location, Problem, SpecError

PathKey = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans and no timestamps.

    YAML 1.1 reads `yes`, `no`, `on`, `off`, `y` and `n` as booleans, so a fill-in answer
    `no` or a country code `NO` would silently become False. Only true/false are booleans
    here; dates stay text.
    """


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a loaded document starts."""

    file: str
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    raw: dict[PathKey, str] = field(default_factory=dict)  # scalar text as written

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """The start of the value at `path` (or of its key), else of its nearest ancestor."""
        if key and path in self.keys:
            return Location(self.file, *self.keys[path])
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found:
                return Location(self.file, *found)
        return Location(self.file)


def read_document(path: Path, shown_as: str) -> tuple[Any, SourceMap]:
    """Parse a YAML or JSON file; raise SpecError for unreadable or malformed input."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError([Problem(Location(shown_as), "", "no such file")]) from None
    except IsADirectoryError:
        raise SpecError([Problem(Location(shown_as), "", "is a folder, not a spec file")]) from None
    except UnicodeDecodeError as exc:
        raise SpecError(
            [Problem(Location(shown_as), "", f"not UTF-8 text (byte {exc.start})")]
        ) from None
    return parse_text(text, shown_as)


def parse_text(text: str, shown_as: str) -> tuple[Any, SourceMap]:
    """Parse YAML (JSON is read as YAML) into plain data and its SourceMap."""
    source = SourceMap(shown_as)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(shown_as, mark.line + 1, mark.column + 1) if mark else Location(shown_as)
        raise SpecError([Problem(where, "", f"not valid YAML or JSON: {exc.problem}")]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(Location(shown_as), "", f"not valid YAML or JSON: {exc}")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise SpecError([Problem(Location(shown_as), "", "the file is empty")])
    problems: list[Problem] = []
    data = _convert(node, (), source, loader.construct_object, problems)
    if problems:
        raise SpecError(problems)
    return data, source


def _convert(
    node: yaml.Node,
    path: PathKey,
    source: SourceMap,
    construct: Callable[[yaml.Node], Any],
    problems: list[Problem],
) -> Any:
    source.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            where = Location(source.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            shown = format_path(path)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                problems.append(Problem(where, shown, f"key {key_node.value!r} must be text"))
                continue
            key = key_node.value
            if key in result:
                problems.append(Problem(where, shown, f"duplicate key '{key}'"))
                continue
            source.keys[(*path, key)] = (where.line, where.column)
            result[key] = _convert(value_node, (*path, key), source, construct, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, index), source, construct, problems)
            for index, item in enumerate(node.value)
        ]
    source.raw[path] = node.value
    return construct(node)


def format_path(path: PathKey) -> str:
    """`("modules", 0, "title")` -> `modules[0].title`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
