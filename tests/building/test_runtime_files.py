"""The player files a package ships are listed (scormkit/runtime_files.py) and slimmed safely."""

from __future__ import annotations

import gzip
import re
import zipfile
from pathlib import Path

import pytest
from paths import FLAGSHIP_SPEC, REPO_ROOT

import scormkit
from scormkit.errors import BuildError
from scormkit.runtime_files import PLAYER, TRACKERS, read_runtime, runtime_files, shipped

RUNTIME = REPO_ROOT / "src" / "scormkit" / "runtime"


def test_every_runtime_file_is_listed_and_every_listed_file_exists() -> None:
    on_disk = {p.relative_to(RUNTIME).as_posix() for p in RUNTIME.rglob("*.js")}
    on_disk |= {p.relative_to(RUNTIME).as_posix() for p in RUNTIME.glob("*.css")}
    listed = set(PLAYER) | {f"track/{name}" for files in TRACKERS.values() for name in files}
    assert listed == on_disk


@pytest.mark.parametrize("tracker", sorted(TRACKERS))
def test_a_tracker_ships_every_module_it_imports(tracker: str) -> None:
    hrefs = set(runtime_files(tracker))
    for href in hrefs:
        source = (RUNTIME.parent / href).read_text("utf-8")
        folder = href.rsplit("/", 1)[0]
        for module in re.findall(r'from "\./([\w-]+\.js)"', source):
            assert f"{folder}/{module}" in hrefs, f"{href} imports {module}, which is not shipped"


def test_every_shipped_script_keeps_all_its_code_lines() -> None:
    scripts = [h for h in runtime_files("cmi5") + runtime_files("scorm12") if h.endswith(".js")]
    for file in read_runtime(tuple(scripts)):
        source = (RUNTIME.parent / file.href).read_text("utf-8")
        code = [line.strip() for line in source.splitlines()]
        code = [line for line in code if line and not line.startswith(("//", "/*", "*"))]
        assert file.data.decode().splitlines() == code, file.href


def test_the_stripper_refuses_a_template_literal_over_several_lines() -> None:
    source = "const html = `\n  // kept, since it is text\n`;\n"
    with pytest.raises(BuildError, match=r"runtime/x\.js:1: a string continues onto the next"):
        shipped("runtime/x.js", source)


def test_the_stripper_refuses_a_string_continued_with_a_backslash() -> None:
    with pytest.raises(BuildError, match=r"runtime/x\.js:1: a string continues"):
        shipped("runtime/x.js", 'const s = "one \\\n// two";\n')


def test_the_stripper_drops_comment_lines_and_keeps_code_and_one_line_literals() -> None:
    source = "/**\n * Doc.\n */\n// note\nconst a = `x // y`; // tail\n  let b = 1;\n\n"
    assert shipped("runtime/x.js", source).data == b"const a = `x // y`; // tail\nlet b = 1;\n"


def test_the_player_ships_at_most_28_kb_gzipped(tmp_path: Path) -> None:
    # The same figure benchmarks/runtime_weight.py prints: every .js and .css file of the
    # flagship SCORM 1.2 package, each gzipped at level 9, summed.
    package = scormkit.build(FLAGSHIP_SPEC, "scorm12", tmp_path)
    with zipfile.ZipFile(package) as archive:
        files = [n for n in archive.namelist() if n.endswith((".js", ".css"))]
        packed = sum(len(gzip.compress(archive.read(n), 9, mtime=0)) for n in files)
    assert "runtime/player.js" in files
    assert packed <= 28 * 1024, f"player JS + CSS is {packed / 1024:.1f} KB gzipped; limit 28"
