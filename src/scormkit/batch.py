"""Batch builds: every spec x target x LMS, in a standard process pool, with a report.

`plan_jobs` lists the packages, `run_batch` builds them in a `ProcessPoolExecutor` (one
failure never stops the others) and `BatchReport` is what `--report` writes. Nothing here
prints: `on_done` tells the caller about each package as it finishes.
"""

from __future__ import annotations

import json
import multiprocessing
import time
import zipfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from scormkit.atomic import write_file
from scormkit.build import build, find_target
from scormkit.check import check_package
from scormkit.check.lms import check_for_lms
from scormkit.errors import ScormkitError, SpecError
from scormkit.plan.resume import worst_state_size
from scormkit.profiles import find_profile
from scormkit.profiles.shape import shape_build
from scormkit.scenario.proof import ScenarioProof
from scormkit.scenario.proof_cache import known_proofs, learn_proofs
from scormkit.spec import Course, load_course
from scormkit.translation import catalog_path, translate_course
from scormkit.validate import spec_warnings
from scormkit.xapi_activities import course_activities


@dataclass(frozen=True)
class Job:
    """One package to build."""

    spec: Path
    target: str
    lms: str
    out_dir: Path
    templates: Path | None = None
    control_documents: Path | None = None
    launch_per_module: bool | None = None
    locale: str | None = None  # build from <spec>.<locale>.po; None: the spec's own language


@dataclass
class PackageReport:
    """One package of a batch: what was built, how big, what it may need, what check found."""

    spec: str
    target: str
    lms: str
    ok: bool
    locale: str = ""  # "" for the spec's own language
    zip: str = ""
    size: int = 0  # bytes of the zip
    files: int = 0  # files in the zip
    resume_state: int = 0  # worst-case characters of resume state
    state_budget: int = 0  # characters the target and LMS keep
    interactions: int = 0  # questions and survey items reported as interactions
    untranslated: int = 0  # strings of the spec the locale's PO file does not translate
    stale: int = 0  # strings whose translation was made for an older source text
    activities: int = 0  # launchable units (SCOs, AUs) or xAPI activities in the descriptor
    findings: list[str] = field(default_factory=list)  # check, standard and LMS findings
    notes: list[str] = field(default_factory=list)  # what the LMS profile changed, and why
    advice: list[str] = field(default_factory=list)  # what the LMS admin should set
    warnings: list[str] = field(default_factory=list)  # lines: builds, but deserves a look
    errors: list[str] = field(default_factory=list)  # why the build failed
    seconds: float = 0.0


def plan_jobs(
    specs: Iterable[Path],
    targets: Iterable[str],
    lmses: Iterable[str],
    out_dir: Path,
    locales: Iterable[str] = (),
    **options: Any,
) -> list[Job]:
    """Every spec x target x LMS x language (the spec's own and each of `locales`); with
    several LMSs each gets its own folder under `out_dir`, and each locale its own under that."""
    lms_list = list(dict.fromkeys(lmses)) or ["generic"]
    # The spec's own language is always built; each --locale adds one.
    locale_list: list[str | None] = [None, *dict.fromkeys(locales)]
    for name in lms_list:
        find_profile(name)
    target_list = list(dict.fromkeys(targets))
    for name in target_list:
        find_target(name)
    return [
        Job(
            Path(spec),
            target,
            lms,
            _folder(out_dir, lms, locale, len(lms_list) > 1),
            locale=locale,
            **options,
        )  # fmt: skip
        for spec in specs
        for target in target_list
        for lms in lms_list
        for locale in locale_list
    ]


def _folder(out_dir: Path, lms: str, locale: str | None, several_lmss: bool) -> Path:
    folder = out_dir / lms if several_lmss else out_dir
    return folder / locale if locale else folder


def run_job(job: Job) -> PackageReport:
    """Build one package and measure it; a ScormkitError becomes a failed report."""
    started = time.perf_counter()
    report = PackageReport(str(job.spec), job.target, job.lms, ok=False, locale=job.locale or "")
    try:
        course = load_course(job.spec)
        if job.locale:
            course = _translated(course, job, report)
        target = find_target(job.target)
        chosen = job.launch_per_module
        per_module = course.packaging.launch_per_module if chosen is None else chosen
        in_order = course.packaging.modules_in_order
        shaping = shape_build(find_profile(job.lms), target, per_module, in_order=in_order)
        report.notes += shaping.notes
        report.advice = shaping.advice
        # A translated course is built as a Course; the spec itself from its file, so its
        # checks are not run twice.
        source: Path | Course = course if job.locale else job.spec
        zip_path = build(
            source, job.target, job.out_dir, base_dir=job.spec.parent, templates=job.templates,
            control_documents=job.control_documents,
            launch_per_module=shaping.launch_per_module if per_module else job.launch_per_module,
            state_budget=shaping.state_budget,
            on_warning=lambda text: report.warnings.append(f"warning: {job.spec}: {text}"),
        )  # fmt: skip
        report.warnings += [str(w) for w in spec_warnings(job.spec, [job.target])]
    except SpecError as exc:
        count = len(exc.problems)
        report.errors = [str(problem) for problem in exc.problems]
        report.errors.append(f"{count} problem{'s' if count != 1 else ''}")
    except ScormkitError as exc:
        report.errors = [str(exc)]
    else:
        report.ok = True
        _measure(report, zip_path, course, shaping.state_budget)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _translated(course: Course, job: Job, report: PackageReport) -> Course:
    locale = job.locale or ""
    path = catalog_path(job.spec, locale)
    translation = translate_course(course, path, locale)
    report.untranslated, report.stale = len(translation.untranslated), len(translation.stale)
    if translation.untranslated or translation.stale:
        report.notes.append(
            f"{locale}: {report.untranslated} untranslated and {report.stale} stale strings "
            f"shown in the spec's language ({path}); update it with: scormkit translate "
            f"{job.spec} --locale {locale}"
        )
    return translation.course


