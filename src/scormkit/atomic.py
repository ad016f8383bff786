"""Files written whole or not at all: each is written under a temporary name beside its
destination and renamed over it once complete, so a failure or Ctrl-C leaves the destination as
it was and no partial file. (Zips do the same in archive.py, which imports nothing of ours.)"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(dest: Path) -> Iterator[Path]:
    """A temporary path to write; renamed to `dest` when the block ends without an error."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        temp.chmod(0o644)  # mkstemp's 0600 would hide the file from other users
        temp.replace(dest)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_file(dest: Path, data: str | bytes) -> None:
    """Write `data` (text as UTF-8) to `dest`, whole or not at all."""
    with replacing(dest) as temp:
        temp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
