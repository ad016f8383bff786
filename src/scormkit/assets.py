"""Copy the local files a course uses into the package, under safe, stable names."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from scormkit.archive import PackageFile
from scormkit.spec.course_checks import asset_refs
from scormkit.spec.document import format_path
from scormkit.spec.models import Course

ASSET_DIR = "assets"
# An image this big takes seconds on a slow connection, and every page that shows it waits.
LARGE_IMAGE = 200 * 1024
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def collect_assets(course: Course, base_dir: Path) -> tuple[dict[str, str], list[PackageFile]]:
    """Map each asset reference of the spec to its href in the package, and the files to add.

    Hrefs keep the author's folders and names where those are URL-safe; anything else
    (spaces, accents) becomes '-', because LMS servers differ in how they decode paths.
    """
    hrefs: dict[str, str] = {}
    files: list[PackageFile] = []
    taken: set[str] = set()
    for _, ref in asset_refs(course):
        if ref in hrefs:
            continue
        href = _free_href(_safe_href(ref), taken)
        taken.add(href)
        hrefs[ref] = href
        files.append(PackageFile(href, base_dir / ref))  # copied into the zip in chunks
    return hrefs, files


def _safe_href(ref: str) -> str:
    parts = [p for p in PurePosixPath(ref).parts if p not in (".", "")]
    return "/".join([ASSET_DIR, *(_safe_name(p) for p in parts)])


def _safe_name(name: str) -> str:
    """`Plan B.png` -> `Plan-B.png`; a name that would be empty or hidden (`é.png` -> `.png`)
    starts with `file` instead, because web servers refuse to serve hidden names."""
    safe = _UNSAFE.sub("-", name).strip("-")
    return safe if safe and not safe.startswith(".") else f"file{safe}"


def _free_href(href: str, taken: set[str]) -> str:
    stem, dot, suffix = href.rpartition(".")
    if not dot:
        stem, suffix = href, ""
    candidate, n = href, 2
    while candidate.lower() in {t.lower() for t in taken}:
        candidate = f"{stem}-{n}{dot}{suffix}"
        n += 1
    return candidate


def large_images(course: Course, base_dir: Path) -> list[str]:
    """A warning for each image the course uses that is over LARGE_IMAGE bytes, in spec order."""
    warnings: list[str] = []
    seen: set[str] = set()
    for path, ref in asset_refs(course):
        if ref in seen or not ref.lower().endswith(IMAGE_SUFFIXES):
            continue
        seen.add(ref)
        size = (base_dir / ref).stat().st_size
        if size > LARGE_IMAGE:
            warnings.append(
                f"{format_path(path)}: image '{ref}' is {size // 1024} KB; images over "
                f"{LARGE_IMAGE // 1024} KB slow every page that shows them (use SVG, or "
                "compress and resize the picture)"
            )
    return warnings
