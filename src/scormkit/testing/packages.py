"""Unpacked packages for tests: unpacking (`unpack`) and what an LMS reads to launch them."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from scormkit.lms.launch import Launch, launchable_items, read_launch

__all__ = ["items_of", "launch_of", "unpack"]
from scormkit.lms.package_zip import unpack
from scormkit.lms.xml_read import parse_xml


def launch_of(package_dir: Path, item: str | None = None) -> Launch:
    """The launch of item `item` (default: the first) of the unpacked SCORM package."""
    return read_launch(_manifest(package_dir), item)


def items_of(package_dir: Path) -> list[str]:
    """The launchable items of the unpacked SCORM package, in the order of its organization."""
    return launchable_items(_manifest(package_dir))


def _manifest(package_dir: Path) -> etree._Element:
    manifest = package_dir / "imsmanifest.xml"
    return parse_xml(manifest.read_bytes(), "imsmanifest.xml")
