"""The `scormkit` command: a thin shell over the library that prints and sets exit codes."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from scormkit.bankfiles import KINDS, bank_gift, bank_yaml, import_bank, load_bank
from scormkit.batch import PackageReport, plan_jobs, run_batch, write_report
from scormkit.build import find_target
from scormkit.check import check_package
from scormkit.check.lms import check_for_lms
from scormkit.errors import LaunchUnsupported, ReportError, ResultsError, ScormkitError, SpecError
from scormkit.limits import NETWORK_READ_SECONDS
from scormkit.lrs_client import redact
from scormkit.observe import observation_statements, read_results, send_observation
from scormkit.preview import Preview
from scormkit.profiles import all_profiles, find_profile
from scormkit.reference import course_reference
from scormkit.report import FileSource, LrsSource, make_report, warnings_of
from scormkit.report.csvfiles import write_csv
from scormkit.report.html import write_html
from scormkit.report.profile import profile_text
from scormkit.spec import load_course
from scormkit.spec.schema import course_schema_text
from scormkit.starter_course import write_starter_course
from scormkit.statements import agent, basic_auth
from scormkit.targets import TARGETS
from scormkit.translation import catalog_path, course_messages, translate_course, update_catalog
from scormkit.validate import spec_warnings, validate_spec
from scormkit.xapi_activities import course_activities, course_iri

err = Console(stderr=True, highlight=False, soft_wrap=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="scormkit")
def main() -> None:
    """Compile course specs into e-learning packages any LMS can run."""


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
    "--sco-per-module/--one-sco",
    default=None,
    help="One launch (SCO) per module, or one for the whole course; default: the spec's "
    "packaging.sco_per_module.",
)
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
    sco_per_module: bool | None,
    lmses: tuple[str, ...],
    locales: tuple[str, ...],
    jobs: int,
    report_path: Path | None,
) -> None:
    """Build every SPEC for every target and LMS into zips in the output folder."""
    with _errors_exit():
        planned = plan_jobs(
            specs, targets or ("scorm12",), lmses, out_dir, locales, templates=templates,
            control_documents=control_documents, sco_per_module=sco_per_module,
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
    with _errors_exit():
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
    with _errors_exit():
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
            _report(exc)
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


@main.command("check")
@click.argument("package", type=click.Path(path_type=Path))
@click.option(
    "--schemas",
    type=click.Path(path_type=Path),
    help="Folder of XSD control documents to validate the manifest against "
    "(default: the XSDs inside the package, if any).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON, for CI.")
@click.option("--lms", help="Also report what this LMS will do wrong (see `scormkit lms`).")
def check_command(package: Path, schemas: Path | None, as_json: bool, lms: str | None) -> None:
    """Check any SCORM 1.2/2004, xAPI or cmi5 PACKAGE zip before uploading it.

    Exit status: 0 clean (warnings allowed), 1 errors found, 2 the zip cannot be read.
    """
    with _errors_exit():
        profile = find_profile(lms) if lms else None
    report = check_package(package, schemas)
    if profile and not report.unreadable:
        report.findings.extend(check_for_lms(package, profile))
    if as_json:
        click.echo(report.to_json(), nl=False)
    else:
        for finding in report.sorted_findings():
            click.echo(str(finding))
        if not report.unreadable:
            click.echo(report.summary())
    sys.exit(report.exit_status)


@main.command("preview")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-t",
    "--target",
    default="scorm12",
    show_default=True,
    help=f"Target to build a spec for (switchable in the page): {', '.join(TARGETS)}.",
)
@click.option("--templates", type=click.Path(path_type=Path), help="Folder of template overrides.")
@click.option(
    "--watch", is_flag=True, help="Rebuild and reload when the spec, assets or templates change."
)
@click.option(
    "--port",
    default=0,
    type=click.IntRange(0, 65535),
    help="Port on 127.0.0.1 (default: any free port).",
)
def preview_command(
    source: Path, target: str, templates: Path | None, watch: bool, port: int
) -> None:
    """Play SOURCE (a spec or a package zip) in a local LMS with a live inspector."""
    with _errors_exit():
        find_target(target)
        preview = Preview(source, target, templates=templates, watch=watch, port=port)
    click.echo(f"previewing {source} at {preview.url} (Ctrl-C stops)")
    if preview.error:
        err.print(f"error: {preview.error}", markup=False)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    click.echo("preview stopped")


# --- question banks: import from and export to other tools' formats ----------------------


@main.command("import")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(path_type=Path), help="Bank file.")
@click.option("--id", "bank_id", help="Id of the bank (default: from the file name).")
@click.option(
    "--skip-unsupported",
    is_flag=True,
    help="Leave out questions the player cannot ask (essay, description), listing each.",
)
def import_command(
    kind: str, source: Path, out: Path, bank_id: str | None, skip_unsupported: bool
) -> None:
    """Turn a GIFT, Aiken or Moodle XML question file into a YAML question bank."""
    with _errors_exit():
        bank, skipped = import_bank(source, kind, bank_id, skip_unsupported=skip_unsupported)
    for problem in skipped:
        err.print(f"{problem}: skipped", markup=False)
    out.write_text(bank_yaml(bank), encoding="utf-8")
    click.echo(f"wrote {out} ({len(bank.questions)} questions, {len(skipped)} skipped)")


@main.command("export")
@click.argument("kind", type=click.Choice(["gift"]))
@click.argument("bank_file", type=click.Path(path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(path_type=Path), help="GIFT file.")
def export_command(kind: str, bank_file: Path, out: Path) -> None:
    """Write a YAML question bank as GIFT, for Moodle and other tools."""
    with _errors_exit():
        bank = load_bank(bank_file)
    text, lost = bank_gift(bank)
    for message in lost:
        err.print(f"{bank_file}: {message}", markup=False)
    out.write_text(text, encoding="utf-8")
    click.echo(f"wrote {out} ({len(bank.questions)} questions as {kind})")


# --- xAPI: activity definitions and offline observations -----------------------------------


@main.command("statements")
@click.argument("spec", required=False, type=click.Path(path_type=Path))
@click.option("--profile", is_flag=True, help="Print scormkit's xAPI Profile (JSON-LD) instead.")
def statements_command(spec: Path | None, profile: bool) -> None:
    """Print the xAPI activity definitions of SPEC as JSON."""
    if profile:
        click.echo(profile_text(), nl=False)
        return
    if spec is None:
        raise click.UsageError("give a SPEC, or --profile")
    with _errors_exit():
        course = load_course(spec)
    click.echo(json.dumps(course_activities(course), indent=2, ensure_ascii=False))


@main.command("observe")
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("--learner", required=True, help="Email of the person observed (or account name).")
@click.option("--learner-name", help="Their name, as reports should show it.")
@click.option(
    "--account-home", help="With an account name in --learner: the system that issued it."
)
@click.option(
    "--results",
    "results_file",
    required=True,
    type=click.Path(path_type=Path),
    help="The filled-in checklist (YAML or JSON).",
)
@click.option(
    "--endpoint", envvar="SCORMKIT_LRS_ENDPOINT", help="LRS endpoint [env SCORMKIT_LRS_ENDPOINT]."
)
@click.option(
    "--username", envvar="SCORMKIT_LRS_USERNAME", help="LRS key [env SCORMKIT_LRS_USERNAME]."
)
@click.option(
    "--password", envvar="SCORMKIT_LRS_PASSWORD", help="LRS secret [env SCORMKIT_LRS_PASSWORD]."
)
@click.option(
    "--xapi-version", default="1.0.3", show_default=True, type=click.Choice(["1.0.3", "2.0"])
)
@click.option(
    "--timeout",
    default=NETWORK_READ_SECONDS,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Seconds to wait for the LRS on each of the 4 tries.",
)
@click.option("--dry-run", is_flag=True, help="Print the statements instead of sending them.")
def observe_command(
    spec: Path,
    learner: str,
    learner_name: str | None,
    account_home: str | None,
    results_file: Path,
    endpoint: str | None,
    username: str | None,
    password: str | None,
    xapi_version: str,
    timeout: float,
    dry_run: bool,
) -> None:
    """Send a supervisor's filled-in observation checklist for SPEC to an LRS."""
    with _errors_exit():
        course = load_course(spec)
        results = read_results(results_file, course)
        try:
            if "@" in learner and not account_home:
                who = agent(email=learner, name=learner_name)
            else:
                who = agent(account=learner, home_page=account_home, name=learner_name)
        except ValueError as exc:
            raise ResultsError(f"--learner: {exc}") from None
        if dry_run:
            click.echo(json.dumps(observation_statements(course, who, results), indent=2))
            return
        missing = [n for n, v in (("--endpoint", endpoint), ("--username", username),
                                  ("--password", password)) if not v]  # fmt: skip
        if missing or endpoint is None or username is None or password is None:
            raise ResultsError(
                f"give the LRS {', '.join(missing)} (or their SCORMKIT_LRS_* variables)"
            )
        sent = send_observation(
            course, who, results, endpoint=endpoint, auth=basic_auth(username, password),
            version=xapi_version, timeout=timeout,
        )  # fmt: skip
    click.echo(f"sent {len(sent)} statements for '{results.observation}' to {redact(endpoint)}")


