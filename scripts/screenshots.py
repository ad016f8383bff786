"""Screenshots of every player screen, made from the flagship course so the docs stay true.

Builds course_specs/healthcare-customer-service.yaml for SCORM 1.2, plays it in headless
Chromium under scormkit's test LMS (scorm-again and its test learner) and saves small PNGs of
the cover, its module cards, the menu (a drawer on narrow screens; the sidebar shows on the
wide text page), a text page, a quiz and its review, a role-play scene, its feedback, an
ending, the badges, the survey and the certificate, at 1280 and 375 px wide, in
docs/screenshots/. Needs what the browser tests need (playwright, Chromium, npm ci) and
Pillow (pip install -e '.[docs]'), which cuts each PNG to a 128-colour palette so the
committed files stay small.

Run:  python scripts/screenshots.py [--out DIR] [--widths 1280,375]
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from playwright.sync_api import Frame, Page, sync_playwright

import scormkit
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.testing import LmsSession, TestLms, chromium_path, launch_chromium
from scormkit.testing.learner import Learner, best_path

ROOT = Path(__file__).resolve().parents[1]
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist"

Shoot = Callable[[str], None]


def play_and_shoot(frame: Frame, learner: Learner, shoot: Shoot) -> None:
    """Walk the flagship as a learner does, stopping at each kind of screen."""
    frame.wait_for_selector("#sk-cover:not([hidden])")  # the player has started
    shoot("cover")
    frame.locator(".sk-card").first.evaluate("card => card.scrollIntoView()")
    shoot("modules")
    frame.click("#sk-start")
    shoot("text-page")
    if frame.locator("#sk-menu-toggle").is_visible():  # a drawer on narrow screens
        frame.click("#sk-menu-toggle")
        shoot("menu")
        frame.click("#sk-menu-toggle")
    shot_quiz = False
    for index, page in enumerate(learner.pages):
        learner.expect_on(page.id)
        if isinstance(page.activity, Quiz) and not shot_quiz:
            shoot("quiz")
            for n, question in enumerate(page.activity.questions):
                learner.answer(question, right=n % 2 == 0)
            frame.locator("[data-quiz-result]:not(:empty)").first.scroll_into_view_if_needed()
            shoot("quiz-review")
            shot_quiz = True
        elif isinstance(page.activity, Quiz):
            for question in page.activity.questions:
                learner.answer(question)
        if isinstance(page.activity, Scenario):
            shoot("roleplay-scene")
            path = best_path(page.activity)
            box = learner.scenario(page.activity)
            box.locator(f'button[data-choice="{path[0]}"]').click()
            shoot("roleplay-feedback")
            box.locator('[data-action="continue"]').click()
            learner.play(page.activity, path[1:])
            box.locator("[data-result]").scroll_into_view_if_needed()
            frame.page.wait_for_timeout(900)  # the badges' entrance
            shoot("roleplay-ending")
            box.locator("[data-badge-shelf]").scroll_into_view_if_needed()
            shoot("badges")
        if isinstance(page.activity, Survey):
            shoot("survey")
        if index < len(learner.pages) - 1:
            learner.next(index)
    learner.finish()
    frame.locator("#sk-certificate").scroll_into_view_if_needed()
    shoot("certificate")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--widths", default="1280,375")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    course = scormkit.load_course(FLAGSHIP)
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        package = scormkit.build(FLAGSHIP, "scorm12", Path(work))
        browser = launch_chromium(playwright, chromium_path())
        lms = TestLms(SCORM_AGAIN)
        try:
            for width in (int(w) for w in args.widths.split(",")):
                height = 800 if width > 600 else 667
                page = browser.new_page(viewport={"width": width, "height": height})
                session = LmsSession(page, lms, Path(work) / f"lms-{width}")
                frame = session.launch(package)

                def shoot(name: str, width: int = width, page: Page = page) -> None:
                    path = args.out / f"{name}-{width}.png"
                    page.screenshot(path=str(path))
                    shot = Image.open(path).convert("RGB")
                    shot.quantize(128, method=Image.Quantize.FASTOCTREE).save(path, optimize=True)
                    print(path)

                play_and_shoot(frame, Learner(frame, course), shoot)
                session.dispose()
                page.close()
        finally:
            lms.stop()
            browser.close()


if __name__ == "__main__":
    main()
