"""What the redesigned player shows in Chromium against scorm-again: every role-play scene's
first choice on screen at 320x568, the cover, per-dimension points, the certificate with the
LMS's learner name, and a print layout of one page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import REPO_ROOT
from playwright.sync_api import expect

from scormkit.spec import load_course
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.testing.learner import Learner, scenarios_of

from .test_accessibility import AXE, violations

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Frame
    from scormkit.testing.lms import LmsSession

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"


def paths_to_every_scene(scenario: Scenario) -> list[list[str]]:
    """Choice paths from the start that together reach every scene with choices."""
    scenes = {scene.id: scene for scene in scenario.scenes}
    way: dict[str, list[str]] = {scenario.scenes[0].id: []}
    queue = [scenario.scenes[0].id]
    while queue:
        at = queue.pop(0)
        for choice in scenes[at].choices:
            if choice.goto not in way:
                way[choice.goto] = [*way[at], choice.id]
                queue.append(choice.goto)
    wanted = [s.id for s in scenario.scenes if s.choices]
    assert set(wanted) <= set(way), "every scene with choices is reachable"
    # One run per scene, ending on it: the check is of the scene the player brings up.
    return [way[scene_id] for scene_id in wanted]


def first_choice_top(frame: Frame, scenario: Scenario) -> float:
    """How far down the frame's viewport the first choice of the scene shown starts, in px."""
    return float(
        frame.evaluate(
            """id => document.querySelector(`[data-scenario="${id}"] [data-scene]:not([hidden])
                 button[data-choice]:not([hidden])`).getBoundingClientRect().top""",
            scenario.id,
        )
    )


