"""Benchmark: peak memory of a build whose course carries one large asset (a video).

Builds a small course with one video of 0, 50 and 200 MB (random bytes, so deflate cannot
shrink them) written to a temporary folder, each in a fresh process, and prints the build's
peak resident memory. Assets are streamed from disk into the zip in chunks, so the peak should
stay flat as the asset grows; a build that read the asset whole would grow by its size (and
more, while it is deflated).

Run:  python benchmarks/asset_memory.py [MEGABYTES...]
      python benchmarks/asset_memory.py --src OTHER_CHECKOUT/src 200   (compare another version)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MIB = 1024 * 1024

CHILD = """
import resource, sys, time
from pathlib import Path
import scormkit
start = time.perf_counter()
zip_path = scormkit.build(Path(sys.argv[1]), "scorm12", Path(sys.argv[2]))
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(seconds, peak_kb, zip_path.stat().st_size)
"""


def write_course(folder: Path, megabytes: int) -> Path:
    """A one-page course showing a video of `megabytes` MB, written chunk by chunk."""
    with (folder / "talk.mp4").open("wb") as video:
        for _ in range(megabytes):
            video.write(os.urandom(MIB))
    (folder / "talk.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n")
    spec = {
        "id": f"asset-{megabytes}",
        "title": "A course with a large video",
        "modules": [
            {
                "id": "m",
                "title": "Module",
                "pages": [
                    {
                        "id": "p",
                        "title": "Page",
                        "blocks": [
                            {
                                "type": "video",
                                "title": "The talk",
                                "src": "talk.mp4",
                                "captions": "talk.vtt",
                            },
                        ],
                    }
                ],
            }
        ],
    }
    path = folder / "course.json"
    path.write_text(json.dumps(spec))
    return path


def measure(megabytes: int, work: Path, src: str) -> tuple[float, float, int]:
    """Seconds, peak MB and zip bytes of one build, in a fresh process."""
    folder = work / f"asset-{megabytes}"
    folder.mkdir()
    spec = write_course(folder, megabytes)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(spec), str(folder / "out")],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=src),
    )
    if result.returncode:
        sys.exit(result.stderr)
    seconds, peak_kb, size = result.stdout.split()
    for file in folder.rglob("*"):  # free the disk before the next, bigger asset
        if file.is_file():
            file.unlink()
    return float(seconds), int(peak_kb) / 1024, int(size)


def main() -> None:
    args = sys.argv[1:]
    src = str(Path(__file__).resolve().parents[1] / "src")  # this checkout, not an install
    if args[:1] == ["--src"]:
        src, args = str(Path(args[1]).resolve()), args[2:]
    sizes = [int(a) for a in args] or [0, 50, 200]
    print(f"{'asset MB':>8} {'build s':>8} {'peak MB':>8} {'zip MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in sorted(sizes):
            started = time.perf_counter()
            seconds, peak_mb, size = measure(megabytes, Path(tmp), src)
            wall = time.perf_counter() - started
            print(
                f"{megabytes:>8} {seconds:>8.2f} {peak_mb:>8.1f} {size / MIB:>8.1f}"
                f"   (with writing the asset {wall:.1f} s)"
            )


if __name__ == "__main__":
    main()
