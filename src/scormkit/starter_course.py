"""`scormkit init`: a starter course that builds as it is, with the schema editors complete from."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from scormkit.atomic import write_file
from scormkit.errors import BuildError
from scormkit.spec.schema import course_schema_text


def write_starter_course(folder: Path) -> Path:
    """Write the starter spec and `course.schema.json` into `folder`; return the spec's path.

    Raises BuildError naming the first file that is already there, and writes nothing then.
    """
    starter = resources.files("scormkit") / "starter"
    files = {
        entry.name: entry.read_bytes()
        for entry in starter.iterdir()
        if entry.name.endswith(".yaml")
    }
    # The starter's pictures, which its course uses (drawn by course_specs/art/draw.py).
    files.update(
        (f"img/{entry.name}", entry.read_bytes())
        for entry in (starter / "img").iterdir()
        if entry.name.endswith(".svg")
    )
    files["course.schema.json"] = course_schema_text().encode()
    if folder.exists() and not folder.is_dir():
        raise BuildError(f"{folder}: is a file; give a folder for the new course")
    clashes = sorted(n for n in files if (folder / n).exists())
    if clashes:
        raise BuildError(f"{folder / clashes[0]}: already exists; choose an empty folder")
    made: list[Path] = []  # files and folders created, undone if the course is not written whole
    try:
        for place in (*reversed(folder.parents), folder, folder / "img"):
            if not place.exists():
                place.mkdir()
                made.append(place)
        for name, data in sorted(files.items()):
            write_file(folder / name, data)
            made.append(folder / name)
    except BaseException as exc:
        for path in reversed(made):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            where = exc.filename or folder
            raise BuildError(f"{where}: cannot write: {exc.strerror or exc}") from None
        raise
    return folder / "course.yaml"
