"""Write package files to a zip: the same files always give the same bytes."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
# Files on disk (assets, control documents) are copied into the zip this many bytes at a time,
# so a build's memory stays flat however large a course's videos or PDFs are.
COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PackageFile:
    """One file of a package: its path inside the zip (forward slashes) and its content,
    either bytes the build made or a file on disk, copied in chunks as the zip is written."""

    href: str
    data: bytes | Path


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
                if isinstance(file.data, Path):
                    _copy_file(zf, info, file.data)
                else:
                    zf.writestr(info, file.data, compresslevel=9)
        temp.chmod(0o644)
        temp.replace(dest)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _copy_file(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: Path) -> None:
    """Deflate `source` into `zf` chunk by chunk, giving the bytes `writestr` would."""
    if sys.version_info >= (3, 13):
        info.compress_level = 9
    else:  # the same attribute under its pre-3.13 name, the one `writestr` sets
        info._compresslevel = 9  # type: ignore[attr-defined]
    with source.open("rb") as reader:
        # Known before writing, as with `writestr`: it decides whether the entry needs ZIP64.
        info.file_size = os.fstat(reader.fileno()).st_size
        with zf.open(info, "w") as writer:
            shutil.copyfileobj(reader, writer, COPY_CHUNK)
