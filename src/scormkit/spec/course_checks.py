"""Whole-course checks that a single field's model cannot see."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Protocol

from scormkit.errors import Location, Problem
from scormkit.scenario.checks import Report, check_passable, check_scenario
from scormkit.scenario.proof_cache import ProofBudget
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.blocks import Audio, Image, Video
from scormkit.spec.cast import check_speakers
from scormkit.spec.contrast import contrast_message, weak_pairs
from scormkit.spec.document import PathKey, did_you_mean, format_path, quote
from scormkit.spec.models import Course
from scormkit.spec.textlinks import course_links, resource_refs, text_problems, text_refs


class Locate(Protocol):
    """Where the value at `path` was written; with `at`, character `at` of its text."""

    def __call__(self, path: PathKey, *, at: int | None = None) -> Location: ...


def check_course(course: Course, base_dir: Path, locate: Locate) -> list[Problem]:
    """Every problem of `course` whose assets live under `base_dir`, in no particular order."""
    problems: list[Problem] = []

    def report(path: PathKey, message: str, at: int | None = None) -> None:
        problems.append(Problem(locate(path, at=at), format_path(path), message))

    _check_unique_ids(course, report, locate)
    _check_questions(course, report)
    budget = ProofBudget()  # shared by the spec's role-plays, each proved once per process
    for path, scenario in _scenarios(course):
        check_speakers(path, scenario.cast, scenario.scenes, report)
        check_scenario(path, scenario, report, budget)
    _check_scoring(course, report)
    _check_packaging(course, report)
    theme = course.theme
    for pair in weak_pairs(theme.primary, theme.accent, theme.background, theme.text):
        report(("theme", pair.field), contrast_message(pair))
    refs = [(path, ref, None) for path, ref in block_refs(course) + resource_refs(course)]
    for path, ref, at in refs + [(path, link.ref, link.at) for path, link in course_links(course)]:
        message = asset_problem(base_dir, ref)
        if message:
            report(path, message, at)
    for path, at, message in text_problems(course):
        report(path, message, at)
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
                _unique_within([c.id for c in activity.cast], (*here, "cast"), "cast", report)
                for s, scene in enumerate(activity.scenes):
                    choices = (*here, "scenes", s, "choices")
                    _unique_within([c.id for c in scene.choices], choices, "choice", report)
            if isinstance(activity, Survey):
                _unique_within([i.id for i in activity.items], (*here, "items"), "item", report)
        for o, observation in enumerate(module.observations):
            claim(("modules", m, "observations", o, "id"), observation.id)
            criteria = ("modules", m, "observations", o, "criteria")
            _unique_within([c.id for c in observation.criteria], criteria, "criterion", report)


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
            for field, message in question.problems():
                report((*path, "questions", q, field), message)
        if quiz.draw is not None and quiz.draw > len(quiz.questions):
            report(
                (*path, "draw"),
                f"cannot draw {quiz.draw} questions from a pool of {len(quiz.questions)}",
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
        check_passable(path, scenario, report)
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
        report(where, f"no module {quote(assessment)}{did_you_mean(assessment, known)}")
        return
    if not module.is_scored():
        report(where, f"module {quote(module.id)} has no scored questions or role-plays to pass")
    if course.completion.passing_score is None:
        report(where, "an assessment needs `completion.passing_score`, the score that passes it")


def asset_refs(course: Course) -> list[tuple[PathKey, str]]:
    """Every local file the course uses, with where it is named, in spec order."""
    return block_refs(course) + text_refs(course)


def block_refs(course: Course) -> list[tuple[PathKey, str]]:
    """Every local file the course's fields name (its Markdown aside), with where."""
    refs: list[tuple[PathKey, str]] = []
    if course.theme.logo:
        refs.append((("theme", "logo"), course.theme.logo))
    if course.cover:
        refs.append((("cover",), course.cover))
    if course.certificate and course.certificate.logo:
        refs.append((("certificate", "logo"), course.certificate.logo))
    for m, module in enumerate(course.modules):
        if module.image:
            refs.append((("modules", m, "image"), module.image))
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
                for c, member in enumerate(page.activity.cast):
                    for mood, portrait in member.portraits.items():
                        where = (*base, "activity", "cast", c, "portraits", mood, "src")
                        refs.append((where, portrait.src))
                for s, scene in enumerate(page.activity.scenes):
                    if scene.image:
                        refs.append(((*base, "activity", "scenes", s, "image"), scene.image))
                for b, badge in enumerate(page.activity.badges):
                    if badge.image:
                        refs.append(((*base, "activity", "badges", b, "image"), badge.image))
    return refs


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
    hidden = next((part for part in pure.parts if part.startswith(".")), None)
    if hidden:  # checked by name, before the disk: a hidden file is refused even when present
        named = quote(ref) if hidden == str(pure) else f"{quote(ref)}: {quote(hidden)}"
        return (
            f"{named} is a hidden name (it starts with '.'), which web servers and LMSs "
            "refuse to serve; rename it"
        )
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
        names = sorted(e.name for e in folder.iterdir() if e.is_file() and e.name[:1] != ".")
    except OSError:
        return ""
    close = difflib.get_close_matches(ref.name, names, n=1, cutoff=0.6)
    return f" (did you mean {quote(str(ref.parent / close[0]))}?)" if close else ""
