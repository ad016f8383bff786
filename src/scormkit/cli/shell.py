"""The `scormkit` command's shell: the command group, and every failure turned into a one-line
message and an exit status (only the CLI prints or exits).

Exit status: 0 done, 1 a problem with the input (spec, package, file, network), 2 a package
`check` cannot read, 70 a bug in scormkit, 130 interrupted (Ctrl-C). The guard sits in the
group's `invoke`, so every command, present and future, runs under it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click
from rich.console import Console

from scormkit.errors import LaunchUnsupported, ScormkitError, SpecError

err = Console(stderr=True, highlight=False, soft_wrap=True)
DEBUG_ENV = "SCORMKIT_DEBUG"  # set to 1 (or pass --debug) for a bug's traceback
EXIT_BUG = 70  # EX_SOFTWARE of sysexits.h: an internal error
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
_USERINFO = re.compile(r"(?<=://)[^/@\s]*@")  # the `user:password@` of a URL


class GuardedGroup(click.Group):
    """A command group whose commands end in a message and an exit status, never a traceback.

    A ScormkitError is the input's fault (status 1); an OSError the machine's (a file that
    cannot be written, a full disk: 1); anything else is a bug (70), reported in one line with
    how to see its traceback. Ctrl-C ends with status 130; files are written to a temporary
    name and renamed, so an interrupted command leaves nothing half-written.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click's own: usage errors, --help, --version
        except KeyboardInterrupt:
            fail("interrupted", EXIT_INTERRUPTED)
        except ScormkitError as exc:
            report_error(exc)
            sys.exit(1)
        except OSError as exc:
            if _debug(ctx):
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"error: {where}{_one_line(exc.strerror or str(exc))}", 1)
        except Exception as exc:
            if _debug(ctx):
                raise
            fail(f"error: {bug_message(exc)}", EXIT_BUG)


def bug_message(exc: BaseException) -> str:
    """One line naming an unexpected exception, without credentials, and what to do."""
    text = _one_line(str(exc))
    what = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return (
        f"unexpected {what}; this is a bug in scormkit, please report it "
        f"(run with --debug or {DEBUG_ENV}=1 to see where it happened)"
    )


def _one_line(text: str) -> str:
    """`text` on one line, at most 300 characters, without the credentials of any URL."""
    return _USERINFO.sub("", " ".join(text.split())[:300])


def fail(message: str, status: int) -> NoReturn:
    err.print(message, markup=False)
    sys.exit(status)


def _debug(ctx: click.Context) -> bool:
    return bool(ctx.params.get("debug"))


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="scormkit")
@click.option(
    "--debug",
    is_flag=True,
    envvar=DEBUG_ENV,
    help=f"Show the traceback of an unexpected error (also {DEBUG_ENV}=1).",
)
def main(debug: bool) -> None:
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
