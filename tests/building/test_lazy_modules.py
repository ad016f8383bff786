"""The launch page carries the shell and the first module; every other module is a file of its
own (plan/modules.py), listed in the manifest, with what the player needs to load it later."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from generated_course import generated_course
from manifests import validate
from paths import REPO_ROOT

from scormkit import build
from scormkit.plan import make_plan
from scormkit.plan.modules import layout_hash
from scormkit.spec import load_course
from scormkit.targets import TARGETS

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
STATE_JS = ROOT / "src" / "scormkit" / "runtime" / "state.js"
CP = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2"}


def shell_of(archive: zipfile.ZipFile) -> tuple[lxml.html.HtmlElement, dict[str, object]]:
    page = lxml.html.fromstring(archive.read("index.html"))
    return page, json.loads(page.get_element_by_id("sk-course").text)


def test_the_launch_page_holds_the_first_module_and_each_other_module_is_a_file(
    tmp_path: Path,
) -> None:
    course = load_course(FLAGSHIP)
    first, *others = course.modules
    with zipfile.ZipFile(build(FLAGSHIP, "scorm12", tmp_path)) as archive:
        page, data = shell_of(archive)
        shown = page.xpath("//section[@data-page-id]/@data-page-id")
        assert shown == [p.id for p in first.pages]
        modules = {n for n in archive.namelist() if n.startswith("modules/")}
        assert modules == {f"modules/{m.id}.json" for m in others}
        second = json.loads(archive.read(f"modules/{others[0].id}.json"))
        pages = lxml.html.fragment_fromstring(second["html"], create_parent="div")
        assert pages.xpath("//section/@data-page-id") == [p.id for p in others[0].pages]
        manifest = lxml.etree.fromstring(archive.read("imsmanifest.xml"))
    cards = data["modules"]
    assert [c["file"] for c in cards] == [None, *(f"modules/{m.id}.json" for m in others)]  # type: ignore[index]
    listed = manifest.xpath("//cp:resource/cp:file/@href", namespaces=CP)
    assert sorted(modules) == sorted(h for h in listed if h.startswith("modules/"))


def test_a_course_of_one_module_is_not_split(tmp_path: Path) -> None:
    with zipfile.ZipFile(build(generated_course(10, 10), "scorm12", tmp_path)) as archive:
        assert not [n for n in archive.namelist() if n.startswith("modules/")]
        page, data = shell_of(archive)
    assert len(page.xpath("//section[@data-page-id]")) == 10
    assert data["modules"][0]["slots"] == [10, 1, 0, 0]  # type: ignore[index]


def test_the_layout_made_at_build_time_is_the_one_the_player_computes() -> None:
    """state.js keeps a layout hash in the resume state; the launch page no longer holds every
    question to compute it, so plan/modules.py computes it the same way."""
    plan = make_plan(load_course(FLAGSHIP), TARGETS["scorm12"])
    full = {**plan.player_data}
    for file in plan.module_files:
        for section in ("quizzes", "questions", "surveys", "scenarios"):
            full[section] = full[section] + file.data[section]
    launch_js = STATE_JS.with_name("launch.js").as_uri()
    script = (
        "import fs from 'node:fs';"
        f"import {{ layoutHash }} from {json.dumps(STATE_JS.as_uri())};"
        f"import {{ scopeCourse }} from {json.dumps(launch_js)};"
        "const data = JSON.parse(fs.readFileSync(0, 'utf8'));"
        "const bare = { ...data, layout: undefined };"
        "const modules = data.modules.map((m) => ({ ...m, layout: undefined }));"
        "const each = modules.map((m) => layoutHash(scopeCourse({ ...bare, modules }, m.id)));"
        "console.log(JSON.stringify([layoutHash(bare), ...each]));"
    )
    js = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps(full),
        capture_output=True,
        text=True,
        check=True,
    )
    made = [plan.player_data["layout"], *(m["layout"] for m in plan.player_data["modules"])]
    assert json.loads(js.stdout) == made
    assert made[0] == layout_hash(full)


@pytest.mark.parametrize(
    ("target", "documents"),
    [("scorm12", "scorm12"), ("scorm2004", "scorm2004_4th"), ("scorm2004-3rd", "scorm2004_3rd")],
)
@pytest.mark.parametrize("per_module", [False, True])
def test_split_packages_are_valid_against_the_official_schemas(
    tmp_path: Path, shared_dir: Path, target: str, documents: str, per_module: bool
) -> None:
    folder = shared_dir / "schemas" / documents
    package = build(
        FLAGSHIP, target, tmp_path, launch_per_module=per_module, control_documents=folder
    )
    run = validate(shared_dir, package)
    assert run.returncode == 0, run.stdout + run.stderr
    assert ": warning:" not in run.stdout, run.stdout
