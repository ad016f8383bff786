"""The test LMS itself, proven with tiny hand-written SCOs built in each test's tmp_path."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from playwright.sync_api import expect

if TYPE_CHECKING:
    from scormkit.testing import LmsSession

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tiny" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Tiny</title>
      <item identifier="item" identifierref="sco"{parameters}>
        <title>Tiny SCO</title>{item_data}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="sco/index.html">
      <file href="sco/index.html"/>
    </resource>
  </resources>
</manifest>
"""
# The SCORM 1.2 API discovery of RTE 3.3: the API object in a parent window (7 tries),
# then in the opener's.
SCO = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Tiny SCO</title><link rel="icon" href="data:,"></head>
<body>
<p id="out"></p>
<script>
function findApi(win) {{
  for (let tries = 0; !win.API && win.parent && win.parent !== win && tries < 7; tries++) {{
    win = win.parent;
  }}
  return win.API || null;
}}
const api = findApi(window) || (window.opener && findApi(window.opener));
const show = (text) => {{ document.getElementById("out").textContent = text; }};
{script}
</script>
</body>
</html>
"""
# Ends the session as SCOs should: when the window goes away.
SUSPEND_ON_PAGEHIDE = """
window.addEventListener("pagehide", () => {
  api.LMSSetValue("cmi.core.exit", "suspend");
  api.LMSSetValue("cmi.core.session_time", "00:00:01");
  api.LMSFinish("");
});
"""


def tiny_package(folder: Path, script: str, *, item_data: str = "", parameters: str = "") -> Path:
    """A one-SCO SCORM 1.2 package whose page runs `script` (with `api` and `show` defined)."""
    zip_path = folder / "tiny.zip"
    manifest = MANIFEST.format(
        item_data=item_data, parameters=f' parameters="{parameters}"' if parameters else ""
    )
    with zipfile.ZipFile(zip_path, "w") as zf:
        zf.writestr("imsmanifest.xml", manifest)
        zf.writestr("sco/index.html", SCO.format(script=script))
    return zip_path


def test_the_lms_records_every_call_the_course_makes_with_its_answer(
    lms: LmsSession, tmp_path: Path
) -> None:
    package = tiny_package(
        tmp_path,
        """
        api.LMSInitialize("");
        api.LMSSetValue("cmi.core.lesson_status", "incomplete");
        api.LMSSetValue("cmi.core.score.raw", "150");
        api.LMSCommit("");
        show("started");
        """
        + SUSPEND_ON_PAGEHIDE,
    )
    frame = lms.launch(package)
    expect(frame.locator("#out")).to_have_text("started")

    calls = lms.calls()
    assert [(c.name, c.args, c.result, c.error) for c in calls] == [
        ("LMSInitialize", [""], "true", "0"),
        ("LMSSetValue", ["cmi.core.lesson_status", "incomplete"], "true", "0"),
        # scorm-again checks CMIDecimal 0-100 for scores: 405, incorrect data type.
        ("LMSSetValue", ["cmi.core.score.raw", "150"], "false", "405"),
        ("LMSCommit", [""], "true", "0"),
    ]
    lms.close()
    assert [c.name for c in lms.calls()[-3:]] == ["LMSSetValue", "LMSSetValue", "LMSFinish"]
    assert lms.problems() == []


def test_the_lms_gives_the_course_its_learner_and_what_the_manifest_sets(
    lms: LmsSession, tmp_path: Path
) -> None:
    package = tiny_package(
        tmp_path,
        """
        api.LMSInitialize("");
        const read = (element) => api.LMSGetValue(element);
        show([
          read("cmi.core.student_name"), read("cmi.core.entry"), read("cmi.core.credit"),
          read("cmi.student_data.mastery_score"), read("cmi.launch_data"), location.search,
        ].join(" | "));
        """,
        item_data="<adlcp:datafromlms>mode=guided</adlcp:datafromlms>"
        "<adlcp:masteryscore>80</adlcp:masteryscore>",
        parameters="?lang=en",
    )
    frame = lms.launch(package)

    expect(frame.locator("#out")).to_have_text(
        "Learner, Test | ab-initio | credit | 80 | mode=guided | ?lang=en"
    )


def test_a_course_that_exits_with_suspend_resumes_with_its_bookmark_and_suspend_data(
    lms: LmsSession, tmp_path: Path
) -> None:
    package = tiny_package(
        tmp_path,
        """
        api.LMSInitialize("");
        const visit = Number(api.LMSGetValue("cmi.suspend_data") || "0") + 1;
        api.LMSSetValue("cmi.suspend_data", String(visit));
        api.LMSSetValue("cmi.core.lesson_location", "visit-" + visit);
        show(api.LMSGetValue("cmi.core.entry") + " " + visit);
        """
        + SUSPEND_ON_PAGEHIDE,
    )
    expect(lms.launch(package).locator("#out")).to_have_text("ab-initio 1")
    saved = lms.close()

    assert saved["cmi.core.entry"] == "resume"
    assert saved["cmi.suspend_data"] == "1"
    assert saved["cmi.core.lesson_location"] == "visit-1"
    assert saved["cmi.core.total_time"] == "00:00:01"
    assert not any(key.startswith(("cmi.core.exit", "cmi.core.session_time")) for key in saved)

    expect(lms.launch(package, saved=saved).locator("#out")).to_have_text("resume 2")
    assert lms.calls()[0].name == "LMSInitialize"
    lms.close()
    assert lms.data_model()["cmi.core.total_time"] == "00:00:02"


def test_a_course_in_a_window_of_its_own_finds_the_lms_through_its_opener(
    lms: LmsSession, tmp_path: Path
) -> None:
    package = tiny_package(
        tmp_path,
        """
        api.LMSInitialize("");
        show(window.opener ? "in a window of its own" : "in a frame");
        """
        + SUSPEND_ON_PAGEHIDE,
    )
    expect(lms.launch(package, new_window=True).locator("#out")).to_have_text(
        "in a window of its own"
    )

    assert lms.close()["cmi.core.entry"] == "resume"
    names = [call.name for call in lms.calls()]
    assert names == ["LMSInitialize", "LMSSetValue", "LMSSetValue", "LMSFinish"]
    assert lms.problems() == []


def test_a_course_that_exits_without_suspend_gets_no_resume_entry(
    lms: LmsSession, tmp_path: Path
) -> None:
    package = tiny_package(
        tmp_path,
        """
        api.LMSInitialize("");
        show("started");
        window.addEventListener("pagehide", () => api.LMSFinish(""));
        """,
    )
    expect(lms.launch(package).locator("#out")).to_have_text("started")

    assert lms.close()["cmi.core.entry"] == ""


def test_closing_a_course_that_never_calls_lmsfinish_is_reported(
    lms: LmsSession, tmp_path: Path
) -> None:
    package = tiny_package(tmp_path, 'api.LMSInitialize(""); show("started");')
    expect(lms.launch(package).locator("#out")).to_have_text("started")

    with pytest.raises(AssertionError, match="did not call LMSFinish"):
        lms.close()


def test_a_course_opened_without_an_lms_finds_no_api(lms: LmsSession, tmp_path: Path) -> None:
    package = tiny_package(tmp_path, 'show(api ? "tracked" : "not tracked");')

    frame = lms.open_without_lms(package)

    expect(frame.locator("#out")).to_have_text("not tracked")
    assert lms.problems() == []


def test_console_errors_exceptions_missing_files_and_outside_requests_are_reported(
    lms: LmsSession, tmp_path: Path
) -> None:
    package = tiny_package(
        tmp_path,
        """
        console.error("something broke");
        setTimeout(() => { throw new Error("nobody caught this"); });
        const image = new Image();
        const missing = new Promise((done) => { image.onerror = done; });
        image.src = "missing.png";
        const outside = fetch("http://example.com/track").catch(() => {});
        Promise.all([missing, outside]).then(() => setTimeout(() => show("done"), 50));
        """,
    )
    frame = lms.launch(package)
    expect(frame.locator("#out")).to_have_text("done")

    problems = "\n".join(lms.problems())
    assert "console error: something broke" in problems
    assert re.search(r"uncaught exception: Error: nobody caught this", problems)
    assert re.search(r"HTTP error: http://127\.0\.0\.1:\d+/pkg/\d+/sco/missing\.png: 404", problems)
    assert "request outside 127.0.0.1: http://example.com/track" in problems
