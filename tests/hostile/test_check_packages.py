"""Hostile packages given to `check`: each ends in findings or a one-line refusal, in time
linear in its size. Time and memory figures: benchmarks/hostile_inputs.py."""

from __future__ import annotations

import zipfile
from pathlib import Path

from scormkit.check import check_package
from tests.checking.corpus import ITEM, RESOURCE, SCO_PAGE, Case, manifest_12, manifest_2004


def findings(zip_path: Path) -> list[str]:
    return [str(f) for f in check_package(zip_path).sorted_findings()]


def test_crafted_pages_and_scripts_are_scanned_without_backtracking(tmp_path: Path) -> None:
    members: dict[str, str | bytes] = {
        "imsmanifest.xml": manifest_12(),
        "index.html": "<img " * 16_000 + "<img src='https://cdn.example/x.png'>",
        "app.js": "fetch(" * 13_000 + "\nimport " * 11_000 + '\nfetch("//api.example/y")',
    }
    report = findings(Case(members, "").write(tmp_path / "crafted.zip"))
    assert (
        "index.html:1: error: loads 'https://cdn.example/x.png' from another host; packages "
        "must be self-contained (offline LMSs, privacy, cross-domain SCORM)" in report
    )
    assert (
        "app.js:11002: error: loads '//api.example/y' from another host; packages must be "
        "self-contained (offline LMSs, privacy, cross-domain SCORM)" in report
    )


def test_a_manifest_naming_many_missing_files_gets_one_line_each(tmp_path: Path) -> None:
    files = "".join(f'<file href="Missing{i}.js"/>' for i in range(20_000))
    resource = RESOURCE.replace('<file href="index.html"/>', f'<file href="index.html"/>{files}')
    members: dict[str, str | bytes] = {
        "imsmanifest.xml": manifest_12(ITEM, resource),
        "index.html": SCO_PAGE,
        "missing7.js": "",
    }
    report = findings(Case(members, "").write(tmp_path / "many.zip"))
    missing = [f for f in report if "is not in the zip" in f]
    assert len(missing) == 20_000
    assert (
        "imsmanifest.xml:13: error: file 'Missing7.js' is not in the zip (the zip has "
        "'missing7.js'; LMS servers are case-sensitive)"
    ) in missing


def test_a_member_name_with_a_nul_is_judged_by_the_name_as_stored(tmp_path: Path) -> None:
    path = tmp_path / "nul.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("imsmanifest.xml", manifest_12())
        zf.writestr("index.html", SCO_PAGE)
    data = path.read_bytes().replace(b"index.html", b"index\x00html")
    path.write_bytes(data)
    report = check_package(path)
    assert [str(f) for f in report.findings] == [
        "nul.zip: error: refused: 'index' (stored as 'index\\x00html') has a control character "
        "in its name"
    ]
    assert report.exit_status == 2


def test_control_documents_are_never_unpacked_past_ten_times_the_zip(tmp_path: Path) -> None:
    xsd = (
        '<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        + ("<!-- padding -->" * 56_000)
        + "</xs:schema>"
    )
    members: dict[str, str | bytes] = {
        "imsmanifest.xml": manifest_2004(),
        "index.html": SCO_PAGE,
        **{f"schema{i}.xsd": xsd for i in range(5)},
    }
    path = Case(members, "").write(tmp_path / "xsds.zip")
    report = findings(path)
    unpacked = 5 * len(xsd)
    assert (
        f"xsds.zip: error: the XSD control documents unpack to {unpacked} bytes, more than "
        "2097152 (ten times the zip); not validated"
    ) in report


def test_control_documents_whose_names_clash_are_a_finding(tmp_path: Path) -> None:
    members: dict[str, str | bytes] = {
        "imsmanifest.xml": manifest_2004(),
        "index.html": SCO_PAGE,
        "a.xsd": "<x/>",
        "a.xsd/b.xsd": "<x/>",
    }
    report = findings(Case(members, "").write(tmp_path / "clash.zip"))
    assert "a.xsd/b.xsd: error: the XSD control documents cannot be unpacked: File exists" in (
        report
    )
