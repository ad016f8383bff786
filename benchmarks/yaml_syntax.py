"""Benchmark: the time to report every YAML syntax problem of a large spec.

Each syntax problem is found by reading the file again with its broken parts blanked, and then
confirmed by one more reading (see spec/yaml_syntax.py), so the time grows with the number of
problems. This damages the flagship spec (about 2,200 lines) with 0, 1, 3, 10 and 20 mistakes
(a `key value` without its colon, spread evenly through the file) and prints how long reading
takes and how many problems are reported.

Run:  python benchmarks/yaml_syntax.py
"""

from __future__ import annotations

import time
from pathlib import Path

from scormkit.errors import SpecError
from scormkit.spec.source import parse_yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "course_specs" / "healthcare-customer-service.yaml"


def damaged(lines: list[str], count: int) -> str:
    """The spec with `count` `title: ...` lines, evenly spread, stripped of their colon."""
    titles = [n for n, line in enumerate(lines) if line.lstrip().startswith("title: ")]
    chosen = titles[:: max(1, len(titles) // count)][:count] if count else []
    out = list(lines)
    for n in chosen:
        out[n] = out[n].replace("title: ", "title ", 1)
    return "\n".join(out)


def main() -> None:
    lines = SPEC.read_text(encoding="utf-8").split("\n")
    for count in (0, 1, 3, 10, 20):
        text = damaged(lines, count)
        started = time.perf_counter()
        try:
            parse_yaml(text, SPEC.name)
            reported = 0
        except SpecError as exc:
            reported = len(exc.problems)
        seconds = time.perf_counter() - started
        print(
            f"{count:2d} mistakes in {len(lines)} lines: {reported:2d} reported in {seconds:.2f} s"
        )


if __name__ == "__main__":
    main()
