"""Benchmark: time and peak memory of scormkit on hostile inputs, one fresh process each.

Each case is an input a few hundred KB to a few MB in size that once took minutes or
gigabytes (see the hardening issue); the figures show it now ends in seconds and tens of MB.
The tests in tests/hostile assert the messages; this prints the bounds.

Run:  python benchmarks/hostile_inputs.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_cases(folder: Path) -> dict[str, list[str]]:
    """Case name -> scormkit arguments, with the inputs written into `folder`."""
    long_yaml = folder / "long.yaml"
    long_yaml.write_text("id: x\ntitle: y\nitems:\n" + "  - a\n" * 1_000_000)
    laughs = folder / "laughs.yaml"
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]"
              for i in range(9)]  # fmt: skip
    laughs.write_text("\n".join(lines) + "\n")
    crafted = folder / "crafted.zip"
    with zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", "<manifest identifier='m'/>")
        zf.writestr("index.html", "<img " * 16_000)
        zf.writestr("app.js", "fetch(" * 13_000 + "import " * 11_000)
    many = folder / "many.zip"
    files = "".join(f'<file href="m{i}.js"/>' for i in range(100_000))
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "imsmanifest.xml",
            "<manifest identifier='m' xmlns='http://www.imsproject.org/xsd/imscp_rootv1p1p2'>"
            "<organizations/><resources><resource identifier='r' type='webcontent' "
            f"href='index.html'>{files}</resource></resources></manifest>",
        )
        zf.writestr("index.html", "<p>x</p>")
    role_plays = folder / "role-plays.yaml"
    endless = (
        "      - id: p{n}\n        title: P\n        activity:\n          type: scenario\n"
        "          id: drill-{n}\n          title: Drill\n          start: a\n"
        "          dimensions: [d]\n          scenes:\n            - id: a\n"
        "              line: Again?\n              choices:\n"
        "                - {{id: more, text: More, goto: a, points: {{d: 1}}}}\n"
        "                - {{id: stop, text: Stop, goto: end}}\n"
        "            - {{id: end, line: End, ending: success}}\n"
    )
    role_plays.write_text(
        "id: x\ntitle: y\nmodules:\n  - id: m\n    title: M\n    pages:\n"
        + "".join(endless.format(n=n) for n in range(4))
    )
    spec = str(ROOT / "course_specs" / "healthcare-customer-service.yaml")
    return {
        "validate: 6 MB YAML of 1,000,000 items": ["validate", str(long_yaml)],
        "validate: /dev/zero": ["validate", "/dev/zero"],
        "observe: 600-byte alias bomb results": [
            "observe",
            spec,
            "--learner",
            "a@b.example",
            "--results",
            str(laughs),
            "--dry-run",
        ],  # fmt: skip
        "build: four endless role-plays, three targets": [
            "build",
            str(role_plays),
            "-o",
            str(folder / "out"),
            "-t",
            "scorm12",
            "-t",
            "scorm2004",
            "-t",
            "cmi5",
        ],  # fmt: skip
        "check: 80 KB crafted page and script": ["check", str(crafted)],
        "check: manifest listing 100,000 missing files": ["check", str(many)],
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        cases = make_cases(Path(temp))
        print(f"{'case':<50} {'exit':>4} {'seconds':>8} {'peak MB':>8}")
        for name, args in cases.items():
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "scormkit", *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            _, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory
            child.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.perf_counter() - start
            peak = usage.ru_maxrss / 1024
            print(f"{name:<50} {child.returncode:>4} {seconds:>8.2f} {peak:>8.0f}")


if __name__ == "__main__":
    main()
