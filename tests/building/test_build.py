"""Building packages: contents, manifest, validity, determinism, and failures that leave nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import spec_path
from manifests import manifest_of, validate
from paths import REPO_ROOT

from scormkit import BuildError, SpecError, build, load_course

ROOT = REPO_ROOT
SPECS = sorted((ROOT / "course_specs").glob("*.yaml"))
NS = {
    "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "imsmd": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
}


def test_the_course_specs_folder_holds_the_flagship_and_the_minimal_course() -> None:
    names = {p.name for p in SPECS}
    assert {"healthcare-customer-service.yaml", "minimal.yaml"} <= names


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_every_spec_builds_a_package_valid_with_zero_errors_and_warnings(
    spec: Path, tmp_path: Path, shared_dir: Path
) -> None:
    documents = shared_dir / "schemas" / "scorm12"
    zip_path = build(spec, "scorm12", tmp_path, control_documents=documents)
    result = validate(shared_dir, zip_path)
    assert result.returncode == 0, result.stdout
    assert "(0 warning(s))" in result.stdout, result.stdout


def test_without_control_documents_the_only_warning_is_that_they_are_missing(
    tmp_path: Path, shared_dir: Path
) -> None:
    zip_path = build(spec_path("minimal.yaml"), "scorm12", tmp_path)
    result = validate(shared_dir, zip_path)
    assert result.returncode == 0, result.stdout
    findings = [
        line for line in result.stdout.splitlines() if ": warning:" in line or ": error:" in line
    ]
    assert len(findings) == 1 and "lacks XSD control document(s)" in findings[0], result.stdout


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_building_twice_gives_byte_identical_zips(spec: Path, tmp_path: Path) -> None:
    first = build(spec, "scorm12", tmp_path / "one").read_bytes()
    second = build(spec, "scorm12", tmp_path / "two").read_bytes()
    assert first == second


def test_the_zip_is_named_after_the_course_and_target(tmp_path: Path) -> None:
    zip_path = build(spec_path("minimal.yaml"), "scorm12", tmp_path)
    assert zip_path == tmp_path / "minimal-scorm12.zip"


def test_the_manifest_lists_exactly_the_files_of_the_zip(tmp_path: Path) -> None:
    zip_path = build(spec_path("healthcare-customer-service.yaml"), "scorm12", tmp_path)
    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
    listed = set(manifest_of(zip_path).xpath("//cp:resource/cp:file/@href", namespaces=NS))
    assert names - listed == {"imsmanifest.xml"}
    assert listed <= names
    assert {"index.html", "runtime/player.js", "runtime/track/scorm12.js"} <= names
    # Only the SCORM 1.2 tracker and what it imports; no other standard's tracker.
    tracks = {n for n in names if n.startswith("runtime/track/")}
    assert tracks == {"runtime/track/scorm12.js", "runtime/track/scormapi.js"}


def test_the_manifest_describes_one_sco_launched_from_index_html(tmp_path: Path) -> None:
    spec = spec_path("healthcare-customer-service.yaml")
    course = load_course(spec)
    root = manifest_of(build(spec, "scorm12", tmp_path))
    assert root.xpath("string(cp:metadata/cp:schemaversion)", namespaces=NS) == "1.2"
    assert root.get("identifier") == course.id
    resources = root.xpath("//cp:resource", namespaces=NS)
    assert len(resources) == 1
    assert resources[0].get("href") == "index.html"
    assert resources[0].get(f"{{{NS['adlcp']}}}scormtype") == "sco"
    item = root.xpath("//cp:organization/cp:item", namespaces=NS)
    assert len(item) == 1 and item[0].get("identifierref") == resources[0].get("identifier")
    assert root.xpath("string(//cp:organization/cp:title)", namespaces=NS) == course.title
    assert root.xpath("string(//cp:item/adlcp:masteryscore)", namespaces=NS) == str(
        course.completion.passing_score
    )
    keywords = root.xpath("//imsmd:keyword/imsmd:langstring/text()", namespaces=NS)
    assert keywords == course.keywords


def test_an_unscored_course_names_no_mastery_score(tmp_path: Path) -> None:
    spec = tmp_path / "unscored.yaml"
    spec.write_text(
        "id: unscored\ntitle: Unscored\ncompletion: {all_pages: true}\nmodules:\n"
        "  - id: m\n    title: M\n    pages:\n      - id: p\n        title: P\n"
        "        blocks: [{type: text, markdown: Hello}]\n"
    )
    root = manifest_of(build(spec, "scorm12", tmp_path / "out"))
    assert root.xpath("//adlcp:masteryscore", namespaces=NS) == []


def test_assets_are_copied_under_url_safe_names(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "front desk.png").write_bytes(b"\x89PNG fake")
    spec = tmp_path / "c.yaml"
    spec.write_text(
        "id: pics\ntitle: Pics\nmodules:\n  - id: m\n    title: M\n    pages:\n"
        "      - id: p\n        title: P\n        blocks:\n"
        "          - {type: image, src: img/front desk.png, alt: The front desk}\n"
    )
    zip_path = build(spec, "scorm12", tmp_path / "out")
    with zipfile.ZipFile(zip_path) as zf:
        assert zf.read("assets/img/front-desk.png") == b"\x89PNG fake"
        assert 'src="assets/img/front-desk.png"' in zf.read("index.html").decode()


def test_a_name_that_would_become_hidden_is_packaged_under_a_visible_one(tmp_path: Path) -> None:
    (tmp_path / "é").mkdir()
    (tmp_path / "é" / "é.png").write_bytes(b"\x89PNG fake")
    spec = tmp_path / "c.yaml"
    spec.write_text(
        "id: pics\ntitle: Pics\nmodules:\n  - id: m\n    title: M\n    pages:\n"
        "      - id: p\n        title: P\n        blocks:\n"
        "          - {type: image, src: é/é.png, alt: The front desk}\n",
        encoding="utf-8",
    )
    with zipfile.ZipFile(build(spec, "scorm12", tmp_path / "out")) as zf:
        assets = [name for name in zf.namelist() if name.startswith("assets/")]
    assert assets == ["assets/file/file.png"]  # not 'assets/.png', which servers hide


def test_a_bad_spec_raises_and_leaves_no_zip(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("id: bad\ntitle: Bad\nmodules: []\n")
    with pytest.raises(SpecError):
        build(spec, "scorm12", tmp_path / "out")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_an_unknown_target_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"unknown target 'scorm1' \(did you mean 'scorm12'\?\)"):
        build(spec_path("minimal.yaml"), "scorm1", tmp_path)


def test_a_failed_write_leaves_neither_zip_nor_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "minimal-scorm12.zip").mkdir()  # a folder where the zip should go
    with pytest.raises(BuildError, match="cannot write the package"):
        build(spec_path("minimal.yaml"), "scorm12", out)
    assert sorted(p.name for p in out.iterdir()) == ["minimal-scorm12.zip"]


def test_control_documents_are_shipped_at_the_package_root(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "imscp_rootv1p1p2.xsd").write_text("<xs:schema/>")
    (docs / "notes.txt").write_text("not a schema")
    (docs / ".old.xsd").write_text("<xs:schema/>")
    (docs / ".git").mkdir()
    (docs / ".git" / "copy.xsd").write_text("<xs:schema/>")
    zip_path = build(spec_path("minimal.yaml"), "scorm12", tmp_path, control_documents=docs)
    with zipfile.ZipFile(zip_path) as zf:
        assert zf.read("imscp_rootv1p1p2.xsd") == b"<xs:schema/>"
        assert [n for n in zf.namelist() if n.endswith(".xsd")] == ["imscp_rootv1p1p2.xsd"]
        assert "notes.txt" not in zf.namelist()


def test_a_user_templates_folder_replaces_the_built_in_template_of_the_same_name(
    tmp_path: Path,
) -> None:
    zip_path = build(
        spec_path("healthcare-customer-service.yaml"),
        "scorm12",
        tmp_path,
        templates=ROOT / "templates",
    )
    override = (ROOT / "templates" / "blocks" / "callout.html").read_text()
    assert "sk-callout-custom" in override  # the example's marker class
    with zipfile.ZipFile(zip_path) as zf:
        assert "sk-callout-custom" in zf.read("index.html").decode()


def test_a_missing_templates_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="no such folder for templates"):
        build(spec_path("minimal.yaml"), "scorm12", tmp_path, templates=tmp_path / "nope")


def test_one_launch_per_module_is_refused_where_the_target_cannot_do_it(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="one launch per module is not supported"):
        build(spec_path("minimal.yaml"), "xapi", tmp_path, launch_per_module=True)
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_only_scored_modules_name_a_mastery_score_when_each_module_is_a_sco(
    tmp_path: Path,
) -> None:
    spec = spec_path("three-modules.yaml")
    root = manifest_of(build(spec, "scorm12", tmp_path, launch_per_module=True))
    mastery = {
        item.get("identifier"): item.xpath("string(adlcp:masteryscore)", namespaces=NS)
        for item in root.xpath("//cp:organization/cp:item", namespaces=NS)
    }
    assert mastery == {"item-reading": "", "item-check": "50", "item-closing": ""}


def test_the_illustrated_flagship_package_stays_under_250_kb(tmp_path: Path) -> None:
    zip_path = build(
        ROOT / "course_specs" / "healthcare-customer-service.yaml", "scorm12", tmp_path
    )
    with zipfile.ZipFile(zip_path) as zf:
        pictures = [n for n in zf.namelist() if n.endswith(".svg")]
    assert len(pictures) >= 20  # the pictures are in it
    assert zip_path.stat().st_size < 250 * 1024