@main.command("report")
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("--endpoint", envvar="SCORMKIT_LRS_ENDPOINT", help="LRS endpoint to read from.")
@click.option("--username", envvar="SCORMKIT_LRS_USERNAME", help="LRS key.")
@click.option("--password", envvar="SCORMKIT_LRS_PASSWORD", help="LRS secret.")
@click.option(
    "--statements",
    "statements_file",
    type=click.Path(path_type=Path),
    help="Read statements from a file instead: JSON list, StatementResult or JSON lines.",
)
@click.option("--since", help="Only statements stored since this time (ISO 8601).")
@click.option("--registration", help="Only statements of this registration.")
@click.option(
    "-o",
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="The report page (HTML).",
)
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Figures as JSON.")
@click.option("--csv", "csv_dir", type=click.Path(path_type=Path), help="Folder for CSV tables.")
@click.option("--pseudonymise", is_flag=True, help="Show learners as 'Learner 1', 'Learner 2'…")
def report_command(
    spec: Path,
    endpoint: str | None,
    username: str | None,
    password: str | None,
    statements_file: Path | None,
    since: str | None,
    registration: str | None,
    out: Path,
    json_out: Path | None,
    csv_dir: Path | None,
    pseudonymise: bool,
) -> None:
    """Write a training-needs report for SPEC from an LRS or a statements file."""
    with _errors_exit():
        course = load_course(spec)
        if (endpoint is None) == (statements_file is None):
            raise ReportError("give either --endpoint (an LRS) or --statements (a file)")
        if statements_file is not None:
            source: FileSource | LrsSource = FileSource(statements_file, since, registration)
        else:
            assert endpoint is not None
            auth = basic_auth(username or "", password or "")
            source = LrsSource(endpoint, auth, course_iri(course), since, registration)
        found = make_report(course, source, pseudonymise=pseudonymise)
        write_html(found, out)
        if json_out:
            json_out.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", "utf-8")
        if csv_dir:
            write_csv(found, csv_dir)
    for line in warnings_of(found):
        err.print(f"warning: {line}" if not line.startswith(" ") else line, markup=False)
    learners = found["funnel"]["launched"]
    click.echo(f"wrote {out} ({learners} learner(s), {found['input']['used']} statement(s))")


def _report(exc: ScormkitError) -> None:
    if isinstance(exc, SpecError):
        for problem in exc.problems:
            err.print(str(problem), markup=False)
        count = len(exc.problems)
        err.print(f"{count} problem{'s' if count != 1 else ''}", style="bold red")
    elif isinstance(exc, LaunchUnsupported):
        err.print(f"error: {exc.reason}: build with --one-sco", markup=False)
    else:
        err.print(f"error: {exc}", markup=False)


@contextmanager
def _errors_exit() -> Iterator[None]:
    try:
        yield
    except ScormkitError as exc:
        _report(exc)
        sys.exit(1)
