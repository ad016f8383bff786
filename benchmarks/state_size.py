"""Benchmark: the longest resume state courses can need, against the SCORM 1.2 budget.

Prints the worst case (src/scormkit/plan/resume.py, which tests/building/test_budget.py holds to
the player's encoder) part by part for the flagship course and for a generated course of
1000 pages and 500 questions. Targets (player issue): flagship at most 1 KB; generated
course within 4096.

Run:  python benchmarks/state_size.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from scormkit.plan.resume import state_parts
from scormkit.spec import Course, load_course
from scormkit.targets import TARGETS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from generated_course import generated_course  # noqa: E402  (tests/ is not a package)


def report(name: str, course: Course, target: int) -> None:
    parts = state_parts(course)
    total = sum(part.size for part in parts)
    budget = TARGETS["scorm12"].state_budget
    verdict = "ok" if total <= target else "OVER TARGET"
    print(
        f"{name}: {total} characters worst case "
        f"(target {target}, SCORM 1.2 keeps {budget}) {verdict}"
    )
    for part in parts:
        print(f"  {part.name:<16} {part.size:>6}")


def main() -> None:
    flagship = load_course(ROOT / "course_specs" / "healthcare-customer-service.yaml")
    report("flagship", flagship, 1024)
    report("1000 pages, 500 questions", generated_course(pages=1000, questions=500), 4096)


if __name__ == "__main__":
    main()
