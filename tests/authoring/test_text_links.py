"""Markdown that names local files: images packaged, downloads listed, broken links caught."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from paths import TESTS

from scormkit.build import build
from scormkit.check import check_package
from scormkit.errors import SpecError
from scormkit.spec import load_course

SPEC = TESTS / "specs" / "text-links" / "course.yaml"


def test_images_and_linked_files_in_text_are_packaged_and_listed(tmp_path: Path) -> None:
    zip_path = build(SPEC, "scorm12", tmp_path)
    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
        page = zf.read("index.html").decode()
    assert {"assets/img/floor-plan.png", "assets/docs/handout.pdf", "assets/docs/rota.csv"} <= names
    assert '<img src="assets/img/floor-plan.png" alt="Floor plan of ward 3">' in page
    assert '<a href="assets/docs/handout.pdf" download="" rel="noopener noreferrer">' in page
    assert '<li><a href="assets/docs/handout.pdf" download>evacuation handout</a></li>' in page
    assert '<li><a href="assets/docs/rota.csv" download>Shift rota (CSV)</a></li>' in page
    assert page.count('class="sk-downloads"') == 1  # the page without links lists nothing
    assert check_package(zip_path).exit_status == 0


def test_a_missing_linked_file_and_an_image_without_alt_are_spec_errors(tmp_path: Path) -> None:
    text = SPEC.read_text().replace("docs/handout.pdf", "docs/handbook.pdf")
    text = text.replace("![Floor plan of ward 3]", "![]")
    spec = tmp_path / "course.yaml"
    spec.write_text(text)
    for folder in ("img", "docs"):
        shutil.copytree(SPEC.parent / folder, tmp_path / folder)
    with pytest.raises(SpecError) as caught:
        load_course(spec)
    where = f"{spec}:15:23: modules[0].pages[0].blocks[0].markdown"
    assert str(caught.value).splitlines() == [
        f"{where}: file 'docs/handbook.pdf' not found next to the spec (did you mean "
        "'docs/handout.pdf'?)",
        f"{where}: the image 'img/floor-plan.png' needs alt text: "
        "![what it shows](img/floor-plan.png)",
    ]


@pytest.mark.parametrize("target", ["scorm12", "xapi"])
def test_check_flags_a_page_linking_to_a_pdf_the_zip_lacks(tmp_path: Path, target: str) -> None:
    built = build(SPEC, target, tmp_path)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(broken, "w") as dest:
        for info in source.infolist():
            if info.filename != "assets/docs/handout.pdf":
                dest.writestr(info.filename, source.read(info))
        page = source.read("index.html").decode()
    report = check_package(broken)
    lines = [n + 1 for n, text in enumerate(page.splitlines()) if "docs/handout.pdf" in text]
    found = [str(f) for f in report.sorted_findings() if "handout.pdf" in f.message]
    assert [f for f in found if f.startswith("index.html")] == [
        f"index.html:{line}: error: links to 'assets/docs/handout.pdf', which is not in the zip"
        for line in lines
    ]
    assert report.exit_status == 1
