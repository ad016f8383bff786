"""Whole-course checks that a single field's model cannot see."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath

from scormkit.errors import Location, Problem
from scormkit.spec.activities import MultipleChoice, Quiz, Scenario, SingleChoice, Survey
from scormkit.spec.document import PathKey, format_path, quote
from scormkit.spec.models import Audio, Course, Image, Video
from scormkit.spec.proof import prove_scenario
from scormkit.spec.textlinks import text_problems, text_refs

Locate = Callable[[PathKey], Location]
Report = Callable[[PathKey, str], None]


def check_course(course: Course, base_dir: Path, locate: Locate) -> list[Problem]:
    """Every problem of `course` whose assets live under `base_dir`, in no particular order."""
    problems: list[Problem] = []

    def report(path: PathKey, message: str) -> None:
        problems.append(Problem(locate(path), format_path(path), message))

    _check_unique_ids(course, report, locate)
    _check_questions(course, report)
    for path, scenario in _scenarios(course):
        before = len(problems)
        _check_scenario(path, scenario, report)
        if len(problems) == before and _ids_unique(scenario):
            # The proof walks the scenes, so it needs every reference to be sound first.
            for found in prove_scenario(scenario).problems:
                report((*path, *found.path), found.message)
    _check_scoring(course, report)
    _check_packaging(course, report)
    for path, ref in asset_refs(course):
        message = asset_problem(base_dir, ref)
        if message:
            report(path, message)
    for path, message in text_problems(course):
        report(path, message)
    return problems


def _check_unique_ids(course: Course, report: Report, locate: Locate) -> None:
    """Modules, pages and activities/questions share one id space: they all name LMS records."""
    seen: dict[str, PathKey] = {}

    def claim(path: PathKey, ident: str) -> None:
        first = seen.setdefault(ident, path)
        if first != path:
            owner = format_path(first[:-1])
            report(path, f"id '{ident}' is already used by {owner} (line {locate(first).line})")

    for m, module in enumerate(course.modules):
        claim(("modules", m, "id"), module.id)
        for p, page in enumerate(module.pages):
            base: PathKey = ("modules", m, "pages", p)
            claim((*base, "id"), page.id)
            activity = page.activity
            if activity is None:
                continue
            here = (*base, "activity")
            claim((*here, "id"), activity.id)
            if isinstance(activity, Quiz):
                for q, question in enumerate(activity.questions):
                    claim((*here, "questions", q, "id"), question.id)
            if isinstance(activity, Scenario):
                _unique_within([s.id for s in activity.scenes], (*here, "scenes"), "scene", report)
                _unique_within([b.id for b in activity.badges], (*here, "badges"), "badge", report)
                for s, scene in enumerate(activity.scenes):
                    choices = (*here, "scenes", s, "choices")
                    _unique_within([c.id for c in scene.choices], choices, "choice", report)
            if isinstance(activity, Survey):
                _unique_within([i.id for i in activity.items], (*here, "items"), "item", report)
        for o, observation in enumerate(module.observations):
            claim(("modules", m, "observations", o, "id"), observation.id)
            criteria = ("modules", m, "observations", o, "criteria")
            _unique_within([c.id for c in observation.criteria], criteria, "criterion", report)


def _ids_unique(scenario: Scenario) -> bool:
    """Whether scene ids, and choice ids within each scene, name one thing each."""
    groups = [
        [s.id for s in scenario.scenes],
        *([c.id for c in s.choices] for s in scenario.scenes),
    ]
    return all(len(set(ids)) == len(ids) for ids in groups)


def _unique_within(ids: list[str], path: PathKey, noun: str, report: Report) -> None:
    first: dict[str, int] = {}
    for index, ident in enumerate(ids):
        if ident in first:
            used = format_path((*path, first[ident]))
            report((*path, index, "id"), f"{noun} id '{ident}' is already used by {used}")
        else:
            first[ident] = index


def _quizzes(course: Course) -> Iterator[tuple[PathKey, Quiz]]:
    for m, module in enumerate(course.modules):
        for p, page in enumerate(module.pages):
            if isinstance(page.activity, Quiz):
                yield ("modules", m, "pages", p, "activity"), page.activity


def _scenarios(course: Course) -> Iterator[tuple[PathKey, Scenario]]:
    for m, module in enumerate(course.modules):
        for p, page in enumerate(module.pages):
            if isinstance(page.activity, Scenario):
                yield ("modules", m, "pages", p, "activity"), page.activity


def _check_questions(course: Course, report: Report) -> None:
    for path, quiz in _quizzes(course):
        for q, question in enumerate(quiz.questions):
            here = (*path, "questions", q, "choices")
            if isinstance(question, SingleChoice):
                right = [str(c) for c, choice in enumerate(question.choices) if choice.correct]
                if not right:
                    report(here, "no choice has `correct: true`; mark the one right answer")
                elif len(right) > 1:
                    report(
                        here,
                        f"choices {' and '.join([', '.join(right[:-1]), right[-1]])} have "
                        "`correct: true`; a single_choice question has one right answer "
                        "(use multiple_choice for more)",
                    )
            if isinstance(question, MultipleChoice) and not any(
                c.correct for c in question.choices
            ):
                report(here, "no choice has `correct: true`; mark every right answer")
        if quiz.draw is not None and quiz.draw > len(quiz.questions):
            report(
                (*path, "draw"),
                f"cannot draw {quiz.draw} questions from a pool of {len(quiz.questions)}",
            )


def _check_scenario(path: PathKey, scenario: Scenario, report: Report) -> None:
    scenes = [s.id for s in scenario.scenes]
    names = {*scenario.variables, *scenario.dimensions}
    if scenario.lives is not None:
        names.add("lives")

    def scene_ref(where: PathKey, target: str) -> None:
        if target not in scenes:
            report(where, f"no scene '{target}'{_did_you_mean(target, scenes)}")

    def conditions(where: PathKey, tested: Iterable[str]) -> None:
        for c, name in enumerate(tested):
            if name not in names:
                report((*where, c, "of"), _unknown_name(name, names))

    def consequences(
        where: PathKey, prefix: str, points: Mapping[str, int], effects: Mapping[str, int]
    ) -> None:
        for name in points:
            if name not in scenario.dimensions:
                report(
                    (*where, f"{prefix}points", name),
                    _undeclared(name, scenario.dimensions, "dimensions"),
                )
        for name in effects:
            if name not in scenario.variables:
                report(
                    (*where, f"{prefix}effects", name),
                    _undeclared(name, scenario.variables, "variables"),
                )

    scene_ref((*path, "start"), scenario.start)
    for s, scene in enumerate(scenario.scenes):
        here = (*path, "scenes", s)
        if scene.timeout_goto:
            scene_ref((*here, "timeout_goto"), scene.timeout_goto)
        if scene.ending and scene.choices:
            report(
                (*here, "choices"),
                f"scene '{scene.id}' is an ending ({scene.ending}), so it cannot have choices",
            )
        if not scene.ending and not scene.choices:
            report(
                here,
                f"scene '{scene.id}' has no choices and is not an ending: "
                "give it `choices` or `ending`",
            )
        if scene.timer is not None:
            consequences(here, "timeout_", scene.timeout_points, scene.timeout_effects)
            if scene.timeout_lose_life and scenario.lives is None:
                report((*here, "timeout_lose_life"), _NO_LIVES)
        for c, choice in enumerate(scene.choices):
            there = (*here, "choices", c)
            scene_ref((*there, "goto"), choice.goto)
            consequences(there, "", choice.points, choice.effects)
            conditions((*there, "requires"), (r.of for r in choice.requires))
            if choice.lose_life and scenario.lives is None:
                report((*there, "lose_life"), _NO_LIVES)
    for b, badge in enumerate(scenario.badges):
        conditions((*path, "badges", b, "when"), (w.of for w in badge.when))
    if not any(s.ending for s in scenario.scenes):
        report((*path, "scenes"), "no scene is an ending; give at least one scene `ending`")


_NO_LIVES = "the scenario has no `lives` to lose; give it `lives`"


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean {quote(close[0])}?)" if close else ""


def _undeclared(name: str, declared: Iterable[str], field: str) -> str:
    return f"{quote(name)} is not one of the scenario's `{field}`{_did_you_mean(name, declared)}"


def _unknown_name(name: str, known: set[str]) -> str:
    if name == "lives":
        return "the scenario has no `lives`; give it `lives` or test something else"
    return (
        f"{quote(name)} is not a variable or dimension of the scenario{_did_you_mean(name, known)}"
    )


def _check_scoring(course: Course, report: Report) -> None:
    scored = 0.0
    for path, quiz in _quizzes(course):
        points = sum(q.weight for q in quiz.questions)
        scored += points
        if quiz.passing_score and points == 0:
            report(
                (*path, "passing_score"),
                "the quiz cannot be passed: all its questions have weight 0",
            )
    for path, scenario in _scenarios(course):
        if scenario.scored:
            scored += scenario.weight
        endings: list[str] = [s.ending for s in scenario.scenes if s.ending]
        if endings and not any(_counts_as_pass(e, scenario.pass_at) for e in endings):
            report((*path, "pass_at"), _cannot_pass(scenario.pass_at, endings))
    if course.completion.passing_score and scored == 0:
        report(
            ("completion", "passing_score"),
            "the course cannot be passed: it has no scored questions or scenarios",
        )


def _check_packaging(course: Course, report: Report) -> None:
    """The assessment is a module whose scored questions decide pass or fail."""
    assessment = course.packaging.assessment
    if assessment is None:
        return
    where = ("packaging", "assessment")
    module = next((m for m in course.modules if m.id == assessment), None)
    if module is None:
        known = {m.id for m in course.modules}
        report(where, f"no module {quote(assessment)}{_did_you_mean(assessment, known)}")
        return
    if not module.is_scored():
        report(where, f"module {quote(module.id)} has no scored questions or role-plays to pass")
    if course.completion.passing_score is None:
        report(where, "an assessment needs `completion.passing_score`, the score that passes it")


def _cannot_pass(pass_at: str, endings: list[str]) -> str:
    if pass_at == "partial":
        return (
            "no scene has `ending: success` or `ending: partial`, so the scenario cannot be passed"
        )
    fix = "add one, or set `pass_at: partial`" if "partial" in endings else "add one"
    return f"no scene has `ending: success`, so the scenario cannot be passed; {fix}"


def _counts_as_pass(ending: str | None, pass_at: str) -> bool:
    return ending == "success" or (ending == "partial" and pass_at == "partial")


def asset_refs(course: Course) -> list[tuple[PathKey, str]]:
    """Every local file the course uses, with where it is named, in spec order."""
    refs: list[tuple[PathKey, str]] = []
    if course.theme.logo:
        refs.append((("theme", "logo"), course.theme.logo))
    for m, module in enumerate(course.modules):
        for p, page in enumerate(module.pages):
            base: PathKey = ("modules", m, "pages", p)
            for b, block in enumerate(page.blocks):
                here = (*base, "blocks", b)
                if isinstance(block, Image | Video | Audio):
                    refs.append(((*here, "src"), block.src))
                if isinstance(block, Video | Audio) and block.captions:
                    refs.append(((*here, "captions"), block.captions))
                if isinstance(block, Video) and block.poster:
                    refs.append(((*here, "poster"), block.poster))
            if isinstance(page.activity, Scenario):
                for s, scene in enumerate(page.activity.scenes):
                    if scene.image:
                        refs.append(((*base, "activity", "scenes", s, "image"), scene.image))
    return refs + text_refs(course)


def asset_problem(base_dir: Path, ref: str) -> str | None:
    """Why `ref` cannot be packaged from `base_dir`, or None when it can."""
    if not ref.strip():
        return "the path is empty; name a file relative to the spec file"
    if "\\" in ref:
        return f"{quote(ref)}: use forward slashes in paths: {quote(ref.replace(chr(92), '/'))}"
    pure = PurePosixPath(ref)
    if pure.is_absolute() or (len(ref) > 1 and ref[1] == ":"):
        return f"{quote(ref)} is an absolute path; give a path relative to the spec file"
    if ".." in pure.parts:
        return f"{quote(ref)} leaves the spec's folder; keep assets beside or below the spec"
    if "\0" in ref:
        return f"{quote(ref)} contains a NUL character"
    target = base_dir / ref
    try:
        resolved = target.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"file {quote(ref)} not found next to the spec{_similar_file(base_dir, pure)}"
    if not resolved.is_relative_to(base_dir.resolve()):
        return f"{quote(ref)} is a link to a file outside the spec's folder"
    if resolved.is_dir():
        return f"{quote(ref)} is a folder; name a file in it"
    if not resolved.is_file():
        return f"{quote(ref)} is not a regular file"
    return None


def _similar_file(base_dir: Path, ref: PurePosixPath) -> str:
    """A "did you mean" naming a file beside where `ref` points, when one is close."""
    folder = base_dir.joinpath(*ref.parent.parts)
    try:
        names = sorted(entry.name for entry in folder.iterdir() if entry.is_file())
    except OSError:
        return ""
    close = difflib.get_close_matches(ref.name, names, n=1, cutoff=0.6)
    return f" (did you mean {quote(str(ref.parent / close[0]))}?)" if close else ""
