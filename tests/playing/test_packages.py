"""Unpacking packages, finding their launch file, and serving only what is mounted."""

from __future__ import annotations

import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from scormkit.errors import UnsafePackage
from scormkit.lms.server import LocalServer
from scormkit.testing.packages import launch_of, unpack

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <organizations default="second">
    <organization identifier="first">
      <title>Not the default</title>
      <item identifier="a" identifierref="r1"><title>A</title></item>
    </organization>
    <organization identifier="second">
      <title>The default</title>
      <item identifier="module"><title>Module</title>
        <item identifier="b" identifierref="r2" parameters="?page=intro">
          <title>B</title>
          <adlcp:masteryscore>75</adlcp:masteryscore>
          <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
        </item>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="one.html"/>
    <resource identifier="r2" type="webcontent" adlcp:scormtype="sco" href="two.html?lang=en"/>
  </resources>
</manifest>
"""


def zip_with(path: Path, names: list[str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name in names:
            zf.writestr(name, "x")
    return path


@pytest.mark.parametrize("name", ["../escaped.txt", "/etc/escaped.txt", "a/../../escaped.txt"])
def test_a_package_entry_that_would_land_outside_its_folder_is_refused(
    tmp_path: Path, name: str
) -> None:
    package = zip_with(tmp_path / "evil.zip", ["index.html", name])

    with pytest.raises(UnsafePackage, match="would be written outside"):
        unpack(package, tmp_path / "out" / "package")

    assert not (tmp_path / "out" / "escaped.txt").exists()


def test_a_package_unpacks_with_its_folders(tmp_path: Path) -> None:
    package = zip_with(tmp_path / "ok.zip", ["imsmanifest.xml", "assets/css/player.css"])

    folder = unpack(package, tmp_path / "package")

    assert (folder / "assets" / "css" / "player.css").read_text() == "x"


def test_the_launch_is_the_default_organizations_first_item_with_a_resource(
    tmp_path: Path,
) -> None:
    (tmp_path / "imsmanifest.xml").write_text(MANIFEST)

    launch = launch_of(tmp_path)

    assert launch.href == "content/two.html?lang=en&page=intro"
    assert launch.data == {
        "cmi.student_data.mastery_score": "75",
        "cmi.student_data.max_time_allowed": "00:30:00",
    }


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, b""


def test_the_server_serves_mounted_folders_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "page.html").write_text("hello")
    (tmp_path / "secret.txt").write_text("secret")

    with LocalServer() as server:
        base = server.mount("pkg/1", tmp_path / "public")
        assert fetch(base + "page.html") == (200, b"hello")
        assert fetch(base + "..%2Fsecret.txt")[0] == 404
        assert fetch(base + "../secret.txt")[0] == 404
        assert fetch(server.url + "/secret.txt")[0] == 404
        server.unmount("pkg/1")
        assert fetch(base + "page.html")[0] == 404
