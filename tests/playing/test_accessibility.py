"""WCAG 2.1 AA: axe-core finds nothing on any page of the flagship in any state a learner
meets, in English and Spanish, at 1280 and 320 px wide; a keyboard-only learner completes a
quiz, and screenshots of each kind of page at 320 and 1280 px wide go to tests/artifacts/ (not
committed) for people to look at.

axe-core is injected into the page by the test only; packages never ship it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from playwright.sync_api import Frame, expect

from scormkit.build import build
from scormkit.spec import load_course
from scormkit.spec.activities import Scenario, Survey
from scormkit.testing.learner import Learner, best_path, pages_of, questions_on

from .cmi12 import interactions, reported
from .requirements import REPO_ROOT, skip_or_fail

if TYPE_CHECKING:
    from collections.abc import Callable

    from scormkit.testing.lms_session import LmsSession

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
FLAGSHIP = REPO_ROOT / "course_specs" / "healthcare-customer-service.yaml"
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
# WCAG 2.0/2.1 A and AA rules: what the issue asks for.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(frame: Frame, where: str) -> list[str]:
    """axe-core's WCAG A/AA violations on the frame's document, one line each."""
    if not frame.evaluate("() => Boolean(window.axe)"):
        frame.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = frame.evaluate(
        "options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS
    )
    return [
        f"{where}: {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in found
    ]


def screenshot(frame: Frame, name: str) -> None:
    """What the learner sees of the open page at 320 and 1280 px wide, scrolled to the top."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = frame.page
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        frame.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"))
    page.set_viewport_size({"width": 1280, "height": 720})


@pytest.fixture
def flagship(build_package: Callable[[Path], Path]) -> Path:
    if not AXE.is_file():
        skip_or_fail([f"axe-core in {AXE.parent.relative_to(REPO_ROOT)} (npm ci)"])
    return build_package(FLAGSHIP)


@pytest.mark.parametrize(
    ("language", "width"), [("en", 1280), ("en", 320), ("es", 1280), ("es", 320)]
)
def test_axe_finds_no_wcag_violation_on_any_page_of_the_flagship_or_its_screens(
    flagship: Path, lms: LmsSession, tmp_path: Path, language: str, width: int
) -> None:
    course = load_course(FLAGSHIP).model_copy(update={"language": language})
    if language != "en":  # the same course with the player's words in another language
        flagship = build(course, "scorm12", tmp_path / language, base_dir=FLAGSHIP.parent)
    lms.page.set_viewport_size({"width": width, "height": 720})
    frame = lms.launch(flagship)
    learner = Learner(frame, course)
    found = violations(frame, "cover")
    shot: set[str] = set()
    if frame.locator("#sk-menu-toggle").is_visible():
        frame.locator("#sk-menu-toggle").click()
        found += violations(frame, "menu drawer open")
        frame.locator("#sk-menu-toggle").click()
    frame.locator("#sk-start").click()
    for index, page in enumerate(learner.pages):
        learner.expect_on(page.id)
        found += violations(frame, page.id)
        kind = page.activity.type if page.activity else "content"
        if kind not in shot and (language, width) == ("en", 1280):
            screenshot(frame, kind)
            shot.add(kind)
            lms.page.set_viewport_size({"width": width, "height": 720})
        questions = questions_on(page)
        for n, question in enumerate(questions):
            # Wrong first where possible, so the wrong-answer marks and the review are checked.
            learner.answer(question, right=n % 2 == 0)
        if questions:
            found += violations(frame, f"{page.id} answered")
            if "quiz-answered" not in shot and (language, width) == ("en", 1280):
                screenshot(frame, "quiz-answered")
                shot.add("quiz-answered")
        if isinstance(page.activity, Survey):
            learner.fill_survey(page.activity, {page.activity.items[0].id: "4"})
            found += violations(frame, f"{page.id} sent")
        if isinstance(page.activity, Scenario):
            found += scenes_checked(learner, frame, page.activity)
        if index < len(learner.pages) - 1:
            learner.next(index)
    learner.finish()
    expect(frame.locator("#sk-done")).to_be_visible()
    found += violations(frame, "finished")
    screenshot(frame, "finished")
    lms.page.set_viewport_size({"width": width, "height": 720})
    saved = lms.close()

    resumed = lms.launch(flagship, saved=saved)
    expect(resumed.locator("#sk-resume")).to_be_visible()
    found += violations(resumed, "resume prompt")
    resumed.locator("#sk-resume-restart").click()
    found += violations(resumed, "start over confirmation")
    screenshot(resumed, "resume")
    lms.close()
    assert found == [], "\n".join(found)


