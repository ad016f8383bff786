"""The zip writer: files on disk are streamed in, with the bytes of the same content given whole."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from scormkit.archive import COPY_CHUNK, PackageFile, write_zip


def test_a_file_streamed_from_disk_gives_the_same_zip_as_its_bytes(tmp_path: Path) -> None:
    video = tmp_path / "talk.mp4"
    # Over three chunks of text-like bytes, so deflate's window spans chunk ends and the level
    # shows in the output.
    words = random.Random(7).choices(
        ["call", "patient", "name", "date", "of", "birth", "we"], k=800_000
    )
    content = " ".join(words).encode()
    assert len(content) > 3 * COPY_CHUNK
    video.write_bytes(content)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    whole, streamed = tmp_path / "whole.zip", tmp_path / "streamed.zip"
    write_zip([PackageFile("a/talk.mp4", content), PackageFile("b.pdf", b"")], whole)
    write_zip([PackageFile("a/talk.mp4", video), PackageFile("b.pdf", empty)], streamed)
    assert streamed.read_bytes() == whole.read_bytes()
    with zipfile.ZipFile(streamed) as zf:
        assert zf.read("a/talk.mp4") == content
        info = zf.getinfo("a/talk.mp4")
        assert (info.compress_type, info.date_time) == (zipfile.ZIP_DEFLATED, (1980, 1, 1, 0, 0, 0))


def test_a_file_that_vanishes_leaves_no_partial_zip(tmp_path: Path) -> None:
    dest = tmp_path / "out" / "course.zip"
    files = [PackageFile("index.html", b"<p>"), PackageFile("x.png", tmp_path / "gone.png")]
    with pytest.raises(FileNotFoundError):
        write_zip(files, dest)
    assert list(dest.parent.iterdir()) == []
