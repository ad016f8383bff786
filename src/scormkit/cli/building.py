"""Commands that build and validate courses: build (batches too), translate, lms, validate,
schema, init."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from scormkit.batch import PackageReport, plan_jobs, run_batch, write_report
from scormkit.cli.shell import err, errors_exit, main, report_error
from scormkit.errors import ScormkitError
from scormkit.profiles import all_profiles, find_profile
from scormkit.reference import course_reference
from scormkit.spec import load_course
from scormkit.spec.schema import course_schema_text
from scormkit.starter_course import write_starter_course
from scormkit.targets import TARGETS
from scormkit.translation import catalog_path, course_messages, translate_course, update_catalog
from scormkit.validate import spec_warnings, validate_spec


@main.command("build")
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-t",
    "--target",
    "targets",
    multiple=True,
    help=f"Package standard, repeatable: {', '.join(TARGETS)}  [default: scorm12]",
)
@click.option(
    "-o",
    "--out",
    "out_dir",
    default="dist",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder the zips are written to (one folder per LMS when several are given).",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path),
    help="Folder of templates that replace the built-in ones of the same name.",
)
@click.option(
    "--control-documents",
    type=click.Path(path_type=Path),
    help="Folder of XSD/DTD control documents to ship at the package root.",
)
@click.option(
    "--launch-per-module/--launch-per-course",
    default=None,
    help="One launch (SCO, AU) per module, or one for the whole course; default: the spec's "
    "packaging.launch_per_module.",
)
@click.option("--sco-per-module/--one-sco", "old_launch_flag", default=None, hidden=True)
@click.option(
    "--lms",
    "lmses",
    multiple=True,
    help="LMS the package is for, repeatable (see `scormkit lms`)  [default: generic]",
)
@click.option(
    "--locale",
    "locales",
    multiple=True,
    help="Build in this language from SPEC.<locale>.po, repeatable (see `scormkit translate`).",
)
@click.option("-j", "--jobs", default=1, show_default=True, help="Packages built at once.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    help="Write a JSON report of every package (size, files, resume state, findings...).",
)
def build_command(
    specs: tuple[Path, ...],
    targets: tuple[str, ...],
    out_dir: Path,
    templates: Path | None,
    control_documents: Path | None,
    launch_per_module: bool | None,
    old_launch_flag: bool | None,  # --sco-per-module/--one-sco, the old names
    lmses: tuple[str, ...],
    locales: tuple[str, ...],
    jobs: int,
    report_path: Path | None,
) -> None:
    """Build every SPEC for every target and LMS into zips in the output folder."""
    with errors_exit():
        planned = plan_jobs(
            specs, targets or ("scorm12",), lmses, out_dir, locales, templates=templates,
            control_documents=control_documents,
            launch_per_module=old_launch_flag if launch_per_module is None else launch_per_module,
        )  # fmt: skip
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    ) as progress:  # fmt: skip
        task = progress.add_task("building", total=len(planned))

        def done(report: PackageReport) -> None:
            _show_package(report)
            status = "built" if report.ok else "FAILED"
            name = Path(report.zip).name if report.ok else report.spec
            progress.update(task, advance=1, description=f"{status} {name} ({report.lms})")

        reports = run_batch(planned, max(1, jobs), done)
    if report_path:
        write_report(reports, report_path)
        click.echo(f"report: {report_path}")
    failed = sum(1 for r in reports if not r.ok)
    if failed:
        err.print(f"{failed} of {len(reports)} package(s) failed", style="bold red")
        sys.exit(1)


def _show_package(report: PackageReport) -> None:
    where = ", ".join(x for x in (report.target, report.lms, report.locale) if x)
    if not report.ok:
        for line in report.errors:
            err.print(line, markup=False)
        err.print(f"failed: {report.spec} ({where})", style="bold red", markup=False)
        return
    for note in report.notes:
        click.echo(f"{report.lms}: {note}")
    for advice in report.advice:
        click.echo(f"{report.lms} admin: {advice}")
    click.echo(f"built {report.zip} ({report.size / 1024:.1f} KB)")
    for warning in report.warnings:
        err.print(warning, markup=False, style="yellow")


@main.command("translate")
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("--locale", required=True, help="Language to translate into, e.g. es or es-MX.")
def translate_command(spec: Path, locale: str) -> None:
    """Write SPEC's text to SPEC.<locale>.po for translators, keeping translations made."""
    with errors_exit():
        course = load_course(spec)
        path = catalog_path(spec, locale)
        update_catalog(course, path, locale)
        result = translate_course(course, path, locale)
    total = len(course_messages(course))
    click.echo(
        f"wrote {path}: {total} strings, {len(result.untranslated)} untranslated, "
        f"{len(result.stale)} stale"
    )


@main.command("lms")
@click.argument("names", nargs=-1)
def lms_command(names: tuple[str, ...]) -> None:
    """List the LMS profiles (or NAMES), each fact with its public source."""
    with errors_exit():
        chosen = [find_profile(n) for n in names] if names else all_profiles()
    for profile in chosen:
        click.echo(f"{profile.name}: {profile.title}")
        for heading, fact in profile.facts():
            click.echo(f"  {heading}: {fact.text}\n    source: {fact.source}")


@main.command("validate")
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-t",
    "--target",
    "targets",
    multiple=True,
    type=click.Choice(list(TARGETS)),
    help="Check the resume-state budget of this target (repeatable; default: every target).",
)
def validate_command(specs: tuple[Path, ...], targets: tuple[str, ...]) -> None:
    """Check each SPEC without building; list every problem."""
    failed = 0
    for spec in specs:
        try:
            course = validate_spec(spec, targets or TARGETS)
        except ScormkitError as exc:
            report_error(exc)
            failed += 1
            continue
        for warning in spec_warnings(spec, targets or TARGETS):
            err.print(str(warning), markup=False)
        pages = sum(len(m.pages) for m in course.modules)
        click.echo(f"{spec}: ok ({len(course.modules)} modules, {pages} pages)")
    if failed:
        sys.exit(1)


@main.command("schema")
@click.option(
    "--markdown", is_flag=True, help="Print the reference of every spec field (docs/reference.md)."
)
def schema_command(markdown: bool) -> None:
    """Print the JSON Schema of course specs (for editor autocompletion)."""
    click.echo(course_reference() if markdown else course_schema_text(), nl=False)


@main.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
def init_command(folder: Path) -> None:
    """Create a starter course in FOLDER that builds as it is."""
    try:
        spec = write_starter_course(folder)
    except ScormkitError as exc:
        err.print(str(exc), markup=False)
        sys.exit(1)
    click.echo(f"created {spec}; build it with: scormkit build {spec}")
