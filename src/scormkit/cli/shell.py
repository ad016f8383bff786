"""The `scormkit` command's shell: the command group, and errors turned into messages and exit
status 1 (only the CLI prints or exits)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from rich.console import Console

from scormkit.errors import LaunchUnsupported, ScormkitError, SpecError

err = Console(stderr=True, highlight=False, soft_wrap=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="scormkit")
def main() -> None:
    """Compile course specs into e-learning packages any LMS can run."""


def report_error(exc: ScormkitError) -> None:
    if isinstance(exc, SpecError):
        for problem in exc.problems:
            err.print(str(problem), markup=False)
        count = len(exc.problems)
        err.print(f"{count} problem{'s' if count != 1 else ''}", style="bold red")
    elif isinstance(exc, LaunchUnsupported):
        err.print(f"error: {exc.reason}: build with --launch-per-course", markup=False)
    else:
        err.print(f"error: {exc}", markup=False)


@contextmanager
def errors_exit() -> Iterator[None]:
    try:
        yield
    except ScormkitError as exc:
        report_error(exc)
        sys.exit(1)
