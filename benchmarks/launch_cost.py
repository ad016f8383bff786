"""Benchmark: what a launch costs for a small and a large course.

Builds two generated courses (tests/generated_course.py) for SCORM 1.2: 10 pages with one quiz
of 10 questions, and 1000 pages in 50 modules with a quiz of 10 questions at the start of each
(500 questions). Prints the launch page's size and the time from navigation start to the first
frame painted with a page shown (the page's own clock), in headless Chromium (/usr/bin/chromium,
without an LMS), served from 127.0.0.1; median of 15 fresh loads per course, the two courses
taking turns (a round loads each once) so that a busy moment of a shared machine weighs on
both. Targets (issue 10): the 1000-page course within 1.3 times the 10-page one, and its
launch page under 200 KB.

With `--baseline SRC`, the same courses are also built by the scormkit whose `src` folder is
SRC (another checkout, such as the main branch), and its figures printed alongside.

Run:  python benchmarks/launch_cost.py [--baseline ../main/src]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from runtime_weight import first_page_ms

ROOT = Path(__file__).resolve().parents[1]
COURSES = {"10 pages": (10, 10), "1000 pages": (1000, 500)}
QUIZ_EVERY = 20  # one quiz at the start of each module of 20 pages
LOADS = 15
BUILD = """
import sys
from pathlib import Path
from generated_course import generated_course
from scormkit import build
pages, questions, every, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
print(build(generated_course(pages, questions, quiz_every=every), "scorm12", Path(out)))
"""


def built(src: Path, pages: int, questions: int, out: Path) -> Path:
    """The package of a generated course, built by the scormkit under `src`."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(ROOT / "tests")])}
    args = [str(pages), str(questions), str(QUIZ_EVERY), str(out)]
    run = subprocess.run(
        [sys.executable, "-c", BUILD, *args], env=env, capture_output=True, text=True, check=True
    )
    return Path(run.stdout.strip())


def measure(src: Path, work: Path) -> dict[str, tuple[float, float]]:
    """Per course: launch page KB and median ms to the first page; and under "ratio", the
    median over rounds of the 1000-page time over the 10-page time of the same round."""
    sizes, folders = [], []
    for pages, questions in COURSES.values():
        out = work / f"{pages}"
        package = built(src, pages, questions, out)
        with zipfile.ZipFile(package) as archive:
            archive.extractall(out / "unpacked")
            sizes.append(archive.getinfo("index.html").file_size / 1024)
        folders.append(out / "unpacked")
    small, large = first_page_ms(*folders, loads=LOADS)
    figures = {
        name: (size, statistics.median(found))
        for name, size, found in zip(COURSES, sizes, (small, large), strict=True)
    }
    figures["ratio"] = (0.0, statistics.median(b / a for a, b in zip(small, large, strict=True)))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="src folder of another scormkit")
    args = parser.parse_args()
    columns = {"this tree": ROOT / "src"}
    if args.baseline:
        columns[f"baseline ({args.baseline})"] = args.baseline.resolve()
    results: dict[str, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, src in columns.items():
            results[label] = measure(src, Path(tmp) / str(len(results)))
    print(f"launch page size and launch to first page shown, SCORM 1.2, median of {LOADS} loads")
    print(f"{'':14}" + "".join(f"{label:>30}" for label in results))
    for name in COURSES:
        cells = [f"{kb:9.1f} KB {ms:8.0f} ms" for kb, ms in (r[name] for r in results.values())]
        print(f"{name:14}" + "".join(f"{cell:>30}" for cell in cells))
    ratios = [r["ratio"][1] for r in results.values()]
    print(f"{'time ratio':14}" + "".join(f"{ratio:>30.2f}" for ratio in ratios))
    print("(time ratio: the median, over the rounds, of the 1000-page time over the 10-page one)")
    print("targets: time ratio at most 1.3; 1000-page launch page under 200 KB")


if __name__ == "__main__":
    main()
