"""Commands for packages and question files: check, preview, import, export."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

import click

from scormkit.atomic import write_file
from scormkit.bankfiles import KINDS, bank_gift, bank_yaml, import_bank, load_bank
from scormkit.build import find_target
from scormkit.check import check_package
from scormkit.check.lms import check_for_lms
from scormkit.cli.shell import err, errors_exit, main
from scormkit.preview import Preview
from scormkit.profiles import find_profile
from scormkit.targets import TARGETS


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
    with errors_exit():
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
    with errors_exit():
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
    with errors_exit():
        bank, skipped = import_bank(source, kind, bank_id, skip_unsupported=skip_unsupported)
    for problem in skipped:
        err.print(f"{problem}: skipped", markup=False)
    write_file(out, bank_yaml(bank))
    click.echo(f"wrote {out} ({len(bank.questions)} questions, {len(skipped)} skipped)")


@main.command("export")
@click.argument("kind", type=click.Choice(["gift"]))
@click.argument("bank_file", type=click.Path(path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(path_type=Path), help="GIFT file.")
def export_command(kind: str, bank_file: Path, out: Path) -> None:
    """Write a YAML question bank as GIFT, for Moodle and other tools."""
    with errors_exit():
        bank = load_bank(bank_file)
    text, lost = bank_gift(bank)
    for message in lost:
        err.print(f"{bank_file}: {message}", markup=False)
    write_file(out, text)
    click.echo(f"wrote {out} ({len(bank.questions)} questions as {kind})")
