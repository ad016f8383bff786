"""Build a package: spec -> plan -> assets, launch page and player files -> manifest -> zip."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from scormkit.archive import PackageFile, write_zip
from scormkit.assets import collect_assets, large_images
from scormkit.errors import BuildError, Problem, SpecError
from scormkit.plan import make_plan
from scormkit.player_text import player_language_warning
from scormkit.render import render_course, render_modules
from scormkit.runtime_files import read_runtime
from scormkit.spec import Course, check_course
from scormkit.spec.banks import with_banks
from scormkit.spec.code_places import CodePlaces
from scormkit.spec.course_checks import Locate
from scormkit.spec.document import format_path
from scormkit.spec.load import read_course
from scormkit.targets import TARGETS, Target
from scormkit.validate import budget_problems

Step = Callable[[str], None]


def build(
    spec: Path | str | Course,
    target: str = "scorm12",
    out_dir: Path | str = "dist",
    *,
    templates: Path | str | None = None,
    control_documents: Path | str | None = None,
    base_dir: Path | str | None = None,
    launch_per_module: bool | None = None,
    state_budget: int | None = None,
    on_step: Step | None = None,
    on_warning: Step | None = None,
) -> Path:
    """Build `spec` (a spec file, or a Course made in code) for `target`; return the zip's path.

    Assets of a Course made in code are looked up under `base_dir` (default: the current
    folder). `launch_per_module`, when given, overrides the spec's `packaging.launch_per_module`;
    `state_budget`, when given, lowers the target's resume-state budget (an LMS that keeps less).
    `on_step` is told the name of each stage as it starts; `on_warning` each thing that
    builds but deserves a look (an image over LARGE_IMAGE bytes, a course language the player
    does not speak).
    """
    step = on_step or (lambda _name: None)
    chosen = find_target(target)
    templates_dir = _existing_dir(templates, "templates")
    documents_dir = _existing_dir(control_documents, "control documents")
    step("checking the spec")
    course, assets_dir, locate = _course_and_folder(spec, base_dir)
    if launch_per_module is not None:
        packaging = course.packaging.model_copy(update={"launch_per_module": launch_per_module})
        course = course.model_copy(update={"packaging": packaging})
    if (
        launch_per_module is None
        and not course.packaging.launch_per_module
        and (course.packaging.modules_in_order or course.packaging.assessment)
    ):
        raise BuildError(
            "packaging.modules_in_order and packaging.assessment need one launch per module: "
            "set packaging.launch_per_module (or build with --launch-per-module)"
        )
    if state_budget is not None and state_budget < chosen.state_budget:
        chosen = replace(chosen, state_budget=state_budget)
    over = budget_problems(course, locate, [chosen.name])  # at the activities taking most
    if over:
        raise SpecError(over)
    plan = make_plan(course, chosen)
    warning = player_language_warning(course)
    if warning and on_warning:
        on_warning(warning)
    step("copying assets")
    asset_hrefs, asset_files = collect_assets(course, assets_dir)
    for warning in large_images(course, assets_dir):
        (on_warning or (lambda _text: None))(warning)
    step("rendering pages")
    page = render_course(plan, asset_hrefs=asset_hrefs, templates=templates_dir)
    modules = render_modules(plan, asset_hrefs=asset_hrefs, templates=templates_dir)
    files = _content_files([*asset_files, page, *modules, *read_runtime(plan.runtime)])
    support = read_control_documents(documents_dir) if documents_dir else []
    step(f"writing the {chosen.label} manifest")
    manifest = chosen.manifest(plan, files)
    dest = Path(out_dir) / f"{course.id}-{chosen.name}.zip"
    step(f"writing {dest}")
    try:
        write_zip([manifest, *files, *support], dest)
    except OSError as exc:
        raise BuildError(f"{dest}: cannot write the package: {exc.strerror or exc}") from None
    return dest


def _content_files(files: list[PackageFile]) -> tuple[PackageFile, ...]:
    """The package's content files sorted by href, each href written once."""
    hrefs = [f.href for f in files]
    duplicates = sorted({h for h in hrefs if hrefs.count(h) > 1})
    if duplicates:
        raise BuildError(f"two package files would be written to {duplicates[0]}")
    return tuple(sorted(files, key=lambda f: f.href))


def find_target(name: str) -> Target:
    """The target called `name`, or a BuildError naming the ones that exist."""
    if name in TARGETS:
        return TARGETS[name]
    close = difflib.get_close_matches(name, list(TARGETS), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise BuildError(f"unknown target '{name}'{hint}; choose from {', '.join(TARGETS)}")


def _course_and_folder(
    spec: Path | str | Course, base_dir: Path | str | None
) -> tuple[Course, Path, Locate]:
    """The checked course, the folder of its assets, and where each of its paths was written."""
    if isinstance(spec, Course):
        folder = Path(base_dir or ".")
        places = CodePlaces(spec, f"course '{spec.id}'")  # made in code: the lines that did
        spec, missing = with_banks(spec)
        problems = [Problem(places.locate(p), format_path(p), m) for p, m in missing]
        problems += check_course(spec, folder, places.locate)
        if problems:
            raise SpecError(problems)
        return spec, folder, places.locate
    path = Path(spec)
    course, problems, source = read_course(path)
    if problems or course is None:
        raise SpecError(problems)
    return course, Path(base_dir) if base_dir else path.parent, source.locate


def _existing_dir(value: Path | str | None, what: str) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    if not path.is_dir():
        raise BuildError(f"{path}: no such folder for {what}")
    return path


def read_control_documents(folder: Path) -> list[PackageFile]:
    """The schema files (.xsd, .dtd) under `folder`, to ship at the package root; hidden
    files and folders (`.git/`, a name starting with '.') are left out, as servers hide them."""
    files = [
        PackageFile(p.relative_to(folder).as_posix(), p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.suffix.lower() in (".xsd", ".dtd")
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    if not files:
        raise BuildError(f"{folder}: no .xsd or .dtd files to use as control documents")
    return files
