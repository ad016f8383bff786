"""The YAML loader specs are read with: YAML 1.2 (and JSON) scalars, and a node budget."""

from __future__ import annotations

import re

import yaml

from scormkit.limits import MAX_NODES


class SpecLoader(yaml.SafeLoader):
    """SafeLoader reading booleans and numbers as YAML 1.2 (and JSON) do, and no timestamps.

    YAML 1.1 reads `yes`, `no`, `on`, `off`, `y` and `n` as booleans, so a fill-in answer
    `no` or a country code `NO` would silently become False; `1:30` as the number 90, `012` as
    10 and `1e3` as text. Here only true/false are booleans, numbers are decimal with an
    optional exponent, and dates stay text.

    It also counts the nodes it composes and stops past MAX_NODES, so a huge file is refused
    while it is read rather than after every node is in memory.
    """

    nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise TooManyNodes(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


class TooManyNodes(Exception):
    """Composing stopped at MAX_NODES nodes; `mark` is where."""

    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__()
        self.mark = mark


_REPLACED = {f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "timestamp")}
SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
SpecLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
SpecLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
SpecLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?[0-9]+[eE][-+]?[0-9]+"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    return int(loader.construct_scalar(node))  # `012` is 12, not YAML 1.1's octal 10


SpecLoader.add_constructor("tag:yaml.org,2002:int", _decimal)
