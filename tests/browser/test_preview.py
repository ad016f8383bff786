"""`scormkit preview`: the server, the LMS page with its inspector, --watch, and the CLI."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from scormkit.preview import Preview
from scormkit.spec import load_course

if TYPE_CHECKING:
    from playwright.sync_api import Page

MINIMAL = Path(__file__).resolve().parents[2] / "course_specs" / "minimal.yaml"


def fetch(url: str, data: bytes | None = None) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, data=data, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, b""


def state(preview: Preview) -> dict[str, object]:
    status, body = fetch(preview.url + "api/state")
    assert status == 200
    data: dict[str, object] = json.loads(body)
    return data


@pytest.fixture
def preview() -> Iterator[Preview]:
    running = Preview(MINIMAL)
    yield running
    running.stop()


def test_the_preview_serves_the_lms_page_and_the_package_built_from_the_spec(
    preview: Preview,
) -> None:
    now = state(preview)
    assert now["standard"] == "scorm12"
    assert now["launch"] == "/pkg/1/index.html"
    assert now["data"] == {"cmi.student_data.mastery_score": "50"}
    status, page = fetch(preview.url)
    assert status == 200 and b"<title>scormkit preview</title>" in page
    status, launch = fetch(preview.server.url + str(now["launch"]))
    assert status == 200 and b"Minimal Course" in launch
    assert fetch(preview.server.url + "/pkg/1/../imsmanifest.xml")[0] == 404
    assert fetch(preview.server.url + "/lms/lms-api.js")[0] == 200


def test_switching_to_an_unknown_target_is_refused_and_a_known_one_rebuilds(
    preview: Preview,
) -> None:
    assert fetch(preview.url + "api/target", b"nope")[0] == 400
    assert fetch(preview.url + "api/target", b"scorm12")[0] == 200
    assert state(preview)["version"] == 2


def test_a_learner_completes_the_minimal_course_in_the_preview_and_the_inspector_shows_it(
    preview: Preview, page: Page
) -> None:
    from playwright.sync_api import expect

    from scormkit.testing.learner import Learner

    page.goto(preview.url)
    # The frame's element, not the page's frame list, which may learn of it a moment later.
    frame = page.wait_for_selector("iframe#course").content_frame()
    assert frame is not None
    learner = Learner(frame, load_course(MINIMAL))
    learner.work_through()
    learner.finish()
    status = page.locator('#data-model tr[data-element="cmi.core.lesson_status"] td').nth(1)
    expect(status).to_have_text("passed")
    expect(page.locator('#calls li[data-call="LMSInitialize"]')).to_have_count(1)
    expect(page.locator("#calls li.error")).to_have_count(0)

    page.locator("#relaunch").click()
    # The relaunched session starts with what the LMS kept from the first.
    expect(page.locator('#calls li[data-call="LMSInitialize"]')).to_have_count(1)
    expect(page.locator('#calls li[data-call="LMSFinish"]')).to_have_count(0)
    expect(status).to_have_text("passed")


def test_watch_rebuilds_when_the_spec_changes(tmp_path: Path) -> None:
    spec = tmp_path / "course.yaml"
    shutil.copy(MINIMAL, spec)
    running = Preview(spec, watch=True)
    try:
        spec.write_text(spec.read_text().replace("title: Minimal Course", "title: Changed Course"))
        deadline = time.monotonic() + 10
        while state(running)["version"] == 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        now = state(running)
        assert now["version"] == 2 and now["error"] == ""
        assert b"Changed Course" in fetch(running.server.url + str(now["launch"]))[1]
        spec.write_text("id: [")
        while state(running)["version"] == 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert str(state(running)["error"]).startswith(f"{spec}:1:")
    finally:
        running.stop()


def test_an_xapi_package_gets_the_statement_viewer_unavailable_notice(tmp_path: Path) -> None:
    zip_path = tmp_path / "x.zip"
    with zipfile.ZipFile(zip_path, "w") as zf:
        zf.writestr("tincan.xml", "<tincan/>")
    running = Preview(zip_path)
    try:
        now = state(running)
        assert (now["launch"], now["targets"]) == ("", [])
        assert str(now["notice"]).startswith("This package is xapi: the statement viewer needs")
    finally:
        running.stop()


def test_the_cli_prints_the_url_and_stops_cleanly_on_ctrl_c() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "scormkit", "preview", str(MINIMAL)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith(f"previewing {MINIMAL} at http://127.0.0.1:")
        url = line.split(" at ")[1].split()[0]
        assert fetch(url)[0] == 200
        process.send_signal(signal.SIGINT)
        out, errors = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert (process.returncode, out, errors) == (0, "preview stopped\n", "")
