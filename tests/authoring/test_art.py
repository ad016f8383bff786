"""The committed illustrations are exactly what course_specs/art/draw.py draws, and each one
stays a small, self-contained SVG: no text, fonts, scripts or outside references."""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

import pytest
from paths import REPO_ROOT

ROOT = REPO_ROOT


def _draw() -> ModuleType:
    """course_specs/art/draw.py as a module; it imports its neighbours as a script would."""
    art = str(ROOT / "course_specs" / "art")
    if art not in sys.path:
        sys.path.insert(0, art)
    spec = importlib.util.spec_from_file_location("draw", ROOT / "course_specs" / "art" / "draw.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DRAW = _draw()
FOLDERS = {
    "flagship": (ROOT / "course_specs" / "img", DRAW.flagship_files()),
    "starter": (ROOT / "src" / "scormkit" / "starter" / "img", DRAW.starter_files()),
}


@pytest.mark.parametrize("which", sorted(FOLDERS))
def test_the_committed_svgs_are_what_the_drawing_script_makes(which: str) -> None:
    folder, drawn = FOLDERS[which]
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.svg")}
    assert sorted(committed) == sorted(drawn), "run: python course_specs/art/draw.py"
    for name, text in drawn.items():
        assert committed[name] == text, f"{name} is stale; run: python course_specs/art/draw.py"


@pytest.mark.parametrize("which", sorted(FOLDERS))
def test_every_svg_is_small_and_refers_to_nothing_outside_itself(which: str) -> None:
    for name, text in FOLDERS[which][1].items():
        assert len(text.encode()) < 6000, name
        assert not re.search(r"<(text|script|image|style|foreignObject)\b|@import|href=", text), (
            name
        )
        assert re.findall(r"https?://[^\"]+", text) == ["http://www.w3.org/2000/svg"], name
