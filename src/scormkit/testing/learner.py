"""A scripted learner: works through a course in the player by its documented DOM hooks only.

The hooks are listed at the top of src/scormkit/runtime/view.js. What the learner does is
decided from the course spec, never from the page, so a player that shows the wrong thing fails.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Frame, Locator, expect

from scormkit.spec.activities import (
    FillIn,
    Matching,
    MultipleChoice,
    Numeric,
    Question,
    Quiz,
    Scenario,
    ScenarioChoice,
    Sequencing,
    SingleChoice,
    Survey,
    TrueFalse,
)
from scormkit.spec.models import Course, Page
from scormkit.spec.proof import prove_scenario

LETTERS = "abcdefghijklmnopqrstuvwxyz"
# SCORM 1.2 interaction types (RTE 3.4, cmi.interactions.n.type) of each question type.
INTERACTION_TYPES = {
    "single_choice": "choice",
    "multiple_choice": "choice",
    "true_false": "true-false",
    "fill_in": "fill-in",
    "numeric": "numeric",
    "matching": "matching",
    "sequencing": "sequencing",
}


@dataclass(frozen=True)
class Answer:
    """What the learner entered for a question, and what the course should report for it."""

    question: Question
    entered: list[str]  # letters checked or chosen per select (in order), or the text typed
    correct: bool

    @property
    def interaction_type(self) -> str:
        return INTERACTION_TYPES[self.question.type]

    @property
    def student_response(self) -> str:
        """`entered` as SCORM 1.2 CMIFeedback for the interaction type (RTE 3.4)."""
        if self.interaction_type == "matching":
            # source.target pairs; sources are single characters, numbered from 1.
            return ",".join(f"{_base36(i + 1)}.{t}" for i, t in enumerate(self.entered))
        if self.interaction_type in ("choice", "sequencing"):
            return ",".join(self.entered)
        return "".join(self.entered)


@dataclass(frozen=True)
class Chosen:
    """A choice the learner made in a scenario, and the interaction the course should report."""

    scenario: Scenario
    scene: str
    choice: ScenarioChoice

    @property
    def letter(self) -> str:
        scene = next(s for s in self.scenario.scenes if s.id == self.scene)
        return LETTERS[scene.choices.index(self.choice)]

    @property
    def result(self) -> str:
        """Losing a life is wrong, gaining points right, anything else neutral."""
        if self.choice.lose_life:
            return "wrong"
        return "correct" if sum(self.choice.points.values()) > 0 else "neutral"


def expected_interaction(record: Answer | Chosen) -> dict[str, str]:
    """What cmi.interactions.n should hold for one answer or scenario choice."""
    if isinstance(record, Chosen):
        return {
            "id": f"{record.scenario.id}.{record.scene}",
            "type": "choice",
            "student_response": record.letter,
            "result": record.result,
        }
    return {
        "id": record.question.id,
        "type": record.interaction_type,
        "student_response": record.student_response,
        "result": "correct" if record.correct else "wrong",
    }


def best_path(scenario: Scenario) -> list[str]:
    """The choice ids of the proof's best way through: best ending, most badges."""
    path = prove_scenario(scenario).best_path
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
    match question:
        case SingleChoice() | MultipleChoice():
            return [LETTERS[i] for i, choice in enumerate(question.choices) if choice.correct]
        case TrueFalse():
            return ["t" if question.answer else "f"]
        case FillIn():
            return [question.accepted[0]]
        case Numeric():
            value = question.answer if question.answer is not None else question.min
            assert value is not None  # the model requires `answer` or both `min` and `max`
            return [_number(value)]
        case Matching():
            targets = list(dict.fromkeys(pair.target for pair in question.pairs))
            return [LETTERS[targets.index(pair.target)] for pair in question.pairs]
        case Sequencing():
            return list(LETTERS[: len(question.steps)])
    raise AssertionError(f"no right answer known for {question.type}")


def wrong_response(question: Question) -> list[str] | None:
    """A wrong answer, as the learner enters it; None when every answer is right."""
    right = right_response(question)
    match question:
        case SingleChoice() | MultipleChoice():
            wrong = [LETTERS[i] for i, choice in enumerate(question.choices) if not choice.correct]
            return wrong[:1] or None
        case TrueFalse():
            return ["f" if question.answer else "t"]
        case FillIn():
            accepted = {text.strip().lower() for text in question.accepted}
            return next(([t] for t in ("no idea", "nothing", "zzz") if t not in accepted), None)
        case Numeric():
            if question.answer is not None:
                return [_number(question.answer + question.tolerance + 1)]
            assert question.max is not None
            return [_number(question.max + 1)]
        case Matching() | Sequencing():
            shifted = right[1:] + right[:1]
            return shifted if shifted != right else None
    raise AssertionError(f"no wrong answer known for {question.type}")


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
        match question:
            case FillIn() | Numeric():
                box.locator(f'input[name="{question.id}"]').fill(entered[0])
            case Matching() | Sequencing():
                selects = box.locator(f'select[name="{question.id}"]')
                for index, letter in enumerate(entered):
                    selects.nth(index).select_option(letter)
            case _:
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
        match answer.question:
            case FillIn() | Numeric():
                expect(box.locator(f'input[name="{name}"]')).to_have_value(answer.entered[0])
            case Matching() | Sequencing():
                selects = box.locator(f'select[name="{name}"]')
                for index, letter in enumerate(answer.entered):
                    expect(selects.nth(index)).to_have_value(letter)
            case _:
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


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _base36(number: int) -> str:
    return "0123456789abcdefghijklmnopqrstuvwxyz"[number]
