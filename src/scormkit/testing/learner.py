"""A scripted learner: works through a course in the player by its documented DOM hooks only.

The hooks are listed at the top of src/scormkit/runtime/view.js. What the learner does is
decided from the course spec, never from the page, so a player that shows the wrong thing fails.
"""

from __future__ import annotations

from playwright.sync_api import Frame, Locator, expect

from scormkit.questions import Question
from scormkit.scenario.proof_cache import proof_of
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.models import Course, Page
from scormkit.testing.records import Answer, Chosen, expected_interaction

__all__ = [
    "Answer",
    "Chosen",
    "Learner",
    "best_path",
    "expected_interaction",
    "pages_of",
    "questions_of",
    "questions_on",
    "right_response",
    "scenarios_of",
    "surveys_of",
    "wrong_response",
]


def best_path(scenario: Scenario) -> list[str]:
    """The choice ids of the proof's best way through: best ending, most badges."""
    path = proof_of(scenario).best_path
    assert path is not None, f"scenario '{scenario.id}' cannot be passed"
    return [step.choice for step in path]


def pages_of(course: Course) -> list[Page]:
    """Every page of the course in reading order."""
    return [page for module in course.modules for page in module.pages]


def questions_on(page: Page) -> list[Question]:
    """The quiz questions on `page`, in spec order."""
    return list(page.activity.questions) if isinstance(page.activity, Quiz) else []


def scenarios_of(course: Course) -> list[Scenario]:
    """Every scenario of the course, in reading order."""
    return [p.activity for p in pages_of(course) if isinstance(p.activity, Scenario)]


def surveys_of(course: Course) -> list[Survey]:
    """Every survey of the course, in reading order."""
    return [p.activity for p in pages_of(course) if isinstance(p.activity, Survey)]


def questions_of(course: Course) -> list[Question]:
    """Every quiz question of the course, in reading order."""
    return [question for page in pages_of(course) for question in questions_on(page)]


def right_response(question: Question) -> list[str]:
    """A right answer, as the learner enters it."""
    return question.right_response()


def wrong_response(question: Question) -> list[str] | None:
    """A wrong answer, as the learner enters it; None when every answer is right."""
    return question.wrong_response()


