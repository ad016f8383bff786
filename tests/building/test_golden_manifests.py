"""The flagship's manifests, kept as files: any change to what a target writes shows up here as
a readable diff, to be looked at and then accepted by rewriting the files.

Rewrite them with `SCORMKIT_UPDATE_GOLDEN=1 pytest tests/building/test_golden_manifests.py`
(the tests then skip, saying what they wrote) and review the change with `git diff tests/golden/`.
"""

from __future__ import annotations

import difflib
import os
import zipfile

import pytest
from conftest import FLAGSHIP, Built
from paths import GOLDEN

MANIFESTS = {
    "scorm12": "imsmanifest.xml",
    "scorm2004": "imsmanifest.xml",
    "scorm2004-3rd": "imsmanifest.xml",
    "xapi": "tincan.xml",
    "cmi5": "cmi5.xml",
}
CASES = [
    *((target, False) for target in MANIFESTS),
    *((target, True) for target in MANIFESTS if target != "xapi"),  # tincan.xml launches once
]


@pytest.mark.parametrize(
    ("target", "per_module"),
    CASES,
    ids=[f"{t}{'-per-module' if m else ''}" for t, m in CASES],
)
def test_the_flagship_manifest_is_the_golden_one(
    target: str, per_module: bool, built_package: Built
) -> None:
    name = MANIFESTS[target]
    with zipfile.ZipFile(built_package(FLAGSHIP, target, per_module=per_module)) as zf:
        fresh = zf.read(name).decode()
    golden = GOLDEN / f"{target}{'-per-module' if per_module else ''}" / name
    if os.environ.get("SCORMKIT_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(fresh, encoding="utf-8")
        pytest.skip(f"wrote {golden.relative_to(GOLDEN.parent)}")
    kept = golden.read_text(encoding="utf-8")
    diff = difflib.unified_diff(
        kept.splitlines(keepends=True),
        fresh.splitlines(keepends=True),
        f"golden/{golden.relative_to(GOLDEN)}",
        "fresh build",
    )
    assert fresh == kept, "".join(diff)
