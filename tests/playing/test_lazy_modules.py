"""Modules loaded when opened (src/scormkit/plan/modules.py, runtime/launch.js), played in
Chromium against scorm-again: which module files a launch asks for, resuming into a later
module, and the message a learner sees when a module file cannot be loaded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from playwright.sync_api import Page, Request, Route, expect

from scormkit.spec import load_course
from scormkit.testing.learner import Learner, pages_of, questions_on

from .cmi12 import reported
from .test_accessibility import AXE, FLAGSHIP, screenshot, violations

if TYPE_CHECKING:
    from collections.abc import Callable

    from scormkit.testing import LmsSession

COURSE = load_course(FLAGSHIP)
FAILED = "This part of the course could not be loaded. Check your connection, then try again."


@pytest.fixture
def package(build_package: Callable[[Path], Path]) -> Path:
    return build_package(FLAGSHIP)


def module_files(page: Page) -> list[str]:
    """The module ids whose files the course asks for, in the order asked (filled as it runs)."""
    asked: list[str] = []

    def note(request: Request) -> None:
        if "/modules/" in request.url:
            asked.append(request.url.rsplit("/", 1)[-1].removesuffix(".json"))

    page.on("request", note)
    return asked


def first_page_of(index: int) -> str:
    return COURSE.modules[index].pages[0].id


def test_a_first_launch_asks_for_no_module_file_until_the_learner_goes_on(
    package: Path, lms: LmsSession, page: Page
) -> None:
    asked = module_files(page)
    learner = Learner(lms.launch(package), COURSE)
    learner.expect_on(first_page_of(0))
    # The next module is prefetched once the first page is on screen.
    expect(learner.section(first_page_of(1))).to_be_attached()
    assert asked == [COURSE.modules[1].id]
    learner.go_to(first_page_of(3))  # a module card away: its file is loaded when opened
    expect(learner.section(first_page_of(3)).locator("h2")).to_be_focused()
    expect(learner.section(first_page_of(4))).to_be_attached()  # and the one after it
    assert asked == [m.id for m in (COURSE.modules[1], COURSE.modules[3], COURSE.modules[4])]
    lms.close()
    assert lms.problems() == []


def test_the_menu_lists_every_page_once_the_first_page_is_shown(
    package: Path, lms: LmsSession, page: Page
) -> None:
    learner = Learner(lms.launch(package), COURSE)
    learner.expect_on(first_page_of(0))
    links = learner.frame.locator("#sk-menu a[data-page]")
    expect(links).to_have_count(len(pages_of(COURSE)))
    assert links.evaluate_all(
        "links => links.map((a) => [a.dataset.page, a.firstChild.textContent])"
    ) == [[p.id, p.title] for p in pages_of(COURSE)]
    learner.next(0)  # the page viewed is ticked, the open one marked current
    first = learner.frame.locator(f'#sk-menu a[data-page="{first_page_of(0)}"]')
    expect(first.locator(".sk-viewed")).to_have_count(1)
    second = learner.frame.locator(f'#sk-menu a[data-page="{pages_of(COURSE)[1].id}"]')
    expect(second).to_have_attribute("aria-current", "page")
    lms.close()
    assert lms.problems() == []


def test_resuming_in_a_later_module_loads_that_module_first_with_its_answers(
    package: Path, lms: LmsSession, page: Page
) -> None:
    pages = pages_of(COURSE)
    quiz_page = next(p for p in pages if questions_on(p) and p not in COURSE.modules[0].pages)
    module = next(m for m in COURSE.modules if quiz_page in m.pages)
    learner = Learner(lms.launch(package), COURSE)
    learner.go_to(quiz_page.id)
    answer = learner.answer(questions_on(quiz_page)[0])
    saved = lms.close()
    assert saved["cmi.core.lesson_location"] == quiz_page.id

    asked = module_files(page)
    resumed = Learner(lms.launch(package, saved=saved), COURSE)
    resumed.continue_where_left_off()
    resumed.expect_on(quiz_page.id)
    resumed.expect_answer_shown(answer)
    assert asked[0] == module.id
    lms.close()
    # Saved again with the answer kept, though the other modules were never opened.
    assert reported(lms.calls()).get("cmi.core.lesson_status") == "incomplete"
    assert lms.problems() == []


def test_a_module_file_that_fails_to_load_says_so_and_loads_on_try_again(
    package: Path, lms: LmsSession, page: Page
) -> None:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (npm ci)")
    target = COURSE.modules[2]
    failing = f"**/modules/{target.id}.json"

    def offline(route: Route) -> None:
        route.abort("internetdisconnected")

    page.route(failing, offline)
    frame = lms.launch(package)
    learner = Learner(frame, COURSE)
    learner.expect_on(first_page_of(0))
    frame.locator(f'#sk-menu a[data-page="{first_page_of(2)}"]').click()
    notice = frame.locator("#sk-offline")
    expect(notice).to_be_visible()
    expect(notice.locator("p").first).to_have_text(FAILED)
    expect(frame.locator("#sk-offline-retry")).to_be_focused()
    learner.expect_on(first_page_of(0))  # the learner stays where they were
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert violations(frame, f"failed module at {width} px") == []
    screenshot(frame, "module-failed")

    page.unroute(failing, offline)
    frame.locator("#sk-offline-retry").click()
    learner.expect_on(first_page_of(2))
    expect(notice).to_be_hidden()
    lms.close()
