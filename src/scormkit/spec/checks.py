"""Whole-course checks that a single field's model cannot see."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from scormkit.errors import Location, Problem
from scormkit.spec.activities import MultipleChoice, Quiz, Scenario, SingleChoice, Survey
from scormkit.spec.models import Audio, Course, Image, Video
from scormkit.spec.source import PathKey, format_path

Locate = Callable[[PathKey], Location]


def check_course(course: Course, base_dir: Path, locate: Locate) -> list[Problem]:
    """Every problem of `course` whose assets live under `base_dir`, in no particular order."""
    problems: list[Problem] = []

    def report(path: PathKey, message: str) -> None:
        problems.append(Problem(locate(path), format_path(path), message))

    _check_unique_ids(course, report)
    _check_questions(course, report)
    _check_scenarios(course, report)
    _check_scoring(course, report)
    for path, ref in asset_refs(course):
        message = asset_problem(base_dir, ref)
        if message:
            report(path, message)
    return problems


Report = Callable[[PathKey, str], None]


def _check_unique_ids(course: Course, report: Report) -> None:
    """Modules, pages and activities/questions share one id space: they all name LMS records."""
    seen: dict[str, str] = {}

    def claim(path: PathKey, ident: str) -> None:
        if ident in seen:
            report(path, f"id '{ident}' is already used at {seen[ident]}")
        else:
            seen[ident] = format_path(path)

    for m, module in enumerate(course.modules):
        claim(("modules", m, "id"), module.id)
        for p, page in enumerate(module.pages):
            base: PathKey = ("modules", m, "pages", p)
            claim((*base, "id"), page.id)
            activity = page.activity
            if activity is None:
                continue
            claim((*base, "activity", "id"), activity.id)
            if isinstance(activity, Quiz):
                for q, question in enumerate(activity.questions):
                    claim((*base, "activity", "questions", q, "id"), question.id)
            if isinstance(activity, Scenario):
                _unique_within(
                    [s.id for s in activity.scenes], (*base, "activity", "scenes"), "scene", report
                )
                _unique_within(
                    [b.id for b in activity.badges], (*base, "activity", "badges"), "badge", report
                )
                for s, scene in enumerate(activity.scenes):
                    _unique_within(
                        [c.id for c in scene.choices],
                        (*base, "activity", "scenes", s, "choices"),
                        "choice",
                        report,
                    )
            if isinstance(activity, Survey):
                _unique_within([i.id for i in activity.items], (*base, "activity", "items"), "item", report)


def _unique_within(ids: list[str], path: PathKey, noun: str, report: Report) -> None:
    first: dict[str, int] = {}
    for index, ident in enumerate(ids):
        if ident in first:
            report((*path, index, "id"), f"{noun} id '{ident}' is already used at {format_path((*path, first[ident]))}")
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
            here = (*path, "questions", q)
            if isinstance(question, SingleChoice | MultipleChoice):
                right = sum(c.correct for c in question.choices)
                if isinstance(question, SingleChoice) and right != 1:
                    report((*here, "choices"), f"a single_choice question needs exactly one correct choice, has {right}")
                if isinstance(question, MultipleChoice) and right == 0:
                    report((*here, "choices"), "a multiple_choice question needs at least one correct choice")
        if quiz.draw is not None and quiz.draw > len(quiz.questions):
            report((*path, "draw"), f"cannot draw {quiz.draw} questions from a pool of {len(quiz.questions)}")


def _check_scenarios(course: Course, report: Report) -> None:
    for path, scenario in _scenarios(course):
        scenes = [s.id for s in scenario.scenes]
        known = set(scenario.variables) | set(scenario.dimensions) | {"lives"}

        def scene_ref(where: PathKey, target: str) -> None:
            if target not in scenes:
                close = difflib.get_close_matches(target, scenes, n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                report(where, f"no scene '{target}'{hint}")

        def condition_refs(where: PathKey, names: list[str]) -> None:
            for c, name in enumerate(names):
                if name not in known:
                    report((*where, c, "of"), _unknown_name(name, known))

        scene_ref((*path, "start"), scenario.start)
        for s, scene in enumerate(scenario.scenes):
            here = (*path, "scenes", s)
            if scene.timeout_goto:
                scene_ref((*here, "timeout_goto"), scene.timeout_goto)
            if scene.ending and scene.choices:
                report((*here, "choices"), f"scene '{scene.id}' is an ending ({scene.ending}) and cannot have choices")
            if not scene.ending and not scene.choices:
                report(here, f"scene '{scene.id}' has no choices and is not an ending: give it `choices` or `ending`")
            for c, choice in enumerate(scene.choices):
                there = (*here, "choices", c)
                scene_ref((*there, "goto"), choice.goto)
                for name in choice.points:
                    if name not in scenario.dimensions:
                        report((*there, "points", name), _unknown_name(name, set(scenario.dimensions), "dimension"))
                for name in choice.effects:
                    if name not in scenario.variables:
                        report((*there, "effects", name), _unknown_name(name, set(scenario.variables), "variable"))
                condition_refs((*there, "requires"), [r.of for r in choice.requires])
                if choice.lose_life and scenario.lives is None:
                    report((*there, "lose_life"), "the scenario has no `lives` to lose")
        for b, badge in enumerate(scenario.badges):
            condition_refs((*path, "badges", b, "when"), [w.of for w in badge.when])
        if not any(s.ending for s in scenario.scenes):
            report((*path, "scenes"), "the scenario has no ending scene")


def _unknown_name(name: str, known: set[str], noun: str = "variable, dimension or `lives`") -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"no {noun} '{name}'{hint}"


def _check_scoring(course: Course, report: Report) -> None:
    scored = 0.0
    for path, quiz in _quizzes(course):
        points = sum(q.weight for q in quiz.questions)
        scored += points
        if quiz.passing_score and points == 0:
            report((*path, "passing_score"), "the quiz cannot be passed: all its questions have weight 0")
    for path, scenario in _scenarios(course):
        if scenario.scored:
            scored += scenario.weight
        if not any(_counts_as_pass(s.ending, scenario.pass_at) for s in scenario.scenes):
            report((*path, "pass_at"), f"no ending is at least '{scenario.pass_at}', so the scenario cannot be passed")
    if course.completion.passing_score and scored == 0:
        report(
            ("completion", "passing_score"),
            "the course cannot be passed: it has no scored questions or scenarios",
        )


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
    return refs


def asset_problem(base_dir: Path, ref: str) -> str | None:
    """Why `ref` cannot be packaged from `base_dir`, or None when it can."""
    pure = PurePosixPath(ref)
    if "\\" in ref:
        return f"'{ref}': use forward slashes in paths"
    if pure.is_absolute() or (len(ref) > 1 and ref[1] == ":"):
        return f"'{ref}' is an absolute path; give a path relative to the spec file"
    if ".." in pure.parts:
        return f"'{ref}' leaves the spec's folder; keep assets beside or below the spec"
    target = base_dir / ref
    try:
        resolved = target.resolve(strict=True)
    except (FileNotFoundError, RuntimeError):
        return f"file '{ref}' not found next to the spec"
    if not resolved.is_relative_to(base_dir.resolve()):
        return f"'{ref}' is a link to a file outside the spec's folder"
    if not resolved.is_file():
        return f"'{ref}' is not a file"
    return None
