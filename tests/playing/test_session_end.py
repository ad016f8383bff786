"""How xAPI and cmi5 launches end: `terminated` sent once, as the session's last request.

The test LMS (tests/lrs) refuses, as ADL's CATAPULT player does, every request of a session
after its `terminated` was stored (cmi5 spec 9.3.0.0-5, 8.1.2.0-2), and the `launcher`
fixture fails the test on any such request. Each way out is tried: Finish, Finish with a
return URL, closing the window and navigating it away mid-course (a moment after the last
answer; at once is test_window_close_race.py), and Finish while the LRS is down; for one AU,
for one AU per module, and for the xAPI (tincan.xml) target.
"""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from lxml import etree
from paths import REPO_ROOT, TESTS

from scormkit.build import build
from scormkit.spec import load_course
from scormkit.spec.models import Course
from scormkit.testing.learner import Learner, pages_of, questions_of, questions_on
from scormkit.xapi_activities import course_iri

from .xapi_lms import Launcher, verbs, wait_for

if TYPE_CHECKING:
    from lrs.gateway import Gateway
    from lrs.sessions import Call

SPECS = REPO_ROOT / "course_specs"
MINIMAL = SPECS / "minimal.yaml"
FLAGSHIP = SPECS / "healthcare-customer-service.yaml"
THREE_MODULES = (TESTS / "playing") / "specs" / "three-modules.yaml"
CS = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
RESUME = "scormkit.resume"
EXITS = ["finish", "finish-to-return-url", "close-window", "navigate-away"]


@dataclass(frozen=True)
class Au:
    """One AU of a built cmi5 package, and the part of the course it plays."""

    course: Course
    au_id: str
    mastery: float
    url: str
    activity_id: str  # the LMS's, not the publisher's (cmi5 spec 8.1)


def cmi5_au(per_module: bool, tmp_path: Path) -> tuple[Path, Au]:
    spec = THREE_MODULES if per_module else MINIMAL
    course = load_course(spec)
    zip_path = build(spec, target="cmi5", out_dir=tmp_path / "dist", launch_per_module=per_module)
    with zipfile.ZipFile(zip_path) as package:
        aus = etree.fromstring(package.read("cmi5.xml")).findall(f"{CS}au")
    au = next(a for a in aus if a.get("id", "").endswith("/au/check")) if per_module else aus[0]
    if per_module:
        course = course.model_copy(
            update={"modules": [m for m in course.modules if m.id == "check"]}
        )
    activity_id = f"https://lms.test/activities/{uuid.uuid4()}"
    url = au.findtext(f"{CS}url") or ""
    return zip_path, Au(
        course, au.get("id", ""), float(au.get("masteryScore", "")), url, activity_id
    )


def launch_minimal(launcher: Launcher, target: str, tmp_path: Path) -> tuple[Course, str]:
    """The minimal course built for `target` ("xapi" or "cmi5", one AU) and launched by the test
    LMS: the course the launch plays and the activity id it was launched with."""
    if target == "cmi5":
        zip_path, au = cmi5_au(False, tmp_path)
        launcher.serve(zip_path)
        launcher.launch_cmi5(au.activity_id, au.au_id, au.mastery)
        return au.course, au.activity_id
    course = load_course(MINIMAL)
    launcher.serve(build(MINIMAL, target="xapi", out_dir=tmp_path / "dist"))
    launcher.launch_xapi(course_iri(course))
    return course, course_iri(course)


def stop_midway(learner: Learner, course: Course) -> str:
    """Answer the course's first question only; the id of the page left open."""
    first = questions_of(course)[0]
    page = next(p for p in pages_of(course) if first in questions_on(p))
    index = learner.pages.index(page)
    if index:
        learner.work_through(until=index - 1)
        learner.next(index - 1)
    learner.answer(first)
    return page.id


def leave_by(
    exit: str, launcher: Launcher, learner: Learner, course: Course, return_to: str
) -> str:
    """Play and end the launch by `exit`; the id of the page the learner was on."""
    if exit.startswith("finish"):
        learner.work_through()
        learner.finish()
        if exit == "finish-to-return-url":
            launcher.page.wait_for_url(return_to)
        return learner.pages[-1].id
    on = stop_midway(learner, course)
    if exit == "close-window":
        launcher.close_window()
    else:
        launcher.leave()
    return on


def resume_written_before_terminated(calls: list[Call]) -> None:
    puts = [i for i, c in enumerate(calls) if c.method == "PUT" and c.document == RESUME]
    assert puts and puts[-1] < len(calls) - 1
    assert calls[puts[-1]].status < 300


@pytest.mark.parametrize("per_module", [False, True], ids=["one-au", "au-per-module"])
@pytest.mark.parametrize("exit", EXITS)
def test_a_cmi5_session_ends_with_one_terminated_as_its_last_request(
    launcher: Launcher, gateway: Gateway, tmp_path: Path, exit: str, per_module: bool
) -> None:
    zip_path, au = cmi5_au(per_module, tmp_path)
    launcher.serve(zip_path)
    launcher.launch_cmi5(
        au.activity_id, au.au_id, au.mastery, url=au.url, return_url=exit == "finish-to-return-url"
    )
    learner = Learner(launcher.page.main_frame, au.course)
    on = leave_by(exit, launcher, learner, au.course, f"{gateway.url}/return")
    calls = launcher.check_ended()
    resume_written_before_terminated(calls)
    saved = gateway.get_state(au.activity_id, launcher.actor, launcher.registration, RESUME)
    assert saved["location"] == on
    if exit.startswith("finish"):
        assert saved["sent"] == {"completed": True, "verdict": "passed"}
    said = verbs(launcher.statements())
    assert said[0] == "initialized" and said[-1] == "terminated"
    assert said.count("terminated") == 1
    if exit == "finish":
        assert launcher.page.url.startswith(launcher.gateway.url + "/pkg/"), "no returnURL, no move"


