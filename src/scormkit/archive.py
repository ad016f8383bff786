"""Write package files to a zip: the same files always give the same bytes."""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


@dataclass(frozen=True)
class PackageFile:
    """One file of a package: its path inside the zip (forward slashes) and its bytes."""

    href: str
    data: bytes


def write_zip(files: Iterable[PackageFile], dest: Path) -> None:
    """Write `files` to `dest` atomically; a failed write leaves no partial zip behind."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        with zipfile.ZipFile(temp, "w") as zf:
            for file in sorted(files, key=lambda f: f.href):
                info = zipfile.ZipInfo(file.href, date_time=ZIP_EPOCH)
                info.external_attr = 0o644 << 16
                info.create_system = (
                    3  # Unix, so the permission bits above are read the same everywhere
                )
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, file.data, compresslevel=9)
        temp.chmod(0o644)
        temp.replace(dest)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