def _measure(report: PackageReport, zip_path: Path, course: Any, budget: int) -> None:
    report.zip = str(zip_path)
    report.size = zip_path.stat().st_size
    with zipfile.ZipFile(zip_path) as zf:
        report.files = len(zf.namelist())
        report.activities = descriptor_activities(zf)
    report.resume_state = worst_state_size(course)
    report.state_budget = budget
    report.interactions = sum(
        1 for a in course_activities(course) if "interactionType" in a.get("definition", {})
    )
    checked = check_package(zip_path)
    found = [str(f) for f in checked.sorted_findings()]
    found += [str(f) for f in check_for_lms(zip_path, find_profile(report.lms))]
    report.findings = found


def descriptor_activities(zf: zipfile.ZipFile) -> int:
    """Launchable SCOs (imsmanifest.xml), AUs (cmi5.xml) or activities (tincan.xml)."""
    names = set(zf.namelist())
    for name, element in (
        ("imsmanifest.xml", "item"),
        ("cmi5.xml", "au"),
        ("tincan.xml", "activity"),
    ):
        if name in names:
            root = etree.fromstring(zf.read(name))
            found = [e for e in root.iter(f"{{*}}{element}")]
            if element == "item":
                found = [e for e in found if e.get("identifierref")]
            return len(found)
    return 0


def run_batch(
    jobs: list[Job], workers: int, on_done: Callable[[PackageReport], None] | None = None
) -> list[PackageReport]:
    """Build every job on `workers` processes; reports come back in the jobs' order."""
    done = on_done or (lambda _report: None)
    results: dict[int, PackageReport] = {}
    if workers <= 1:
        for index, job in enumerate(jobs):
            results[index] = run_job(job)
            done(results[index])
    else:
        _prove_first(jobs)
        stop = multiprocessing.Event()
        with ProcessPoolExecutor(
            workers, initializer=_start_worker, initargs=(known_proofs(), stop)
        ) as pool:
            futures = {pool.submit(_run_in_worker, job): index for index, job in enumerate(jobs)}
            try:
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    done(results[futures[future]])
            except BaseException:  # Ctrl-C or a bug: no further job starts
                stop.set()
                pool.shutdown(cancel_futures=True)
                raise
    return [results[index] for index in range(len(jobs))]


_worker: dict[str, Any] = {}  # a worker process's share of the batch: the stop event


def _start_worker(proofs: dict[str, ScenarioProof | int], stop: Any) -> None:
    learn_proofs(proofs)
    _worker["stop"] = stop


def _run_in_worker(job: Job) -> PackageReport:
    """`run_job` in a worker; once Ctrl-C reached it or the parent, no further job starts (a
    worker takes jobs queued ahead, which cancelling in the parent cannot reach)."""
    stop = _worker["stop"]
    if stop.is_set():
        raise KeyboardInterrupt
    try:
        return run_job(job)
    except KeyboardInterrupt:
        stop.set()
        raise


def _prove_first(jobs: list[Job]) -> None:
    """Check each spec here, so its role-plays are proved once, not once per worker; a spec
    that fails is left for its jobs to report."""
    for spec in dict.fromkeys(job.spec for job in jobs):
        try:
            load_course(spec)
        except ScormkitError:
            pass


def summary_lines(reports: list[PackageReport]) -> list[str]:
    """The readable summary: one line per package, then the totals."""
    lines = []
    for r in reports:
        if r.ok:
            lines.append(
                f"ok      {r.zip}: {r.target} for {r.lms}, {r.size / 1024:.1f} KB, "
                f"{r.files} files, "
                f"resume state {r.resume_state}/{r.state_budget}, {r.activities} activities, "
                f"{r.interactions} interactions, {len(r.findings)} findings, {r.seconds:.2f} s"
            )
        else:
            lines.append(f"FAILED  {r.spec}: {r.target} for {r.lms}: {'; '.join(r.errors)}")
    failed = sum(1 for r in reports if not r.ok)
    lines.append(f"{len(reports) - failed} built, {failed} failed")
    return lines


def write_report(reports: list[PackageReport], path: Path) -> None:
    """The batch report as JSON: every package, and the readable summary."""
    data = {
        "packages": [asdict(r) for r in reports],
        "built": sum(1 for r in reports if r.ok),
        "failed": sum(1 for r in reports if not r.ok),
        "summary": summary_lines(reports),
    }
    write_file(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