@pytest.mark.parametrize("per_module", [False, True], ids=["one-au", "au-per-module"])
def test_cmi5_finish_while_the_lrs_is_down_sends_terminated_last_once_it_is_back(
    launcher: Launcher, gateway: Gateway, tmp_path: Path, per_module: bool
) -> None:
    zip_path, au = cmi5_au(per_module, tmp_path)
    launcher.serve(zip_path)
    launcher.launch_cmi5(au.activity_id, au.au_id, au.mastery, url=au.url)
    learner = Learner(launcher.page.main_frame, au.course)
    launcher.wait_for_verbs("initialized")
    refused = gateway.refused_posts
    gateway.down = True
    try:
        learner.work_through()
        learner.finish()
        wait_for(lambda: gateway.refused_posts > refused + 1, "refused statements", launcher.page)
    finally:
        gateway.down = False
    launcher.page.wait_for_url(f"{gateway.url}/return")
    calls = launcher.check_ended()
    assert [c.status for c in calls if "terminated" in c.verbs][-1] == 200
    said = verbs(launcher.statements())
    assert said.count("terminated") == 1 and said[-1] == "terminated"
    assert said.count("passed") == 1 and said.count("completed") == 1


def test_a_cmi5_relaunch_sends_none_of_the_first_sessions_statements(
    launcher: Launcher, gateway: Gateway, tmp_path: Path
) -> None:
    zip_path, au = cmi5_au(False, tmp_path)
    launcher.serve(zip_path)
    launcher.launch_cmi5(au.activity_id, au.au_id, au.mastery, return_url=False)
    learner = Learner(launcher.page.main_frame, au.course)
    gateway.down = True  # what the first session sends now stays unsent, terminated too
    try:
        stop_midway(learner, au.course)
        launcher.leave()
        first = launcher.check_left()
    finally:
        gateway.down = False
    launcher.launch_cmi5(au.activity_id, au.au_id, au.mastery, return_url=False)
    course = au.course
    learner.continue_where_left_off()
    for question in questions_of(course)[1:]:
        learner.answer(question)
    learner.finish()
    second = launcher.check_ended()
    assert not {i for c in first for i in c.ids} & {i for c in second for i in c.ids}
    assert verbs(launcher.statements()).count("terminated") == 1


@pytest.mark.parametrize("exit", ["finish", "close-window", "navigate-away"])
def test_an_xapi_launch_sends_its_last_statement_once_as_its_last_request(
    launcher: Launcher, gateway: Gateway, tmp_path: Path, exit: str
) -> None:
    course = load_course(MINIMAL)
    launcher.serve(build(MINIMAL, target="xapi", out_dir=tmp_path / "dist"))
    launcher.launch_xapi(course_iri(course))
    learner = Learner(launcher.page.main_frame, course)
    leave_by(exit, launcher, learner, course, "")
    calls = launcher.check_ended()
    resume_written_before_terminated(calls)
    said = verbs(launcher.statements())
    assert said.count("terminated") == 1 and said[-1] == "terminated"
    if exit != "finish":
        assert said[-2] == "suspended"


def test_an_xapi_relaunch_sends_none_of_the_first_launchs_statements(
    launcher: Launcher, gateway: Gateway, tmp_path: Path
) -> None:
    course = load_course(MINIMAL)
    launcher.serve(build(MINIMAL, target="xapi", out_dir=tmp_path / "dist"))
    launcher.launch_xapi(course_iri(course))
    learner = Learner(launcher.page.main_frame, course)
    stop_midway(learner, course)
    launcher.leave()
    first = launcher.check_ended()
    launcher.launch_xapi(course_iri(course))
    learner.continue_where_left_off()
    for question in questions_of(course)[1:]:
        learner.answer(question)
    learner.finish()
    second = launcher.check_ended()
    assert not {i for c in first for i in c.ids} & {i for c in second for i in c.ids}
    stored = launcher.statements()
    launcher.check_valid(stored)
    assert verbs(stored).count("terminated") == 2


def test_every_au_of_the_flagship_one_per_module_ends_with_one_terminated(
    launcher: Launcher, gateway: Gateway, tmp_path: Path
) -> None:
    course = load_course(FLAGSHIP)
    zip_path = build(FLAGSHIP, target="cmi5", out_dir=tmp_path / "dist", launch_per_module=True)
    with zipfile.ZipFile(zip_path) as package:
        aus = etree.fromstring(package.read("cmi5.xml")).findall(f"{CS}au")
    assert len(aus) == len(course.modules)
    launcher.serve(zip_path)
    for au, module in zip(aus, course.modules, strict=True):
        mastery = au.get("masteryScore")
        launcher.launch_cmi5(
            f"https://lms.test/activities/{uuid.uuid4()}",
            au.get("id", ""),
            float(mastery) if mastery else None,
            url=au.findtext(f"{CS}url") or "",
        )
        part = course.model_copy(update={"modules": [module]})
        learner = Learner(launcher.page.main_frame, part)
        learner.work_through()
        learner.finish()
        launcher.page.wait_for_url(f"{gateway.url}/return")
        resume_written_before_terminated(launcher.check_ended())
    said = verbs(launcher.statements())
    assert said.count("initialized") == said.count("terminated") == len(aus)
