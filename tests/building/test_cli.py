"""The `scormkit` command as a user runs it: exit codes, messages, files."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import spec_path
from paths import REPO_ROOT

from scormkit.cli import main

ROOT = REPO_ROOT
MINIMAL = spec_path("minimal.yaml")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command in a real process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "scormkit", *args], capture_output=True, text=True, check=False
    )


def test_build_writes_the_zip_and_says_where(tmp_path: Path) -> None:
    result = run("build", str(MINIMAL), "-t", "scorm12", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    zip_path = tmp_path / "minimal-scorm12.zip"
    assert result.stdout.startswith(f"built {zip_path} (")
    assert zipfile.is_zipfile(zip_path)


def test_build_accepts_several_specs(tmp_path: Path) -> None:
    flagship = spec_path("healthcare-customer-service.yaml")
    result = run("build", str(MINIMAL), str(flagship), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "healthcare-customer-service-scorm12.zip",
        "minimal-scorm12.zip",
    ]


def test_a_bad_spec_prints_every_problem_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("id: Bad Id\ntitel: x\nmodules: []\n")
    result = subprocess.run(
        [sys.executable, "-m", "scormkit", "build", "bad.yaml", "-o", "out"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "bad.yaml:1:5: id: 'Bad Id' is not a valid id (e.g. 'bad-id'): use up to 64 lowercase "
        "letters, digits, '-' or '_', starting with a letter\n"
        "bad.yaml:2:1: titel: unknown field 'titel' (did you mean 'title'?)\n"
        "bad.yaml:3:10: modules: must not be empty: give at least 1 item\n"
        "3 problems\n"
        "failed: bad.yaml (scorm12, generic)\n"
        "1 of 1 package(s) failed\n"
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_an_unknown_target_exits_1_with_a_suggestion(tmp_path: Path) -> None:
    result = run("build", str(MINIMAL), "-t", "scrom12", "-o", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == (
        "error: unknown target 'scrom12' (did you mean 'scorm12'?); "
        "choose from scorm12, scorm2004, scorm2004-3rd, xapi, cmi5\n"
    )


def test_a_missing_spec_file_is_reported_not_a_traceback(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nope.yaml"), "-o", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{tmp_path / 'nope.yaml'}:1:1: no such file\n")


def test_validate_says_ok_for_a_good_spec() -> None:
    result = run("validate", str(MINIMAL))
    assert result.returncode == 0
    assert result.stdout == f"{MINIMAL}: ok (1 modules, 2 pages)\n"


def test_validate_exits_1_for_a_bad_spec(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("id: x\ntitle: X\nmodules:\n  - id: m\n    title: M\n    pages: []\n")
    result = run("validate", str(spec))
    assert result.returncode == 1
    expected = f"{spec}:6:12: modules[0].pages: must not be empty: give at least 1 item\n"
    assert expected in result.stderr


def test_schema_prints_the_committed_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    committed = (ROOT / "course_specs" / "course.schema.json").read_text()
    assert result.stdout == committed, "run `scormkit schema > course_specs/course.schema.json`"
    schema = json.loads(result.stdout)
    assert schema["properties"]["title"]["description"]


def test_every_field_of_the_schema_has_a_description() -> None:
    schema = json.loads((ROOT / "course_specs" / "course.schema.json").read_text())
    missing = []
    for name, definition in [("Course", schema), *schema["$defs"].items()]:
        for field, spec in definition.get("properties", {}).items():
            if field != "type" and not spec.get("description"):
                missing.append(f"{name}.{field}")
    assert missing == []


def test_init_creates_a_starter_course_that_builds(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "starter"
    result = runner.invoke(main, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert written == [
        "course.schema.json",
        "course.yaml",
        "img/guide-calm.svg",
        "img/guide-relieved.svg",
        "img/welcome.svg",
    ]
    built = runner.invoke(main, ["build", str(folder / "course.yaml"), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    with zipfile.ZipFile(tmp_path / "out" / "my-first-course-scorm12.zip") as zf:
        page = zf.read("index.html").decode()
        assert "assets/img/welcome.svg" in zf.namelist()
    # The starter shows its pictures: an image block and the guide's portrait.
    assert '<img src="assets/img/welcome.svg" alt="A guide waves' in page
    assert 'src="assets/img/guide-calm.svg" alt="Sam, a woman with long black hair' in page


def test_init_refuses_to_overwrite_a_course(tmp_path: Path) -> None:
    (tmp_path / "course.yaml").write_text("keep me")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert (tmp_path / "course.yaml").read_text() == "keep me"


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"]])
def test_help_is_available(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_build_and_check_warn_about_an_image_over_200_kb_but_still_succeed(
    tmp_path: Path,
) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG" + bytes(210 * 1024))
    (tmp_path / "small.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (tmp_path / "spec.yaml").write_text(
        "id: photos\ntitle: Photos\ncover: small.svg\ncover_alt: A blank card\nmodules:\n"
        "  - id: m\n    title: M\n    pages:\n      - id: p\n        title: P\n"
        "        blocks:\n          - {type: image, src: photo.png, alt: A big photo}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "scormkit", "build", "spec.yaml", "-o", "out"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "warning: spec.yaml: modules[0].pages[0].blocks[0].src: image 'photo.png' is 210 KB; "
        "images over 200 KB slow every page that shows them (use SVG, or compress and resize "
        "the picture)\n"
    )
    checked = run("check", str(tmp_path / "out" / "photos-scorm12.zip"))
    assert checked.returncode == 0
    assert checked.stdout.splitlines()[0] == (
        "assets/photo.png: warning: image of 210 KB; images over 200 KB slow every page that "
        "shows them"
    )
