"""Many languages from one course: PO catalogs, localised builds, untranslated and stale text."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from babel.messages.pofile import read_po
from lxml import etree
from translations import MARK, copy_specs, pseudo_translate

from scormkit import build, load_course
from scormkit.plan.resume import worst_state_size
from scormkit.translation import catalog_path, course_messages, translate_course

FLAGSHIP = "healthcare-customer-service.yaml"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scormkit", *args], capture_output=True,
                          text=True, check=False, cwd=cwd)  # fmt: skip


def identifiers(zip_path: Path) -> list[str]:
    """Every identifier and IRI the package's descriptor gives."""
    with zipfile.ZipFile(zip_path) as zf:
        name = next(n for n in ("imsmanifest.xml", "tincan.xml", "cmi5.xml") if n in zf.namelist())
        root = etree.fromstring(zf.read(name))
    return [str(v) for v in root.xpath("//@identifier | //@identifierref | //@id | //@parameters")]


def test_translate_writes_every_visible_string_and_no_id(tmp_path: Path) -> None:
    specs = copy_specs(tmp_path)
    result = run("translate", str(specs / FLAGSHIP), "--locale", "es")
    assert result.returncode == 0, result.stderr
    po = specs / "healthcare-customer-service.es.po"
    course = load_course(specs / FLAGSHIP)
    total = len(course_messages(course))
    assert result.stdout == f"wrote {po}: {total} strings, {total} untranslated, 0 stale\n"
    with po.open("rb") as source:
        catalog = read_po(source)
    contexts = {str(m.context): str(m.id) for m in catalog if m.id}
    assert contexts["modules.touchpoints.title"] == course.modules[0].title
    assert contexts["title"] == course.title
    ids = {m.id for m in course.modules} | {p.id for m in course.modules for p in m.pages}
    assert not ids & set(contexts.values())
    assert not any(c.startswith("theme.") and c != "theme.logo_alt" for c in contexts)


def test_a_spanish_build_translates_the_text_and_keeps_ids_iris_and_resume_state(
    tmp_path: Path,
) -> None:
    specs = copy_specs(tmp_path)
    spec = specs / FLAGSHIP
    assert run("translate", str(spec), "--locale", "es").returncode == 0
    pseudo_translate(catalog_path(spec, "es"))
    english = load_course(spec)
    spanish = translate_course(english, catalog_path(spec, "es"), "es")
    assert spanish.untranslated == [] and spanish.stale == []
    assert spanish.course.language == "es"
    assert spanish.course.modules[0].title == MARK + english.modules[0].title
    assert worst_state_size(spanish.course) == worst_state_size(english)
    for target, per_module in (("scorm2004", True), ("scorm12", False), ("xapi", False)):
        en = build(english, target, tmp_path / "en", base_dir=specs, launch_per_module=per_module)
        es = build(spanish.course, target, tmp_path / "es", base_dir=specs,
                   launch_per_module=per_module)  # fmt: skip
        assert identifiers(es) == identifiers(en), target
        with zipfile.ZipFile(es) as zf:
            page = zf.read("index.html").decode()
        assert '<html lang="es"' in page
        assert f"{MARK}{english.modules[0].title}" in page
        again = build(spanish.course, target, tmp_path / "again", base_dir=specs,
                      launch_per_module=per_module)  # fmt: skip
        assert again.read_bytes() == es.read_bytes()


def test_changed_and_missing_text_is_reported_stale_and_untranslated(tmp_path: Path) -> None:
    specs = copy_specs(tmp_path)
    spec = specs / FLAGSHIP
    run("translate", str(spec), "--locale", "es")
    pseudo_translate(catalog_path(spec, "es"), leave=2)
    old_title = load_course(spec).modules[0].title
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace(f"title: {old_title}", "title: Service everywhere", 1),
                    encoding="utf-8")  # fmt: skip
    course = load_course(spec)
    assert course.modules[0].title == "Service everywhere"
    translation = translate_course(course, catalog_path(spec, "es"), "es")
    assert translation.stale == ["modules.touchpoints.title"]
    assert len(translation.untranslated) == 2
    assert translation.course.modules[0].title == "Service everywhere"  # not the old translation
    result = run("translate", str(spec), "--locale", "es")
    total = len(course_messages(course))
    assert result.stdout.endswith(f": {total} strings, 2 untranslated, 1 stale\n")
    with catalog_path(spec, "es").open("rb") as source:
        entry = next(m for m in read_po(source) if m.context == "modules.touchpoints.title")
    assert entry.fuzzy
    # The translator sees the text the translation was made for.
    assert f'#| msgid "{old_title}"\nmsgctxt "modules.touchpoints.title"' in (
        catalog_path(spec, "es").read_text(encoding="utf-8")
    )
    assert entry.string == MARK + old_title


def test_a_batch_with_a_locale_builds_both_languages_and_reports_what_is_missing(
    tmp_path: Path,
) -> None:
    specs = copy_specs(tmp_path)
    for name in ("minimal.yaml", FLAGSHIP):
        run("translate", str(specs / name), "--locale", "es")
        pseudo_translate(catalog_path(specs / name, "es"), leave=1)
    out, report_path = tmp_path / "out", tmp_path / "r.json"
    result = run("build", str(specs / "minimal.yaml"), str(specs / FLAGSHIP), "-t", "scorm12",
                 "-t", "cmi5", "--locale", "es", "--jobs", "2", "--report", str(report_path),
                 "-o", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    zips = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.zip"))
    assert len(zips) == 8 and sum(z.startswith("es/") for z in zips) == 4
    packages = json.loads(report_path.read_text())["packages"]
    assert [(p["locale"], p["untranslated"]) for p in packages[:2]] == [("", 0), ("es", 1)]
    assert "es: 1 untranslated and 0 stale strings shown in the spec's language" in result.stdout
    for package in packages:
        with zipfile.ZipFile(package["zip"]) as zf:
            assert package["files"] == len(zf.namelist())
