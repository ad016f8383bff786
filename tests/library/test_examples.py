"""The scripts in examples/ run as their docstrings say."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from paths import REPO_ROOT

ROOT = REPO_ROOT


def test_the_build_in_code_example_writes_a_package(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "build_in_code.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    zip_path = tmp_path / "greeting-patients-scorm12.zip"
    assert result.stdout == f"built {zip_path}\n"
    with zipfile.ZipFile(zip_path) as zf:
        page = zf.read("index.html").decode()
    assert "The first ten seconds" in page
