"""Branching scenarios played in Chromium against scorm-again: the flagship role-play won, lost
with its lives run out, resumed mid-way and played with the keyboard alone; a timer run out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import REPO_ROOT
from playwright.sync_api import expect

from scormkit.spec import Course, load_course
from scormkit.spec.activities import Scenario
from scormkit.testing.learner import Learner, best_path, expected_interaction, scenarios_of

from .cmi12 import interactions, nonconforming, reported

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Frame

    from scormkit.testing.lms_session import LmsSession

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
TIMED = ROOT / "tests" / "specs" / "scenario-timer.yaml"
# Three lives lost: shouted down, a chart opened by name alone, then its contents shared.
LOSING_PATH = ["lower-voice", "apologize-reset", "search-by-name", "share-anyway"]


@pytest.fixture(scope="module")
def flagship() -> Course:
    return load_course(FLAGSHIP)


@pytest.fixture
def flagship_zip(build_package: Callable[[Path], Path]) -> Path:
    return build_package(FLAGSHIP)


def role_play(course: Course) -> tuple[Scenario, str]:
    """The course's first scenario and the id of its page."""
    scenario = scenarios_of(course)[0]
    page = next(p.id for m in course.modules for p in m.pages if p.activity is scenario)
    return scenario, page


def open_scenario(frame: Frame, course: Course) -> tuple[Learner, Scenario]:
    learner = Learner(frame, course)
    scenario, page = role_play(course)
    learner.expect_on(learner.pages[0].id)
    learner.go_to(page)
    return learner, scenario


def test_the_flagship_winning_path_ends_in_success_with_every_badge_and_reported_choices(
    flagship: Course, flagship_zip: Path, lms: LmsSession
) -> None:
    learner, scenario = open_scenario(lms.launch(flagship_zip), flagship)
    path = best_path(scenario)
    learner.play(scenario, path)

    box = learner.scenario(scenario)
    learner.expect_scene(scenario, "success-end")
    expect(box.locator('[data-scene="success-end"] [data-debrief]')).to_be_visible()
    expect(box.locator("[data-result]")).to_have_text(re.compile("successful.*counts as passed"))
    for badge in scenario.badges:
        expect(box.locator(f'li[data-badge="{badge.id}"]')).to_be_visible()
    expect(box.locator("[data-lives]")).to_have_text("Lives: 3 of 3")
    expect(box.locator("[data-points]")).to_have_text("Points: empathy 5, privacy 6, resolution 6")
    expect(box.locator('[data-action="replay"]')).to_be_visible()
    # The menu's shelf: points per dimension, never added across them, and every badge earned.
    expect(learner.frame.locator("#sk-points")).to_have_text("empathy 5, privacy 6, resolution 6")
    expect(learner.frame.locator("#sk-points .sk-chip")).to_have_count(3)
    for badge in scenario.badges:
        expect(learner.frame.locator(f'#sk-score [data-badge="{badge.id}"]')).to_have_text(
            badge.title
        )
    lms.close()

    values = reported(lms.calls())
    assert nonconforming(values) == []
    assert [
        {k: row.get(k) for k in ("id", "type", "student_response", "result")}
        for row in interactions(values)
    ] == [expected_interaction(c) for c in learner.chosen]
    assert [row["id"] for row in interactions(values)][:2] == [
        "scenario-delayed-result.arrival",
        "scenario-delayed-result.private-spot",
    ]
    assert all("correct_responses.0.pattern" not in row for row in interactions(values))
    assert [c.error for c in lms.calls() if c.name == "LMSSetValue" and c.error != "0"] == []
    assert lms.problems() == []


