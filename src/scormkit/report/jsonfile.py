"""The report's figures as a JSON file, written as they are read: the per-learner rows come
from the store one at a time. The bytes are those of `json.dump(found, indent=1,
ensure_ascii=False)` of the same figures with every row in a list."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from scormkit.atomic import replacing
from scormkit.report.store import Rows


def write_json(found: dict[str, Any], dest: Path) -> None:
    with replacing(dest) as temp, temp.open("w", encoding="utf-8") as handle:
        for part in json_parts(found, 0):
            handle.write(part)
        handle.write("\n")


def json_parts(value: Any, level: int) -> Iterator[str]:
    """`value` as indented JSON at nesting `level`, in parts; a Rows as a list of its rows.
    Dicts and lists that may hold Rows are walked here, everything else (a row included) is
    encoded whole by `json`: a JSON string never holds a raw newline, so indenting it further
    is replacing its newlines."""
    items: Iterable[tuple[str | None, Any]]
    if isinstance(value, dict) and value:
        items = value.items()
        opener, closer = "{", "}"
    elif isinstance(value, list) and value or isinstance(value, Rows):
        items = ((None, v) for v in value)
        opener, closer = "[", "]"
    else:
        yield _plain(value, level)
        return
    inner = "\n" + " " * (level + 1)
    started = False
    for key, item in items:
        yield (",", opener)[not started] + inner
        started = True
        if key is not None:
            yield json.dumps(key, ensure_ascii=False) + ": "
        if isinstance(value, Rows):
            yield _plain(item, level + 1)
        else:
            yield from json_parts(item, level + 1)
    yield ("\n" + " " * level + closer) if started else opener + closer


def _plain(value: Any, level: int) -> str:
    return json.dumps(value, indent=1, ensure_ascii=False).replace("\n", "\n" + " " * level)
