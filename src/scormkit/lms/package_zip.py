"""Reading a zip from an untrusted source: members in memory, within limits, never extracted.

Each refusal raises `UnsafePackage` with a message saying what was refused and why, so a
hostile or broken zip gives exit status 2 and a clear line, never a traceback.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from scormkit.errors import UnsafePackage


@dataclass(frozen=True)
class Limits:
    """How much of a zip `PackageZip` accepts; the defaults fit the largest real courses."""

    members: int = 20_000
    total_size: int = 2 * 1024**3  # uncompressed bytes of all members together
    member_size: int = 1024**3  # uncompressed bytes of any one member
    ratio: int = 200  # uncompressed / compressed size, for members over `ratio_floor`
    ratio_floor: int = 1024**2
    read_size: int = 16 * 1024**2  # bytes read into memory of one member (manifests, pages)


class PackageZip:
    """The members of one zip, read in memory on request; opened only if it looks safe."""

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        self.path = path
        self.limits = limits or Limits()
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise UnsafePackage(str(path), "no such file") from None
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise UnsafePackage(path.name, f"not a readable zip file ({exc})") from None
        self.duplicates: list[str] = []  # names stored more than once; the first one counts
        try:
            self.infos = self._screen()
        except UnsafePackage:
            self._zip.close()
            raise

    def _screen(self) -> dict[str, zipfile.ZipInfo]:
        entries = self._zip.infolist()
        limits = self.limits
        if len(entries) > limits.members:
            raise UnsafePackage(
                self.path.name, f"refused: {len(entries)} members, more than {limits.members}"
            )
        infos: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in entries:
            name = info.filename
            refusal = _refusal(info, limits)
            if refusal:
                raise UnsafePackage(self.path.name, f"refused: '{name}' {refusal}")
            total += info.file_size
            if total > limits.total_size:
                raise UnsafePackage(
                    self.path.name,
                    f"refused: members unpack to more than {limits.total_size} bytes (zip bomb?)",
                )
            if info.is_dir():
                continue
            if name in infos:
                self.duplicates.append(name)
            infos.setdefault(name, info)
        return infos

    @property
    def names(self) -> list[str]:
        """The file members' names, sorted."""
        return sorted(self.infos)

    def size(self, name: str) -> int:
        """The uncompressed size the zip declares for `name`."""
        return self.infos[name].file_size

    def read(self, name: str, limit: int | None = None) -> bytes:
        """The bytes of member `name`, refusing more than `limit` (default: Limits.read_size)."""
        cap = self.limits.read_size if limit is None else limit
        info = self.infos[name]
        if info.file_size > cap:
            raise UnsafePackage(name, f"refused: {info.file_size} bytes, more than {cap}")
        if info.flag_bits & 0x1:
            raise UnsafePackage(name, "cannot be read: the member is encrypted")
        try:
            with self._zip.open(info) as stream:
                # Read one byte past the declared size: a member whose header lies about its
                # size is caught here instead of filling memory.
                data = stream.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise UnsafePackage(name, f"cannot be read: {exc}") from None
        if len(data) > info.file_size:
            raise UnsafePackage(name, "refused: holds more bytes than its header declares")
        return data

    def chunks(self, name: str, size: int = 256 * 1024) -> Iterator[bytes]:
        """The bytes of member `name` in pieces of `size`, for serving members of any size;
        stops at the size its header declares."""
        info = self.infos[name]
        left = info.file_size
        with self._zip.open(info) as stream:
            while left > 0 and (chunk := stream.read(min(size, left))):
                left -= len(chunk)
                yield chunk

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()


def _refusal(info: zipfile.ZipInfo, limits: Limits) -> str:
    """Why `info` makes the whole zip unsafe to read, or ""."""
    name = info.filename
    raw = info.orig_filename  # zipfile cuts `filename` at a NUL; judge the name as stored
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in raw):
        shown = raw.encode("unicode_escape").decode("ascii")
        return f"(stored as '{shown}') has a control character in its name"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "is an absolute path (zip-slip)"
    if ".." in parts:
        return "climbs out of the package with '..' (zip-slip)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    if info.file_size > limits.member_size:
        return f"unpacks to {info.file_size} bytes, more than {limits.member_size} (zip bomb?)"
    big = info.file_size > limits.ratio_floor
    if big and info.file_size > limits.ratio * max(info.compress_size, 1):
        return (
            f"is compressed {info.file_size // max(info.compress_size, 1)} to 1, more than "
            f"{limits.ratio} to 1 (zip bomb?)"
        )
    return ""


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
                raise UnsafePackage(zip_path.name, f"'{name}' would be written outside {dest}")
            if entry.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(entry) as source, target.open("wb") as out:
                out.write(source.read())
    return dest
