"""Unpacking a package into a folder of its own, refusing entries that would escape it."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from lxml import etree

from scormkit.check.xmlread import parse_xml
from scormkit.preview.launch import Launch, launchable_items, read_launch


class UnsafePackage(ValueError):
    """A zip entry would land outside the folder the package is unpacked into."""


def unpack(zip_path: Path, dest: Path) -> Path:
    """Extract `zip_path` into the new folder `dest`, refusing entries that escape it."""
    dest.mkdir(parents=True)
    root = dest.resolve()
    with zipfile.ZipFile(zip_path) as zf:
        for entry in zf.infolist():
            name = entry.filename
            parts = PurePosixPath(name).parts
            target = root.joinpath(*parts).resolve()
            escapes = name.startswith("/") or "\\" in name or ".." in parts
            if escapes or not target.is_relative_to(root):
                raise UnsafePackage(f"{zip_path.name}: '{name}' would be written outside {dest}")
            if entry.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(entry) as source, target.open("wb") as out:
                out.write(source.read())
    return dest


def launch_of(package_dir: Path, item: str | None = None) -> Launch:
    """The launch of item `item` (default: the first) of the unpacked SCORM package."""
    return read_launch(_manifest(package_dir), item)


def items_of(package_dir: Path) -> list[str]:
    """The launchable items of the unpacked SCORM package, in the order of its organization."""
    return launchable_items(_manifest(package_dir))


def _manifest(package_dir: Path) -> etree._Element:
    manifest = package_dir / "imsmanifest.xml"
    return parse_xml(manifest.read_bytes(), "imsmanifest.xml")
