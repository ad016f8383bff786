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
    block = "modules[0].pages[0].blocks[0].markdown"  # its `|` is on line 15
    assert str(caught.value).splitlines() == [
        f"{spec}:18:19: {block}: the image 'img/floor-plan.png' needs alt text: "
        "![what it shows](img/floor-plan.png)",
        f"{spec}:20:45: {block}: file 'docs/handbook.pdf' not found next to the spec (did you "
        "mean 'docs/handout.pdf'?)",
    ]


PAGE = """\
id: ward
title: Ward
modules:
  - id: m
    title: M
    pages:
      - id: p
        title: P
        blocks:
          - type: text
            markdown: |
              # Before the drill

              Read the plan.

                  [code, not a link](code.pdf)

              Take the [handout](files/handout.pdf) and
              look at the map, [the map](map.png) and [the map](map.png)
          - type: text
            markdown: >-
              Folded text that runs on
                and names [a sheet](sheet.pdf) here.
          - type: text
            markdown: "Quoted: see [the rota](rota.csv)"
          - type: text
            markdown: Plain text that goes on
              to the next line with [notes](<my notes.pdf>).
          - type: text
            markdown: "An escape, \\"here\\", before [slides](slides.pdf)"
          - type: text
            markdown: |
              The [checklist][list] is the one to print.

              [list]: checklist.pdf
"""


def test_a_broken_link_in_markdown_points_at_its_line_and_column_in_every_yaml_style(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "course.yaml"
    spec.write_text(PAGE, encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_course(spec)
    blocks = "modules[0].pages[0].blocks"
    missing = "not found next to the spec"
    assert str(caught.value).splitlines() == [
        f"{spec}:18:34: {blocks}[0].markdown: file 'files/handout.pdf' {missing}",
        f"{spec}:19:42: {blocks}[0].markdown: file 'map.png' {missing}",
        f"{spec}:19:65: {blocks}[0].markdown: file 'map.png' {missing}",
        f"{spec}:23:37: {blocks}[1].markdown: file 'sheet.pdf' {missing}",
        f"{spec}:25:47: {blocks}[2].markdown: file 'rota.csv' {missing}",
        f"{spec}:28:46: {blocks}[3].markdown: file 'my notes.pdf' {missing}",
        # An escape changes what the text holds from what is written: the block's start.
        f"{spec}:30:23: {blocks}[4].markdown: file 'slides.pdf' {missing}",
        f"{spec}:35:23: {blocks}[5].markdown: file 'checklist.pdf' {missing}",
    ]


def test_a_broken_link_in_a_json_string_points_at_its_column_past_every_escape(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "course.json"
    markdown = r"Caf\u00e9 \"notes\"\n\nSee \ud83d\ude00 [the form](form.pdf)."
    spec.write_text(
        '{"id": "ward", "title": "Ward", "modules": [{"id": "m", "title": "M", "pages": [\n'
        f'  {{"id": "p", "title": "P", "blocks": [{{"type": "text", "markdown": "{markdown}"}}]}}'
        "\n]}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as caught:
        load_course(spec)
    column = spec.read_text(encoding="utf-8").splitlines()[1].index("form.pdf") + 1
    assert str(caught.value) == (
        f"{spec}:2:{column}: modules[0].pages[0].blocks[0].markdown: file 'form.pdf' not found "
        "next to the spec"
    )


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
