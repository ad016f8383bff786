"""Every command ends in one line and an exit status, never a traceback: failures are injected
into each command of the `scormkit` group (listed from the group, so a new command cannot
escape the guard), and a real build is interrupted with Ctrl-C."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from scormkit.cli import main
from scormkit.errors import BuildError
from scormkit.targets import TARGETS


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The name path of every command under `group`, subgroups included."""
    found: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


COMMANDS = commands(main)


def command_at(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def usable_args(command: click.Command) -> list[str]:
    """Arguments that get past the command's parsing: a value for each required parameter."""

    def value(param: click.Parameter) -> str:
        if isinstance(param.type, click.Choice):
            return str(param.type.choices[0])
        if isinstance(param.type, click.IntRange | click.types.IntParamType):
            return "1"
        return "course.yaml"

    args: list[str] = []
    for param in command.params:
        if not param.required:
            continue
        if isinstance(param, click.Option):
            args += [param.opts[0], value(param)]
        else:
            args.append(value(param))
    return args


def invoke_failing(
    path: tuple[str, ...], error: BaseException, monkeypatch: pytest.MonkeyPatch, *extra: str
) -> Result:
    """Run the command at `path` through the CLI, its body replaced by one raising `error`."""
    command = command_at(path)

    def fails(**_params: Any) -> None:
        raise error

    monkeypatch.setattr(command, "callback", fails)
    return CliRunner().invoke(main, [*extra, *path, *usable_args(command)])


def test_the_commands_are_all_found() -> None:
    assert len(COMMANDS) >= 13
    assert {("build",), ("check",), ("preview",), ("report",), ("init",)} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_an_unexpected_error_in_any_command_is_one_line_and_status_70(
    path: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    error = ValueError("no value\n  at https://ann:s3cret@lrs.example/xapi here")
    result = invoke_failing(path, error, monkeypatch)
    assert result.exit_code == 70
    assert result.stdout == ""
    assert result.stderr == (
        "error: unexpected ValueError: no value at https://lrs.example/xapi here; this is a bug "
        "in scormkit, please report it (run with --debug or SCORMKIT_DEBUG=1 to see where it "
        "happened)\n"
    )


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_ctrl_c_in_any_command_exits_130(
    path: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = invoke_failing(path, KeyboardInterrupt(), monkeypatch)
    assert (result.exit_code, result.stderr) == (130, "interrupted\n")


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_a_file_that_cannot_be_written_in_any_command_is_named_with_status_1(
    path: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    full = OSError(errno.ENOSPC, "No space left on device", "dist/course-scorm12.zip")
    result = invoke_failing(path, full, monkeypatch)
    assert (result.exit_code, result.stderr) == (
        1,
        "error: dist/course-scorm12.zip: No space left on device\n",
    )


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_a_library_error_in_any_command_is_its_message_with_status_1(
    path: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = invoke_failing(path, BuildError("course.yaml: no such file"), monkeypatch)
    assert (result.exit_code, result.stderr) == (1, "error: course.yaml: no such file\n")


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke_failing(("build",), ValueError("no value"), monkeypatch, "--debug")
    assert isinstance(result.exception, ValueError)  # not caught: CliRunner holds the traceback
    monkeypatch.setenv("SCORMKIT_DEBUG", "1")
    result = invoke_failing(("validate",), ValueError("no value"), monkeypatch)
    assert isinstance(result.exception, ValueError)


def test_a_file_in_the_way_of_an_output_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "bank.gift").write_text("::q1:: Two plus two? {=4 ~5}\n")
    (tmp_path / "taken").write_text("a file, not a folder")
    result = CliRunner().invoke(
        main, ["import", "gift", str(tmp_path / "bank.gift"), "-o", str(tmp_path / "taken/b.yaml")]
    )
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: {tmp_path / 'taken'}: File exists\n",  # mkdir's words for a file in the way
    )


ALL_TARGETS = [arg for target in TARGETS for arg in ("-t", target)]


@pytest.mark.parametrize(
    "options", [[], ["-j", "2", *ALL_TARGETS]], ids=["one package", "five on two workers"]
)
def test_ctrl_c_during_a_build_exits_130_and_leaves_no_partial_zip(
    tmp_path: Path, options: list[str]
) -> None:
    with (tmp_path / "talk.mp4").open("wb") as video:
        for _ in range(40):  # 40 MB of random bytes: seconds of deflating per package
            video.write(os.urandom(1024 * 1024))
    (tmp_path / "talk.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n")
    (tmp_path / "course.yaml").write_text(
        "id: talk\ntitle: Talk\nmodules:\n  - id: m\n    title: M\n    pages:\n"
        "      - id: p\n        title: P\n        blocks:\n          - {type: video, title: Talk,"
        " src: talk.mp4, captions: talk.vtt}\n"
    )
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "scormkit", "build", str(tmp_path / "course.yaml"), "-o", str(out),
         *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not list(out.glob("*.part")) and process.poll() is None:
        assert time.monotonic() < deadline, "the build never started writing its zip"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.splitlines()[-1] == "interrupted"
    assert "Traceback" not in stderr
    assert stdout == ""
    assert list(out.iterdir()) == []  # no partial zip, and no package started after Ctrl-C
