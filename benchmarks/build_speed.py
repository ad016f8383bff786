"""Benchmark: build generated courses of 10, 100 and 1000 pages and print the figures.

Each page holds a paragraph of text and one single-choice question. Every size is built in
a fresh process, so the peak memory figure is that build's own (maximum resident set size).
Target (foundation issue): 1000 pages in under 2 s and under 150 MB on a 2-core machine.

Run:  python benchmarks/build_speed.py [SIZES...]
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGES_PER_MODULE = 20


def generated_spec(pages: int) -> dict[str, object]:
    """A course of `pages` pages, each with text and one question, in modules of 20."""
    modules = []
    for m in range(0, pages, PAGES_PER_MODULE):
        module_pages = []
        for p in range(m, min(m + PAGES_PER_MODULE, pages)):
            module_pages.append(
                {
                    "id": f"page-{p}",
                    "title": f"Page {p}",
                    "blocks": [
                        {
                            "type": "text",
                            "markdown": f"Paragraph {p} with **bold** text.\n\n- a\n- b",
                        }
                    ],
                    "activity": {
                        "type": "quiz",
                        "id": f"quiz-{p}",
                        "questions": [
                            {
                                "id": f"question-{p}",
                                "type": "single_choice",
                                "prompt": f"Question {p}?",
                                "choices": [{"text": "Right", "correct": True}, {"text": "Wrong"}],
                            }
                        ],
                    },
                }
            )
        modules.append(
            {"id": f"module-{m // PAGES_PER_MODULE}", "title": f"Module {m}", "pages": module_pages}
        )
    return {"id": f"bench-{pages}", "title": f"Benchmark {pages}", "modules": modules}


CHILD = """
import sys, time
from pathlib import Path
start = time.perf_counter()
import scormkit
zip_path = scormkit.build(Path(sys.argv[1]), "scorm12", Path(sys.argv[2]))
print(time.perf_counter() - start, zip_path.stat().st_size)
"""


def measure(pages: int, work: Path) -> tuple[float, float, int]:
    """Seconds (import + load + build), peak MB and zip bytes for one size."""
    spec = work / f"bench-{pages}.json"
    spec.write_text(json.dumps(generated_spec(pages)))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(spec), str(work / "out")],
        capture_output=True,
        text=True,
        check=True,
    )
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    seconds, size = result.stdout.split()
    # ru_maxrss of children is the largest child so far; sizes run smallest first.
    return float(seconds), max(peak_kb, before) / 1024, int(size)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10, 100, 1000]
    print(f"{'pages':>6} {'wall s':>8} {'peak MB':>8} {'zip KB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for pages in sorted(sizes):
            started = time.perf_counter()
            seconds, peak_mb, size = measure(pages, Path(tmp))
            wall = time.perf_counter() - started
            figures = f"{pages:>6} {wall:>8.2f} {peak_mb:>8.1f} {size / 1024:>8.1f}"
            print(f"{figures}   (in-process build {seconds:.2f} s)")


if __name__ == "__main__":
    main()
