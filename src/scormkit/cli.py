"""The `scormkit` command: a thin shell over the library that prints and sets exit codes."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import click
from rich.console import Console

from scormkit.activities import course_activities
from scormkit.bankfiles import KINDS, bank_gift, bank_yaml, import_bank, load_bank
from scormkit.build import build, find_target
from scormkit.check import check_package
from scormkit.errors import ScormkitError, SpecError
from scormkit.observe import ResultsError, observation_statements, read_results, send_observation
from scormkit.preview import Preview
from scormkit.reference import course_reference
from scormkit.spec import load_course
from scormkit.spec.schema import course_schema_text
from scormkit.statements import agent, basic_auth
from scormkit.targets import TARGETS
from scormkit.validate import spec_warnings, validate_spec

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
    default="scorm12",
    show_default=True,
    help=f"Package standard: {', '.join(TARGETS)}.",
)
@click.option(
    "-o",
    "--out",
    "out_dir",
    default="dist",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder the zips are written to.",
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
def build_command(
    specs: tuple[Path, ...],
    target: str,
    out_dir: Path,
    templates: Path | None,
    control_documents: Path | None,
    sco_per_module: bool | None,
) -> None:
    """Build each SPEC into a zip in the output folder."""
    with _errors_exit():
        find_target(target)
    failed = 0
    for spec in specs:
        try:
            with err.status(f"{spec}: starting") as status:

                def show(name: str, spec: Path = spec) -> None:
                    status.update(f"{spec}: {name}")

                zip_path = build(
                    spec,
                    target,
                    out_dir,
                    templates=templates,
                    control_documents=control_documents,
                    sco_per_module=sco_per_module,
                    on_step=show,
                )
        except ScormkitError as exc:
            _report(exc)
            failed += 1
            continue
        for warning in spec_warnings(spec, [target]):
            err.print(str(warning), markup=False)
        size = zip_path.stat().st_size
        click.echo(f"built {zip_path} ({size / 1024:.1f} KB)")
    if failed:
        err.print(f"{failed} of {len(specs)} spec(s) failed", style="bold red")
        sys.exit(1)


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
    starter = resources.files("scormkit") / "starter"
    files = {
        entry.name: entry.read_bytes()
        for entry in starter.iterdir()
        if entry.name.endswith(".yaml")
    }
    files["course.schema.json"] = course_schema_text().encode()
    clashes = sorted(n for n in files if (folder / n).exists())
    if clashes:
        err.print(f"{folder / clashes[0]}: already exists; choose an empty folder", markup=False)
        sys.exit(1)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        (folder / name).write_bytes(data)
    click.echo(
        f"created {folder / 'course.yaml'}; build it with: scormkit build {folder / 'course.yaml'}"
    )


@main.command("check")
@click.argument("package", type=click.Path(path_type=Path))
@click.option(
    "--schemas",
    type=click.Path(path_type=Path),
    help="Folder of XSD control documents to validate the descriptor against "
    "(default: the XSDs inside the package, if any).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON, for CI.")
def check_command(package: Path, schemas: Path | None, as_json: bool) -> None:
    """Check any SCORM 1.2/2004, xAPI or cmi5 PACKAGE zip before uploading it.

    Exit status: 0 clean (warnings allowed), 1 errors found, 2 the zip cannot be read.
    """
    report = check_package(package, schemas)
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
@click.option("--port", default=0, type=int, help="Port on 127.0.0.1 (default: any free port).")
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
@click.argument("spec", type=click.Path(path_type=Path))
def statements_command(spec: Path) -> None:
    """Print the xAPI activity definitions of SPEC as JSON."""
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
    dry_run: bool,
) -> None:
    """Send a supervisor's filled-in observation checklist for SPEC to an LRS."""
    with _errors_exit():
        course = load_course(spec)
        results = read_results(results_file)
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
            version=xapi_version,
        )  # fmt: skip
    click.echo(f"sent {len(sent)} statements for '{results.observation}' to {endpoint}")


def _report(exc: ScormkitError) -> None:
    if isinstance(exc, SpecError):
        for problem in exc.problems:
            err.print(str(problem), markup=False)
        count = len(exc.problems)
        err.print(f"{count} problem{'s' if count != 1 else ''}", style="bold red")
    else:
        err.print(f"error: {exc}", markup=False)


@contextmanager
def _errors_exit() -> Iterator[None]:
    try:
        yield
    except ScormkitError as exc:
        _report(exc)
        sys.exit(1)