def test_losing_every_life_ends_the_flagship_as_a_failure_with_a_debrief_and_try_again(
    flagship: Course, flagship_zip: Path, lms: LmsSession
) -> None:
    learner, scenario = open_scenario(lms.launch(flagship_zip), flagship)
    learner.play(scenario, LOSING_PATH)

    box = learner.scenario(scenario)
    expect(box.locator("[data-out-of-lives]")).to_be_visible()
    expect(box.locator("[data-scene]:not([hidden])")).to_have_count(0)
    expect(box.locator("[data-out-of-lives]")).to_contain_text("lives")
    expect(box.locator("[data-lives]")).to_have_text("Lives: 0 of 3")
    expect(box.locator("[data-result]")).to_have_text(re.compile("did not go well"))
    expect(box.locator("[data-badge-shelf]")).to_be_hidden()
    assert [c.result for c in learner.chosen] == ["wrong", "correct", "wrong", "wrong"]

    box.locator('[data-action="replay"]').click()
    learner.expect_scene(scenario, scenario.start)
    expect(box.locator("[data-lives]")).to_have_text("Lives: 3 of 3")
    lms.close()
    assert reported(lms.calls())["cmi.core.lesson_status"] == "incomplete"
    assert lms.problems() == []


def test_a_learner_who_leaves_mid_scenario_resumes_on_that_scene_with_their_lives_and_points(
    flagship: Course, flagship_zip: Path, lms: LmsSession
) -> None:
    learner, scenario = open_scenario(lms.launch(flagship_zip), flagship)
    learner.play(scenario, ["lower-voice", "apologize-reset"])
    box = learner.scenario(scenario)
    lives = box.locator("[data-lives]").text_content()
    points = box.locator("[data-points]").text_content()
    assert (lives, points) == ("Lives: 2 of 3", "Points: empathy 1, privacy 1, resolution 0")
    saved = lms.close()

    resumed = Learner(lms.launch(flagship_zip, saved=saved), flagship)
    resumed.continue_where_left_off()
    resumed.expect_scene(scenario, "private-spot")
    expect(resumed.scenario(scenario).locator("[data-lives]")).to_have_text(lives or "")
    expect(resumed.scenario(scenario).locator("[data-points]")).to_have_text(points or "")
    # verified is still 0, so the choices that need it are offered and the others hidden.
    scene = resumed.scenario(scenario).locator('[data-scene="private-spot"]')
    expect(scene.locator('button[data-choice="verify-first"]')).to_be_visible()
    expect(scene.locator('button[data-choice="open-chart"]')).to_be_hidden()
    # patience is down to 1 after the rough start, so the quiet-room offer is not open.
    resumed.play(scenario, ["verify-first", "explain-role-next", "specific-plan", "close-loop"])
    resumed.expect_scene(scenario, "success-end")
    lms.close()
    assert lms.problems() == []


def test_the_flagship_scenario_can_be_won_with_the_keyboard_alone(
    flagship: Course, flagship_zip: Path, lms: LmsSession
) -> None:
    learner, scenario = open_scenario(lms.launch(flagship_zip), flagship)
    learner.play(scenario, best_path(scenario), keyboard=True)
    learner.expect_scene(scenario, "success-end")
    expect(
        learner.scenario(scenario).locator('[data-scene="success-end"] [data-line]')
    ).to_be_focused()
    lms.close()
    assert lms.problems() == []


