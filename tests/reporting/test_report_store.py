"""The report keeps learners past a bound on disk: the same bytes, and no file left behind.

`limits.REPORT_LEARNERS_IN_MEMORY` is lowered to 1 and 2 learners so the report tests'
statements take the path of a cohort too large for memory: records evicted to SQLite and read
back when a later statement names the learner, every figure read back from the store.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from scormkit import limits
from scormkit.cli import main
from scormkit.report import store as store_module
from tests.reporting.test_report import FLAGSHIP, cohort_statements

COPIES = 4  # the two learners of the report tests, several times under other identifiers


def many_learners() -> list[Any]:
    """The report tests' statements for 2 x COPIES learners, taken turn about, so a learner's
    record is evicted between their statements. Copies keep the names: ties broken by
    identifier."""
    text = json.dumps(cohort_statements())
    copies = [
        json.loads(text.replace('"ana"', f'"ana{k}"').replace("mailto:ben@", f"mailto:ben{k}@"))
        for k in range(COPIES)
    ]
    return [s for turn in zip(*copies, strict=True) for s in turn]


def outputs(folder: Path, source: Path, *options: str) -> dict[str, bytes]:
    """Every file `scormkit report` writes, by name."""
    result = CliRunner().invoke(
        main,
        ["report", str(FLAGSHIP), "--statements", str(source), "-o", str(folder / "report.html")]
        + ["--json", str(folder / "report.json"), "--csv", str(folder / "csv"), *options],
    )
    assert result.exit_code == 0, result.output
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


class Folders:
    """Every temporary folder a store makes, to check it is gone."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, scratch: Path) -> None:
        self.made: list[Path] = []
        made = self.made
        scratch.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(scratch))

        class Recorded(tempfile.TemporaryDirectory):  # type: ignore[type-arg]
            def __init__(self, **options: Any) -> None:
                super().__init__(**options)
                made.append(Path(self.name))

        monkeypatch.setattr(store_module, "TemporaryDirectory", Recorded)


@pytest.mark.parametrize("options", [(), ("--pseudonymise",)], ids=["names", "pseudonyms"])
def test_learners_kept_on_disk_give_byte_identical_json_html_and_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...]
) -> None:
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(many_learners()))
    folders = Folders(monkeypatch, tmp_path / "scratch")
    in_memory = outputs(tmp_path / "memory", source, *options)
    assert folders.made == []  # 8 learners: nothing went to disk
    found = json.loads(in_memory["report.json"])
    assert len(found["learners"]) == 2 * COPIES
    assert found["surveys"][0]["items"]  # free text answers and more to compare
    for limit in (1, 2):
        monkeypatch.setattr(limits, "REPORT_LEARNERS_IN_MEMORY", limit)
        spilled = outputs(tmp_path / f"limit{limit}", source, *options)
        assert len(folders.made) == limit  # one store folder per run that spilled
        assert sorted(spilled) == sorted(in_memory)
        for name, data in in_memory.items():
            assert spilled[name] == data, name
    assert all(not folder.exists() for folder in folders.made)
    assert list((tmp_path / "scratch").iterdir()) == []


def spilling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Folders]:
    """The statements of many learners, a bound of one learner in memory, and the folders the
    store makes."""
    source = tmp_path / "statements.json"
    source.write_text(json.dumps(many_learners()))
    monkeypatch.setattr(limits, "REPORT_LEARNERS_IN_MEMORY", 1)
    return source, Folders(monkeypatch, tmp_path / "scratch")


def report_html(source: Path, out: Path) -> Result:
    return CliRunner().invoke(
        main, ["report", str(FLAGSHIP), "--statements", str(source), "-o", str(out)]
    )


def test_the_store_is_removed_after_an_error_in_the_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, folders = spilling(tmp_path, monkeypatch)

    def broken(*_: Any) -> None:
        assert folders.made and folders.made[0].exists()  # the store is on disk by now
        raise RuntimeError("broken while the figures were made")

    monkeypatch.setattr(sys.modules["scormkit.report.figures"], "learner_runs", broken)
    result = report_html(source, tmp_path / "r.html")
    assert result.exit_code == 70, result.output  # a bug: its message, no output written
    assert "broken while the figures were made" in result.output
    assert len(folders.made) == 1
    assert not folders.made[0].exists()
    assert list((tmp_path / "scratch").iterdir()) == []


def test_a_full_disk_is_an_error_naming_the_store_and_the_folder_still_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, folders = spilling(tmp_path, monkeypatch)

    def full(self: store_module.LearnerStore, learners: list[Any]) -> None:
        self.connection or self._open(on_disk=True)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_module.LearnerStore, "_write", full)
    result = report_html(source, tmp_path / "r.html")
    assert result.exit_code == 1, result.output
    assert result.output == (
        f"error: the report's learners on disk ({folders.made[0]}): database or disk is full\n"
    )
    assert not folders.made[0].exists()
    assert not (tmp_path / "r.html").exists()
