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
from paths import REPO_ROOT

from scormkit.preview import Preview
from scormkit.spec import load_course

if TYPE_CHECKING:
    from playwright.sync_api import Page

MINIMAL = REPO_ROOT / "course_specs" / "minimal.yaml"


def fetch(url: str, data: bytes | None = None, token: str = "") -> tuple[int, bytes]:
    """GET `url`, or POST `data` to it with the preview's session `token`."""
    headers = {"X-Scormkit-Token": token} if token else {}
    try:
        request = urllib.request.Request(url, data=data, headers=headers)
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, b""


def state(preview: Preview) -> dict[str, object]:
    status, body = fetch(preview.url + "api/state")
    assert status == 200
    data: dict[str, object] = json.loads(body)
    return data


def launch_url(preview: Preview) -> str:
    status, body = fetch(preview.url + "api/launch", b"", preview.server.token)
    assert status == 200
    url: str = json.loads(body)["url"]
    return url


def finish_minimal_course(preview: Preview, page: Page) -> None:
    """Open the preview page and work through the minimal course to Finish."""
    from scormkit.testing.learner import Learner

    page.goto(preview.url)
    # The frame's element, not the page's frame list, which may learn of it a moment later.
    frame = page.wait_for_selector("iframe#course").content_frame()
    assert frame is not None
    learner = Learner(frame, load_course(MINIMAL))
    learner.work_through()
    learner.finish()


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
    assert launch_url(preview) == "/pkg/1/index.html"
    assert now["data"] == {"cmi.student_data.mastery_score": "50"}
    status, page = fetch(preview.url)
    assert status == 200 and b"<title>scormkit preview</title>" in page
    status, launch = fetch(preview.server.url + launch_url(preview))
    assert status == 200 and b"Minimal Course" in launch
    assert fetch(preview.server.url + "/pkg/1/../imsmanifest.xml")[0] == 404
    assert fetch(preview.server.url + "/lms/lms-api.js")[0] == 200


def test_switching_to_an_unknown_target_is_refused_and_a_known_one_rebuilds(
    preview: Preview,
) -> None:
    assert fetch(preview.url + "api/target", b"nope", preview.server.token)[0] == 400
    assert fetch(preview.url + "api/target", b"scorm12", preview.server.token)[0] == 200
    assert state(preview)["version"] == 2


def test_a_learner_completes_the_minimal_course_in_the_preview_and_the_inspector_shows_it(
    preview: Preview, page: Page
) -> None:
    from playwright.sync_api import expect

    finish_minimal_course(preview, page)
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
        assert b"Changed Course" in fetch(running.server.url + launch_url(running))[1]
        spec.write_text("id: [")
        while state(running)["version"] == 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert str(state(running)["error"]).startswith(f"{spec}:1:")
    finally:
        running.stop()


def test_the_page_relaunches_the_rebuilt_course_and_reset_starts_afresh(
    tmp_path: Path, page: Page
) -> None:
    from playwright.sync_api import expect

    spec = tmp_path / "course.yaml"
    shutil.copy(MINIMAL, spec)
    running = Preview(spec, watch=True)
    try:
        page.goto(running.url)
        course = page.frame_locator("iframe#course")
        expect(course.locator("section[data-page-id]:not([hidden])")).to_have_count(1)
        spec.write_text(spec.read_text().replace("title: Welcome", "title: Hello again"))
        # The rebuilt course resumes like any relaunch: the learner answers its prompt.
        course.locator("#sk-resume-continue").click()
        expect(course.locator('section[data-page-id="welcome"] h2')).to_contain_text("Hello again")

        course.locator("#sk-next").click()
        location = page.locator('#data-model tr[data-element="cmi.core.lesson_location"] td').nth(1)
        expect(location).to_have_text("check")
        page.locator("#reset").click()
        expect(page.locator('#calls li[data-call="LMSInitialize"]')).to_have_count(1)
        expect(course.locator('section[data-page-id="welcome"]')).to_be_visible()
        status = page.locator('#data-model tr[data-element="cmi.core.entry"] td').nth(1)
        expect(status).to_have_text("ab-initio")
    finally:
        running.stop()


def test_switching_target_in_the_page_rebuilds_and_relaunches(page: Page) -> None:
    from playwright.sync_api import expect

    from scormkit.targets import TARGETS

    running = Preview(MINIMAL)
    try:
        page.goto(running.url)
        expect(page.locator("#package-label")).to_have_text("minimal.yaml → scorm12")
        expect(page.locator("#target option")).to_have_text(sorted(TARGETS))
        page.locator("#target").select_option("scorm2004")
        expect(page.locator("#package-label")).to_have_text("minimal.yaml → scorm2004")
        # The SCORM 2004 build talks to API_1484_11.
        expect(page.locator('#calls li[data-call="Initialize"]')).to_have_count(1)
        expect(page.locator("#calls li.error")).to_have_count(0)
        assert state(running)["version"] == 2
    finally:
        running.stop()


SCO_2004 = """<!doctype html><title>sco</title><p id="out"></p><script>
const api = window.parent.API_1484_11;
api.Initialize("");
document.getElementById("out").textContent =
  `entry=${api.GetValue("cmi.entry")} suspend=${api.GetValue("cmi.suspend_data")}`;
api.SetValue("cmi.suspend_data", "page-2");
api.SetValue("cmi.exit", "suspend");
api.Commit("");
window.addEventListener("pagehide", () => api.Terminate(""));
</script>
"""