def test_a_timer_that_runs_out_takes_the_timeout_with_its_feedback_and_lost_life(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    course = load_course(TIMED)
    frame = lms.launch(build_package(TIMED))
    learner = Learner(frame, course)
    scenario, _ = role_play(course)
    box = learner.scenario(scenario)
    learner.expect_scene(scenario, "queue")
    expect(box.locator("[data-timer]")).to_be_visible()
    expect(box.locator("[data-time-announce]")).to_have_text("5 seconds left to choose.")
    # The course cover is above the page, so the choices are off screen: the clock waits.
    frame.page.wait_for_timeout(2_000)
    expect(box.locator("[data-time-left]")).to_have_text("5 s")
    frame.locator("#sk-start").click()
    expect(box.locator("[data-feedback]")).to_contain_text(
        "Silence felt like being ignored.", timeout=9_000
    )
    expect(box.locator("[data-feedback]")).to_contain_text("Time ran out")
    expect(box.locator("[data-feedback]")).to_contain_text("−1 calm You lost a life: 1 left.")
    expect(box.locator("[data-lives]")).to_have_text("Lives: 1 of 2")
    expect(box.locator("[data-points]")).to_have_text("Points: calm -1")
    box.locator('[data-action="continue"]').click()
    learner.expect_scene(scenario, "shout")
    expect(box.locator("[data-timer]")).to_be_hidden()
    learner.play(scenario, ["sorry"])
    learner.expect_scene(scenario, "helped")
    lms.close()

    values = reported(lms.calls())
    assert values["cmi.core.lesson_status"] == "completed"
    # The timeout is no choice, so only "sorry" is reported.
    assert [row["id"] for row in interactions(values)] == ["rush.shout"]
    assert lms.problems() == []


def test_more_time_extends_the_timer_and_turning_it_off_stops_it_even_after_relaunching(
    build_package: Callable[[Path], Path], lms: LmsSession
) -> None:
    course = load_course(TIMED)
    learner = Learner(lms.launch(build_package(TIMED)), course)
    scenario, _ = role_play(course)
    box = learner.scenario(scenario)
    learner.expect_scene(scenario, "queue")
    box.locator('[data-action="more-time"]').click()
    left = int(str(box.locator("[data-time-left]").text_content()).split()[0])
    assert left > 5
    box.locator('[data-action="timer-off"]').click()
    expect(box.locator("[data-timer]")).to_be_hidden()
    learner.frame.page.wait_for_timeout(6_000)  # longer than the timer was
    learner.expect_scene(scenario, "queue")
    expect(box.locator("[data-feedback]")).to_be_empty()
    saved = lms.close()

    resumed = Learner(lms.launch(build_package(TIMED), saved=saved), course)
    resumed.continue_where_left_off()
    resumed.expect_scene(scenario, "queue")
    expect(resumed.scenario(scenario).locator("[data-timer]")).to_be_hidden()
    lms.close()
    assert lms.problems() == []


@pytest.mark.parametrize("width", [1280, 320])
def test_each_scene_shows_its_speakers_portrait_for_the_scenes_mood(
    flagship: Course, flagship_zip: Path, lms: LmsSession, width: int
) -> None:
    frame = lms.launch(flagship_zip)
    learner, scenario = open_scenario(frame, flagship)  # through the menu, shown at 1280 px
    frame.page.set_viewport_size({"width": width, "height": 900})
    box = learner.scenario(scenario)
    scenes = {scene.id: scene for scene in scenario.scenes}
    shown: dict[str, str] = {}

    def check_scene() -> None:
        scene = scenes[str(learner.current_scene(scenario).get_attribute("data-scene"))]
        member = scenario.speaker(scene)
        portrait = member.portrait(scene.mood) if member else None
        if portrait is None:
            return
        img = learner.current_scene(scenario).locator("img[data-portrait]")
        expect(img).to_have_attribute("src", f"assets/{portrait.src}")
        expect(img).to_have_attribute("alt", portrait.alt)
        expect(img).to_be_visible()
        drawn = img.evaluate(
            "i => [i.naturalWidth, i.getBoundingClientRect().width,"
            " i.getBoundingClientRect().right]"
        )
        assert drawn[0] > 0, f"{scene.id}: {portrait.src} did not load"
        assert 32 <= drawn[1] <= 120 and drawn[2] <= width, (scene.id, drawn)
        shown[scene.id] = portrait.src

    for choice in LOSING_PATH:
        check_scene()
        learner.play(scenario, [choice])
    box.locator('[data-action="replay"]').click()
    for choice in best_path(scenario):
        check_scene()
        learner.play(scenario, [choice])
    check_scene()
    # Both speakers, and the patient in every mood the two runs reach.
    assert "img/kim-calm.svg" in shown.values()
    okafor = {src for src in shown.values() if "okafor" in src}
    assert okafor == {f"img/okafor-{m}.svg" for m in ("worried", "angry", "calm", "relieved")}
