"""Build a package: spec -> assets and pages -> plan -> descriptor -> zip."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from scormkit.archive import PackageFile, write_zip
from scormkit.assets import collect_assets
from scormkit.budget import check_state_budget
from scormkit.errors import BuildError, Location, Problem, SpecError
from scormkit.plan import make_plan
from scormkit.render import render_course
from scormkit.spec import Course, check_course, load_course
from scormkit.spec.banks import with_banks
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
    sco_per_module: bool | None = None,
    on_step: Step | None = None,
) -> Path:
    """Build `spec` (a spec file, or a Course made in code) for `target`; return the zip's path.

    Assets of a Course made in code are looked up under `base_dir` (default: the current
    folder). `sco_per_module`, when given, overrides the spec's `packaging.sco_per_module`.
    `on_step` is told the name of each stage as it starts.
    """
    step = on_step or (lambda _name: None)
    chosen = find_target(target)
    templates_dir = _existing_dir(templates, "templates")
    documents_dir = _existing_dir(control_documents, "control documents")
    step("checking the spec")
    course, assets_dir = _course_and_folder(spec, base_dir)
    if sco_per_module is not None:
        packaging = course.packaging.model_copy(update={"sco_per_module": sco_per_module})
        course = course.model_copy(update={"packaging": packaging})
    if course.packaging.sco_per_module and not chosen.per_module:
        raise BuildError(
            f"{chosen.label} packages launch the whole course; one launch per module is not "
            "supported for this target yet: build with --one-sco"
        )
    if not course.packaging.sco_per_module and (
        course.packaging.modules_in_order or course.packaging.assessment
    ):
        raise BuildError(
            "packaging.modules_in_order and packaging.assessment need one launch per module: "
            "set packaging.sco_per_module (or build with --sco-per-module)"
        )
    if isinstance(spec, Course):
        check_state_budget(course, chosen.state_budget, chosen.label)
    else:  # a spec file: point at the activities that take most of the state
        _course, _problems, source = read_course(Path(spec))
        over = budget_problems(course, source, [chosen.name])
        if over:
            raise SpecError(over)
    step("copying assets")
    asset_hrefs, asset_files = collect_assets(course, assets_dir)
    step("rendering pages")
    pages = render_course(
        course,
        tracker=chosen.tracker,
        asset_hrefs=asset_hrefs,
        templates=templates_dir,
        state_budget=chosen.state_budget,
        tracker_data=chosen.tracker_data(course) if chosen.tracker_data else None,
    )
    support = read_control_documents(documents_dir) if documents_dir else []
    step(f"writing the {chosen.label} descriptor")
    plan = make_plan(course, [*asset_files, *pages], support)
    descriptor = chosen.manifest(plan)
    dest = Path(out_dir) / f"{course.id}-{chosen.name}.zip"
    step(f"writing {dest}")
    try:
        write_zip(plan.all_files(descriptor), dest)
    except OSError as exc:
        raise BuildError(f"{dest}: cannot write the package: {exc.strerror or exc}") from None
    return dest


def find_target(name: str) -> Target:
    """The target called `name`, or a BuildError naming the ones that exist."""
    if name in TARGETS:
        return TARGETS[name]
    close = difflib.get_close_matches(name, list(TARGETS), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise BuildError(f"unknown target '{name}'{hint}; choose from {', '.join(TARGETS)}")


def _course_and_folder(
    spec: Path | str | Course, base_dir: Path | str | None
) -> tuple[Course, Path]:
    if isinstance(spec, Course):
        folder = Path(base_dir or ".")
        where = Location(f"course '{spec.id}'", 0, 0)  # made in code: no lines to point at
        spec, missing = with_banks(spec)
        problems = [Problem(where, format_path(p), m) for p, m in missing]
        problems += check_course(spec, folder, lambda _path: where)
        if problems:
            raise SpecError(problems)
        return spec, folder
    path = Path(spec)
    return load_course(path), Path(base_dir) if base_dir else path.parent


def _existing_dir(value: Path | str | None, what: str) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    if not path.is_dir():
        raise BuildError(f"{path}: no such folder for {what}")
    return path


def read_control_documents(folder: Path) -> list[PackageFile]:
    """The schema files (.xsd, .dtd) under `folder`, to ship at the package root."""
    files = [
        PackageFile(p.relative_to(folder).as_posix(), p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix.lower() in (".xsd", ".dtd")
    ]
    if not files:
        raise BuildError(f"{folder}: no .xsd or .dtd files to use as control documents")
    return files