def test_a_scorm_2004_package_resumes_when_relaunched_in_the_preview(
    tmp_path: Path, page: Page
) -> None:
    from playwright.sync_api import expect

    from tests.checking.corpus import manifest_2004

    zip_path = tmp_path / "sco.zip"
    with zipfile.ZipFile(zip_path, "w") as zf:
        zf.writestr("imsmanifest.xml", manifest_2004())
        zf.writestr("index.html", SCO_2004)
    running = Preview(zip_path)
    try:
        page.goto(running.url)
        out = page.frame_locator("iframe#course").locator("#out")
        expect(out).to_have_text("entry=ab-initio suspend=")
        page.locator("#relaunch").click()
        expect(out).to_have_text("entry=resume suspend=page-2")
        expect(page.locator("#calls li.error")).to_have_count(0)
    finally:
        running.stop()


TINCAN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
  <activity id="https://example.org/course" type="http://adlnet.gov/expapi/activities/course">
    <name>Course</name><launch lang="en">index.html</launch>
  </activity>
</activities></tincan>
"""
CMI5_XML = """<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/course">
    <title><langstring lang="en">C</langstring></title>
    <description><langstring lang="en">C</langstring></description>
  </course>
  <au id="https://example.org/au" moveOn="Completed">
    <title><langstring lang="en">AU</langstring></title>
    <description><langstring lang="en">AU</langstring></description>
    <url>index.html</url>
  </au>
</courseStructure>
"""
# A course page that sends one statement the way tincan (auth in the URL) or cmi5 (a token from
# the fetch URL, the context template from LMS.LaunchData) says to.
SENDER = """<!doctype html><title>sender</title><p id="out">sending</p><script type="module">
const q = new URLSearchParams(location.search);
const actor = JSON.parse(q.get("actor"));
let auth = q.get("auth"), context = {}, object = q.get("activity_id") || q.get("activityId");
if (q.get("fetch")) {
  const token = await (await fetch(q.get("fetch"), { method: "POST" })).json();
  auth = "Basic " + token["auth-token"];
  const state = new URLSearchParams({ stateId: "LMS.LaunchData", activityId: object,
    agent: JSON.stringify(actor), registration: q.get("registration") });
  context = (await (await fetch(q.get("endpoint") + "activities/state?" + state)).json())
    .contextTemplate;
}
const statement = { actor, object: { id: object }, context,
  verb: { id: "http://adlnet.gov/expapi/verbs/initialized", display: { en: "initialized" } } };
const sent = await fetch(q.get("endpoint") + "statements", { method: "POST", body:
  JSON.stringify(statement), headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3",
  "Content-Type": "application/json" } });
document.getElementById("out").textContent = "sent " + sent.status;
</script>
"""


@pytest.mark.parametrize(
    ("manifest", "text", "verbs"),
    [
        ("tincan.xml", TINCAN_XML, ["initialized"]),
        ("cmi5.xml", CMI5_XML, ["initialized", "launched"]),
    ],
    ids=["xapi", "cmi5"],
)
def test_the_statement_viewer_lists_what_an_xapi_or_cmi5_course_sends(
    manifest: str, text: str, verbs: list[str], tmp_path: Path, page: Page
) -> None:
    from playwright.sync_api import expect

    zip_path = tmp_path / "course.zip"
    with zipfile.ZipFile(zip_path, "w") as zf:
        zf.writestr(manifest, text)
        zf.writestr("index.html", SENDER)
    running = Preview(zip_path)
    try:
        page.goto(running.url)
        frame = page.wait_for_selector("iframe#course").content_frame()
        assert frame is not None
        expect(frame.locator("#out")).to_have_text("sent 200")
        items = page.locator("#statements li")
        expect(items).to_have_count(len(verbs))
        assert [items.nth(i).get_attribute("data-verb") for i in range(len(verbs))] == verbs
        statement = running.statements.statements[-1]
        assert statement["actor"] == {
            "objectType": "Agent",
            "name": "Learner, Preview",
            "account": {"homePage": "https://scormkit.invalid", "name": "learner-1"},
        }
        if manifest == "cmi5.xml":
            context = statement["context"]
            assert isinstance(context, dict)
            assert context["contextActivities"] == {"grouping": [{"id": "https://example.org/au"}]}
    finally:
        running.stop()


@pytest.mark.parametrize(
    ("target", "first"),
    [("xapi", ["initialized"]), ("cmi5", ["launched", "initialized"])],
)
def test_a_spec_previewed_for_xapi_or_cmi5_sends_its_statements_to_the_viewer(
    target: str, first: list[str], page: Page
) -> None:
    from playwright.sync_api import expect

    running = Preview(MINIMAL, target)
    try:
        assert (state(running)["standard"], state(running)["statements"]) == (target, True)
        finish_minimal_course(running, page)
        verbs = [*first, "experienced", "experienced", "answered", "answered", "completed"]
        verbs += ["passed", "terminated"]
        items = page.locator("#statements li")
        expect(items).to_have_count(len(verbs))
        shown = [items.nth(i).get_attribute("data-verb") for i in range(len(verbs))]
        assert shown == verbs[::-1]  # newest first
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


def test_the_cli_refuses_a_missing_source_with_exit_status_1(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "scormkit", "preview", str(missing)],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"error: {missing}: no such spec or package\n"
