"""A standard-neutral plan of a package: what it holds and how it starts."""

from __future__ import annotations

from dataclasses import dataclass

from scormkit.archive import PackageFile
from scormkit.errors import BuildError
from scormkit.spec.models import Course, Module

LAUNCH_FILE = "index.html"


@dataclass(frozen=True)
class PackagePlan:
    """Everything a target needs to describe a package; targets add only their descriptor."""

    course: Course
    launch: str  # href of the page that starts the course
    files: tuple[PackageFile, ...]  # every content file, sorted by href
    support_files: tuple[PackageFile, ...]  # files at the root that no resource lists (schemas)

    @property
    def identifier(self) -> str:
        """Base of every identifier in the package, derived from the course id."""
        return self.course.id

    @property
    def passing_score(self) -> int | None:
        """Percent needed to pass, when the course is scored."""
        return self.course.completion.passing_score

    def module_launch(self, module: Module) -> str:
        """The parameters that make the launch page play only `module`."""
        return f"?module={module.id}"

    def all_files(self, descriptor: PackageFile) -> list[PackageFile]:
        """The package's files with its descriptor (manifest) added."""
        return [descriptor, *self.files, *self.support_files]


def make_plan(
    course: Course, files: list[PackageFile], support_files: list[PackageFile] | None = None
) -> PackagePlan:
    """Plan a package of `files`, launched from `index.html`."""
    hrefs = [f.href for f in files]
    if LAUNCH_FILE not in hrefs:
        raise BuildError(f"a package needs {LAUNCH_FILE}")
    duplicates = sorted({h for h in hrefs if hrefs.count(h) > 1})
    if duplicates:
        raise BuildError(f"two package files would be written to {duplicates[0]}")
    return PackagePlan(
        course=course,
        launch=LAUNCH_FILE,
        files=tuple(sorted(files, key=lambda f: f.href)),
        support_files=tuple(sorted(support_files or [], key=lambda f: f.href)),
    )
