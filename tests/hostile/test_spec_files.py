"""Hostile spec files: each ends in one message and exit status 1, never a traceback or a hang.

Time and memory bounds of the same cases are printed by benchmarks/hostile_inputs.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from scormkit.cli import main
from scormkit.limits import MAX_NODES, MAX_VALUES, SPEC_FILE_BYTES


def validate(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "course.yaml"
    os.mkfifo(pipe)
    code, output = validate(pipe)
    assert code == 1
    assert f"{pipe}:1:1: is not a regular file (a pipe or a device); give a file" in output


def test_a_device_is_refused_rather_than_read_forever() -> None:
    code, output = validate(Path("/dev/zero"))
    assert (code, output.splitlines()[0]) == (
        1,
        "/dev/zero:1:1: is not a regular file (a pipe or a device); give a file",
    )


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    spec = tmp_path / "huge.yaml"
    with spec.open("wb") as file:
        file.truncate(SPEC_FILE_BYTES + 1)  # sparse: costs no disk
    code, output = validate(spec)
    assert code == 1
    assert f"{spec}:1:1: is larger than 8 MB, the most scormkit reads" in output


def test_a_yaml_file_with_too_many_nodes_stops_while_it_is_read(tmp_path: Path) -> None:
    spec = tmp_path / "long.yaml"
    spec.write_text("id: x\ntitle: y\nitems:\n" + "  - a\n" * (MAX_NODES + 10))
    code, output = validate(spec)
    assert code == 1
    assert output.splitlines()[0] == (
        f"{spec}:{MAX_NODES - 3}:5: more than {MAX_NODES} values; "
        "split the course or remove repeated parts"
    )


def test_a_json_file_with_too_many_values_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "long.json"
    spec.write_text(json.dumps({"id": "x", "items": [1] * (MAX_VALUES + 5)}))
    code, output = validate(spec)
    assert code == 1
    assert f"more than {MAX_VALUES} values; split the course or remove repeated parts" in output


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\ufffe"])
def test_characters_xml_cannot_carry_are_refused_at_validate(tmp_path: Path, char: str) -> None:
    spec = tmp_path / "course.json"
    spec.write_text(json.dumps({"id": "x", "title": f"a{char}b"}))
    code, output = validate(spec)
    assert code == 1
    assert (
        f"{spec}:1:22: title: text contains the control character '\\u{ord(char):04x}', "
        "which XML cannot carry; remove it"
    ) in output


def test_init_into_a_file_is_a_message(tmp_path: Path) -> None:
    target = tmp_path / "course"
    target.write_text("mine")
    result = CliRunner().invoke(main, ["init", str(target)])
    assert (result.exit_code, result.output) == (
        1,
        f"{target}: is a file; give a folder for the new course\n",
    )
    assert target.read_text() == "mine"