def test_at_320_by_568_the_header_is_one_line_and_every_scene_shows_its_first_choice(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    course = load_course(FLAGSHIP)
    lms.page.set_viewport_size({"width": 320, "height": 568})
    frame = lms.launch(build_package(FLAGSHIP))
    learner = Learner(frame, course)
    scenario = scenarios_of(course)[0]
    page = next(p.id for m in course.modules for p in m.pages if p.activity is scenario)
    learner.expect_on(learner.pages[0].id)
    # The header stays one line: at most 64 px tall, the course title cut short with an ellipsis.
    header = frame.evaluate(
        """() => { const title = document.querySelector('.sk-title');
                   return [document.querySelector('.sk-header').getBoundingClientRect().height,
                           title.scrollWidth > title.clientWidth]; }"""
    )
    assert header[0] <= 64 and header[1], header
    learner.go_to(page)
    box = learner.scenario(scenario)
    # At least the choice's first line (44 px) is on screen, under the 56 px header.
    seen = {scenario.scenes[0].id: first_choice_top(frame, scenario)}
    for path in paths_to_every_scene(scenario)[1:]:
        learner.play(scenario, path[:-1])
        last = path[-1]
        shown = box.locator("[data-scene]:not([hidden])").get_attribute("data-scene") or ""
        box.locator(f'[data-scene="{shown}"] button[data-choice="{last}"]').click()
        if box.locator('[data-action="continue"]').is_visible():
            box.locator('[data-action="continue"]').click()
        scene = box.locator("[data-scene]:not([hidden])").get_attribute("data-scene") or ""
        seen[scene] = first_choice_top(frame, scenario)
        frame.evaluate(
            """id => { const box = document.querySelector(`[data-scenario="${id}"]`);
                       box.querySelector('[data-action="replay"]').hidden = false; }""",
            scenario.id,
        )
        box.locator('[data-action="replay"]').click()
    late = {scene: top for scene, top in seen.items() if not 56 <= top <= 568 - 44}
    assert late == {}, late
    assert set(seen) == {s.id for s in scenario.scenes if s.choices}


def test_the_flagship_certificate_names_the_scorm_learner_and_prints_on_one_page(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    course = load_course(FLAGSHIP)
    frame = lms.launch(build_package(FLAGSHIP))
    learner = Learner(frame, course)
    certificate = frame.locator("#sk-certificate")
    learner.work_through()
    expect(certificate).to_be_hidden()  # not before the course is complete
    learner.finish()
    expect(certificate).to_be_visible()
    # scorm-again's cmi.core.student_name is "Learner, Test": shown as the learner says it.
    expect(frame.locator("#sk-certificate-name")).to_have_text("Test Learner")
    expect(certificate).to_contain_text("Certificate of completion")
    expect(certificate).to_contain_text("Dana Whitfield")
    expect(certificate).to_contain_text(course.title)
    if AXE.is_file():
        assert violations(frame, "certificate") == []
    # Printing the certificate: nothing else of the page, and it fits one A4 page (297 mm less
    # 15 mm margins top and bottom, at 96 px per inch), so it fits Letter's width and height.
    frame.evaluate("() => document.body.classList.add('sk-printing-certificate')")
    lms.page.emulate_media(media="print")
    for hidden in ("#sk-done", ".sk-header", ".sk-nav", "#sk-certificate-print"):
        expect(frame.locator(hidden).first).to_be_hidden()
    height = frame.evaluate("() => document.documentElement.scrollHeight")
    assert height <= (297 - 30) / 25.4 * 96, height
    lms.page.emulate_media(media="screen")


def test_without_a_pass_the_certificate_stays_hidden(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    course = load_course(FLAGSHIP)
    frame = lms.launch(build_package(FLAGSHIP))
    learner = Learner(frame, course)
    # Every question of the first two quizzes wrong: under the course's 80% pass mark.
    quizzes = [p.activity for p in learner.pages if isinstance(p.activity, Quiz)][:2]
    learner.work_through(wrong=frozenset(q.id for quiz in quizzes for q in quiz.questions))
    learner.finish()
    expect(frame.locator("#sk-done")).to_contain_text("Your score is")
    expect(frame.locator("#sk-certificate")).to_be_hidden()


def test_a_keyboard_only_learner_sends_the_survey_finishes_and_prints_the_certificate(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    course = load_course(FLAGSHIP)
    frame = lms.launch(build_package(FLAGSHIP))
    learner = Learner(frame, course)
    learner.work_through()  # by mouse up to the survey, the last page
    survey = learner.pages[-1].activity
    assert isinstance(survey, Survey)
    keys = frame.page.keyboard
    box = frame.locator(f'[data-survey="{survey.id}"]')
    for item in survey.items:
        name = f"{survey.id}-{item.id}"
        if item.kind == "free_text":
            learner.tab_to(box.locator(f'textarea[name="{name}"]'))
            keys.type("Clear and useful.")
        else:
            learner.tab_to(box.locator(f'input[name="{name}"]').first)
            keys.press("ArrowDown")  # moves to the second option and checks it
            expect(box.locator(f'input[name="{name}"]').nth(1)).to_be_checked()
    learner.tab_to(box.locator('[data-action="send"]'))
    keys.press("Enter")
    expect(box.locator("[data-survey-status]")).to_have_text(
        "Thank you: your answers have been recorded."
    )
    learner.tab_to(frame.locator("#sk-finish"))
    keys.press("Enter")
    expect(frame.locator("#sk-certificate")).to_be_visible()
    frame.evaluate("() => { window.print = () => { window.printed = document.body.className; }; }")
    learner.tab_to(frame.locator("#sk-certificate-print"))
    keys.press("Enter")
    # The page printed with the certificate alone, then went back to the course.
    assert frame.evaluate("() => window.printed") == "sk-printing-certificate"
    assert frame.evaluate("() => document.body.className") == ""


def test_finishing_early_in_spanish_lists_only_what_is_left_in_its_plural_forms(
    lms: LmsSession, tmp_path: Path
) -> None:
    from scormkit.build import build
    from scormkit.testing.learner import questions_of

    course = load_course(FLAGSHIP).model_copy(update={"language": "es"})
    frame = lms.launch(build(course, "scorm12", tmp_path, base_dir=FLAGSHIP.parent))
    learner = Learner(frame, course)
    learner.expect_on(learner.pages[0].id)
    learner.go_to(learner.pages[-1].id)
    learner.finish()
    unseen = len(learner.pages) - 2
    questions = len(questions_of(course))
    expect(frame.locator("#sk-done p").first).to_have_text(
        f"Aún no ha terminado: {unseen} páginas sin ver, {questions} preguntas sin responder "
        "y 1 juego de rol sin terminar."
    )
