"""Benchmark: batch throughput of `scormkit build` with 1 and 2 worker processes.

Builds the course_specs corpus for SCORM 1.2, SCORM 2004, xAPI and cmi5, for the generic
profile and for Moodle (so each run has enough packages to share out), and prints packages per
second for each worker count. Each run writes to its own temporary folder; the figures include
checking every package and measuring it for the report, as `build --report` does. On a machine
shared with other work the speed-up is smaller than the number of cores.

Run:  python benchmarks/batch_build.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from scormkit.batch import plan_jobs, run_batch

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ["scorm12", "scorm2004", "xapi", "cmi5"]


def main() -> None:
    specs = sorted((ROOT / "course_specs").glob("*.yaml"))
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as out:
            jobs = plan_jobs(specs, TARGETS, ["generic", "moodle"], Path(out))
            started = time.perf_counter()
            reports = run_batch(jobs, workers)
            seconds = time.perf_counter() - started
        failed = sum(1 for r in reports if not r.ok)
        print(
            f"{workers} worker(s): {len(jobs)} packages in {seconds:.2f} s, "
            f"{len(jobs) / seconds:.2f} packages/s, {failed} failed"
        )


if __name__ == "__main__":
    main()