# A way through the flagship role-play that loses every life, so together with the best path
# the learner meets most scenes, the out-of-lives debrief and "Try again".
LOSING_PATH = ["lower-voice", "apologize-reset", "search-by-name", "share-anyway"]


def scenes_checked(learner: Learner, frame: Frame, scenario: Scenario) -> list[str]:
    """axe-core on every scene of a losing run, then of the best run after "Try again"."""
    found: list[str] = []
    box = learner.scenario(scenario)
    for path in (LOSING_PATH, best_path(scenario)):
        for choice in path:
            found += violations(frame, f"{scenario.id} scene before {choice}")
            learner.play(scenario, [choice])
        found += violations(frame, f"{scenario.id} at the end of {path[-1]}")
        if path is LOSING_PATH:
            expect(box.locator("[data-out-of-lives]")).to_be_visible()
            box.locator('[data-action="replay"]').click()
    return found


def tab_to(frame: Frame, selector: str, *, limit: int = 400) -> None:
    """Press Tab until the element matching `selector` has focus."""
    target = frame.locator(selector).first
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        frame.page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_a_keyboard_only_learner_completes_a_quiz(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    spec = REPO_ROOT / "tests" / "specs" / "every-question.yaml"
    course = load_course(spec)
    frame = lms.launch(build_package(spec))
    keys = frame.page.keyboard
    Learner(frame, course).expect_on("intro")
    tab_to(frame, "#sk-next")
    keys.press("Enter")
    # Focus moves to the new page's heading, so the next Tab starts on the page.
    expect(frame.locator("#sk-h-quiz-page")).to_be_focused()
    quiz_page = pages_of(course)[1]
    for question in questions_on(quiz_page):
        box = f'[data-question="{question.id}"]'
        answer = {
            "q-single": ["b"],
            "q-multi": ["a", "c"],
            "q-tf": ["f"],
            "q-fill": "hipaa",
            "q-num": "15",
            "q-exact": "30",
            "q-match": ["a", "b"],
            "q-seq": ["a", "b", "c", "d"],
        }[question.id]
        if question.type == "single_choice" or question.type == "true_false":
            tab_to(frame, f"{box} input")
            # Arrow keys move through a radio group, checking as they go.
            while frame.locator(f"{box} input:focus").get_attribute("value") != answer[0]:
                keys.press("ArrowDown")
            keys.press("Space")
        elif question.type == "multiple_choice":
            for letter in answer:
                tab_to(frame, f'{box} input[value="{letter}"]')
                keys.press("Space")
        elif isinstance(answer, str):
            tab_to(frame, f"{box} input")
            keys.type(answer)
        else:
            for slot, letter in enumerate(answer):
                tab_to(frame, f"{box} select >> nth={slot}")
                # A closed select takes arrow keys; stop on the wanted option.
                select = frame.locator(f"{box} select").nth(slot)
                while select.input_value() != letter:
                    keys.press("ArrowDown")
        tab_to(frame, f'{box} [data-action="check"]')
        keys.press("Enter")
        expect(frame.locator(f"{box} [data-feedback]")).to_contain_text("Correct.")
        # The Check button is gone; focus stays in the question, on its feedback.
        expect(frame.locator(f"{box} [data-feedback]")).to_be_focused()
    expect(frame.locator("[data-quiz-result]")).to_contain_text("Passed.")
    lms.close()
    values = reported(lms.calls())
    assert values["cmi.core.lesson_status"] == "incomplete"  # the survey page is not seen yet
    assert [row["result"] for row in interactions(values)] == ["correct"] * 8


def test_axe_finds_no_violation_in_a_spanish_drawn_quiz_with_its_retry_and_review(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    if not AXE.is_file():
        skip_or_fail([f"axe-core in {AXE.parent.relative_to(REPO_ROOT)} (npm ci)"])
    spec = REPO_ROOT / "tests" / "specs" / "retry-draw.yaml"
    course = load_course(spec)
    by_id = {q.id: q for q in questions_on(pages_of(course)[0])}
    frame = lms.launch(build_package(spec))
    learner = Learner(frame, course)
    learner.expect_on("quiz-page")
    found = violations(frame, "drawn quiz")
    shown = frame.locator("[data-question]:not([hidden])")
    for i in range(shown.count()):
        learner.answer(by_id[shown.nth(i).get_attribute("data-question") or ""], right=False)
    expect(frame.locator('[data-action="retry"]')).to_be_visible()
    found += violations(frame, "drawn quiz with retry and review")
    screenshot(frame, "quiz-retry")
    lms.close()
    assert found == [], "\n".join(found)