class Learner:
    """Drives the player in `frame` through `course`; remembers every answer it gave."""

    def __init__(self, frame: Frame, course: Course) -> None:
        self.frame = frame
        self.pages = pages_of(course)
        self.answers: list[Answer] = []
        self.chosen: list[Chosen] = []
        self.reports: list[Answer | Chosen] = []  # every interaction, in the order made

    def section(self, page_id: str) -> Locator:
        return self.frame.locator(f'section[data-page-id="{page_id}"]')

    def expect_on(self, page_id: str) -> None:
        """Wait until `page_id` is the one page shown."""
        expect(self.section(page_id)).to_be_visible()
        expect(self.frame.locator("section[data-page-id]:not([hidden])")).to_have_count(1)

    def next(self, from_index: int) -> None:
        """Press Next on page `from_index` and wait for the page after it."""
        self.expect_on(self.pages[from_index].id)  # the player has started and wired its buttons
        self.frame.locator("#sk-next").click()
        self.expect_on(self.pages[from_index + 1].id)

    def go_to(self, page_id: str) -> None:
        """Open `page_id` from the menu, opening the menu first on a narrow screen."""
        link = self.frame.locator(f'#sk-menu a[data-page="{page_id}"]')
        link.wait_for(state="attached")  # the player lists later modules' pages after launch
        if not link.is_visible():
            self.frame.locator("#sk-menu-toggle").click()
        link.click()
        self.expect_on(page_id)

    def continue_where_left_off(self) -> None:
        """Answer the resume prompt of a relaunched course with Continue."""
        expect(self.frame.locator("#sk-resume")).to_be_visible()
        self.frame.locator("#sk-resume-continue").click()
        expect(self.frame.locator("#sk-resume")).to_be_hidden()

    def start_over(self) -> None:
        """Answer the resume prompt with Start over, and confirm."""
        expect(self.frame.locator("#sk-resume")).to_be_visible()
        self.frame.locator("#sk-resume-restart").click()
        self.frame.locator("#sk-restart-yes").click()
        expect(self.frame.locator("#sk-resume")).to_be_hidden()

    def finish(self) -> None:
        """Press Finish, on the last page."""
        self.frame.locator("#sk-finish").click()

    def question(self, question: Question) -> Locator:
        return self.frame.locator(f'[data-question="{question.id}"]')

    def answer(self, question: Question, *, right: bool = True) -> Answer:
        """Enter a right (or wrong) answer, press Check and wait for the feedback."""
        entered = right_response(question) if right else wrong_response(question)
        assert entered is not None, f"question '{question.id}' cannot be answered wrong"
        return self.enter(question, entered, correct=right)

    def enter(self, question: Question, entered: list[str], *, correct: bool) -> Answer:
        """Enter `entered` (letters to check or choose in order, or the text to type), press
        Check and wait for the feedback."""
        box = self.question(question)
        match question.entry:
            case "typed":
                box.locator(f'input[name="{question.id}"]').fill(entered[0])
            case "selects":
                selects = box.locator(f'select[name="{question.id}"]')
                for index, letter in enumerate(entered):
                    selects.nth(index).select_option(letter)
            case "checks":
                for letter in entered:
                    box.locator(f'input[name="{question.id}"][value="{letter}"]').check()
        box.locator('[data-action="check"]').click()
        expect(box.locator("[data-feedback]")).not_to_be_empty()
        answer = Answer(question, entered, correct=correct)
        self.answers.append(answer)
        self.reports.append(answer)
        return answer

    def fill_survey(self, survey: Survey, answers: dict[str, str]) -> None:
        """Answer survey items (by item id: an option number, or text) and press Send."""
        box = self.frame.locator(f'[data-survey="{survey.id}"]')
        for item in survey.items:
            value = answers.get(item.id)
            name = f"{survey.id}-{item.id}"
            if value is None:
                continue
            if item.kind == "free_text":
                box.locator(f'textarea[name="{name}"]').fill(value)
            else:
                box.locator(f'input[name="{name}"][value="{value}"]').check()
        box.locator('[data-action="send"]').click()
        expect(box.locator("[data-survey-status]")).not_to_be_empty()

    def expect_answer_shown(self, answer: Answer) -> None:
        """Check that the question on the open page shows `answer` as entered, with feedback."""
        box = self.question(answer.question)
        name = answer.question.id
        match answer.question.entry:
            case "typed":
                expect(box.locator(f'input[name="{name}"]')).to_have_value(answer.entered[0])
            case "selects":
                selects = box.locator(f'select[name="{name}"]')
                for index, letter in enumerate(answer.entered):
                    expect(selects.nth(index)).to_have_value(letter)
            case "checks":
                inputs = box.locator(f'input[name="{name}"]')
                for index in range(inputs.count()):
                    choice = inputs.nth(index)
                    if choice.get_attribute("value") in answer.entered:
                        expect(choice).to_be_checked()
                    else:
                        expect(choice).not_to_be_checked()
        expect(box.locator("[data-feedback]")).not_to_be_empty()

    def work_through(
        self, *, until: int | None = None, wrong: frozenset[str] = frozenset()
    ) -> None:
        """From the first page, answer each page's questions and press Next, up to page `until`.

        Questions whose ids are in `wrong` get a wrong answer, all others a right one. Without
        `until` the learner goes on to the last page; it does not press Finish.
        """
        last = len(self.pages) - 1 if until is None else until
        for index, page in enumerate(self.pages[: last + 1]):
            self.expect_on(page.id)
            for question in questions_on(page):
                self.answer(question, right=question.id not in wrong)
            if isinstance(page.activity, Scenario):
                self.play(page.activity, best_path(page.activity))
            if index < last:
                self.next(index)

    def tab_to(self, target: Locator, most: int = 40) -> None:
        """Press Tab until `target` has the focus, as a keyboard user would."""
        for _ in range(most):
            if target.evaluate("element => element === document.activeElement"):
                return
            self.frame.page.keyboard.press("Tab")
        raise AssertionError(f"{most} presses of Tab never reached {target}")

    def scenario(self, scenario: Scenario) -> Locator:
        return self.frame.locator(f'[data-scenario="{scenario.id}"]')

    def current_scene(self, scenario: Scenario) -> Locator:
        return self.scenario(scenario).locator("[data-scene]:not([hidden])")

    def expect_scene(self, scenario: Scenario, scene_id: str) -> None:
        """Wait until `scene_id` is the one scene of `scenario` shown."""
        box = self.scenario(scenario)
        expect(box.locator(f'[data-scene="{scene_id}"]')).to_be_visible()
        expect(box.locator("[data-scene]:not([hidden])")).to_have_count(1)

    def play(self, scenario: Scenario, path: list[str], *, keyboard: bool = False) -> None:
        """Take the choices in `path` (choice ids) one scene after another, reading feedback.

        With `keyboard` the learner only presses Tab and Enter.
        """
        box = self.scenario(scenario)
        scenes = {scene.id: scene for scene in scenario.scenes}
        at = scenes[_shown_scene(box)]
        for choice_id in path:
            self.expect_scene(scenario, at.id)
            choice = next(c for c in at.choices if c.id == choice_id)
            button = box.locator(f'[data-scene="{at.id}"] button[data-choice="{choice_id}"]')
            if keyboard:
                self.tab_to(button)
                self.frame.page.keyboard.press("Enter")
            else:
                button.click()
            self.chosen.append(Chosen(scenario, at.id, choice))
            self.reports.append(self.chosen[-1])
            # The player stops to tell what a choice did: its feedback, points or lost life.
            told = choice.feedback or any(choice.points.values()) or choice.lose_life
            if told:
                expect(box.locator("[data-feedback]")).not_to_be_empty()
                go_on = box.locator('[data-action="continue"]')
                if keyboard:
                    expect(box.locator("[data-feedback]")).to_be_focused()
                    self.tab_to(go_on)
                    self.frame.page.keyboard.press("Enter")
                else:
                    go_on.click()
            at = scenes[choice.goto]
        expect(box.locator("[data-feedback]")).to_be_empty()


def _shown_scene(box: Locator) -> str:
    """The id of the scene `box` shows, once it shows one."""
    shown = box.locator("[data-scene]:not([hidden])")
    expect(shown).to_have_count(1)
    return str(shown.get_attribute("data-scene"))
