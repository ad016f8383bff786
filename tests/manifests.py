"""Reading and validating built packages, shared by the build tests."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree


def validate(shared_dir: Path, path: Path) -> subprocess.CompletedProcess[str]:
    """Run the official-XSD validator of ../shared on a package."""
    validator = shared_dir / "schemas" / "validate.py"
    return subprocess.run(
        [sys.executable, str(validator), str(path)], capture_output=True, text=True, check=False
    )


def manifest_of(zip_path: Path) -> etree._Element:
    """The parsed imsmanifest.xml of the package at `zip_path`."""
    with zipfile.ZipFile(zip_path) as zf:
        return etree.fromstring(zf.read("imsmanifest.xml"))
