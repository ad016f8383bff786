"""Commands for xAPI: statements, observe, report."""

from __future__ import annotations

import json
from pathlib import Path

import click

from scormkit.cli.shell import err, errors_exit, main
from scormkit.errors import ReportError, ResultsError
from scormkit.limits import NETWORK_READ_SECONDS
from scormkit.lrs_client import redact
from scormkit.observe import observation_statements, read_results, send_observation
from scormkit.report import FileSource, LrsSource, open_report, warnings_of
from scormkit.report.csvfiles import write_csv
from scormkit.report.html import write_html
from scormkit.report.jsonfile import write_json
from scormkit.report.profile import profile_text
from scormkit.spec import load_course
from scormkit.statements import agent, basic_auth
from scormkit.xapi_activities import course_activities, course_iri

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
    with errors_exit():
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
    with errors_exit():
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
    with errors_exit():
        course = load_course(spec)
        if (endpoint is None) == (statements_file is None):
            raise ReportError("give either --endpoint (an LRS) or --statements (a file)")
        if statements_file is not None:
            source: FileSource | LrsSource = FileSource(statements_file, since, registration)
        else:
            assert endpoint is not None
            auth = basic_auth(username or "", password or "")
            source = LrsSource(endpoint, auth, course_iri(course), since, registration)
        # The per-learner rows are read from the report's store as each file is written.
        with open_report(course, source, pseudonymise=pseudonymise) as found:
            write_html(found, out)
            if json_out:
                write_json(found, json_out)
            if csv_dir:
                write_csv(found, csv_dir)
    for line in warnings_of(found):
        err.print(f"warning: {line}" if not line.startswith(" ") else line, markup=False)
    learners = found["funnel"]["launched"]
    click.echo(f"wrote {out} ({learners} learner(s), {found['input']['used']} statement(s))")
