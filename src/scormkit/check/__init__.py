"""`check_package`: is a zip a sound SCORM 1.2/2004, xAPI or cmi5 package, and is it safe?

Works on any package, made by scormkit or not. The zip is read in memory and never extracted,
except its XSD control documents, which go to a private temporary folder for validation.
"""

from __future__ import annotations

import posixpath
import tempfile
from pathlib import Path

from lxml import etree

from scormkit.check.content import check_files
from scormkit.check.package import Package
from scormkit.check.pitfalls import check_pitfalls
from scormkit.check.report import CheckReport, FileSize, Finding
from scormkit.check.schemas import schema_folder, validate
from scormkit.check.scorm import check_manifest, scorm_edition
from scormkit.check.xapi import check_cmi5, check_tincan
from scormkit.errors import MalformedXml, SchemaProblem, UnsafePackage
from scormkit.lms.package_zip import Limits, PackageZip
from scormkit.lms.xml_read import parse_xml

__all__ = ["CheckReport", "FileSize", "Finding", "Limits", "check_package"]

MANIFESTS = {"imsmanifest.xml": "scorm", "cmi5.xml": "cmi5", "tincan.xml": "xapi"}


def check_package(
    path: Path | str, schemas: Path | str | None = None, *, limits: Limits | None = None
) -> CheckReport:
    """Check the zip at `path`; validate against the XSDs in `schemas` or in the package."""
    path = Path(path)
    report = CheckReport(path.name)
    try:
        zip_file = PackageZip(path, limits)
    except UnsafePackage as exc:
        return _unreadable(report, exc)
    try:
        _check(Package(zip_file, report), Path(schemas) if schemas else None)
    except UnsafePackage as exc:
        return _unreadable(report, exc)
    finally:
        zip_file.close()
    return report


def _unreadable(report: CheckReport, exc: UnsafePackage) -> CheckReport:
    report.unreadable = True
    report.findings = [Finding(exc.file, 0, "error", exc.message)]
    return report


def _check(package: Package, schemas: Path | None) -> None:
    report = package.report
    manifest = _find_manifest(package)
    if manifest is None:
        check_files(package, listed_files=False)
        return
    package.manifest = manifest
    kind = MANIFESTS[posixpath.basename(manifest)]
    try:
        root = parse_xml(package.zip.read(manifest), manifest)
    except MalformedXml as exc:
        report.error(manifest, exc.line, exc.message)
        check_files(package, listed_files=False)
        return
    if kind == "scorm":
        report.standard, report.edition = scorm_edition(root)
        check_manifest(package, root, report.standard)
        check_pitfalls(package, root, report.standard)
    elif kind == "cmi5":
        report.standard = "cmi5"
        check_cmi5(package, root)
    else:
        report.standard = "xapi"
        check_tincan(package, root)
    check_files(package, listed_files=kind == "scorm")
    _check_schemas(package, root, schemas)


def _find_manifest(package: Package) -> str | None:
    """The member holding the package's manifest; reports why there is none."""
    report, names = package.report, package.zip.names
    for name in MANIFESTS:
        if name in package.zip.infos:
            return name
    nested = [n for n in names if posixpath.basename(n) == "tincan.xml"]
    if len(nested) == 1:
        # A nested tincan.xml is allowed when each folder above it holds only that folder
        # (LMSs that import tincan.xml packages accept it): a zip of the course folder rather
        # than of its contents.
        folder = posixpath.dirname(nested[0]) + "/"
        if all(n.startswith(folder) for n in names):
            return nested[0]
    others = [n for n in names if posixpath.basename(n) in MANIFESTS]
    hint = (
        f" ('{others[0]}' is in a folder: zip the folder's contents, not the folder)"
        if others
        else ""
    )
    report.error(
        report.package,
        0,
        f"no imsmanifest.xml, cmi5.xml or tincan.xml at the zip root{hint}: not a SCORM, xAPI "
        "or cmi5 package",
    )
    return None


CONTROL_DOCUMENTS_RATIO = 10
CONTROL_DOCUMENTS_FLOOR = 2 * 1024**2


def _check_schemas(package: Package, root: etree._Element, schemas: Path | None) -> None:
    report = package.report
    if schemas is not None:
        if not schemas.is_dir():
            raise UnsafePackage(str(schemas), "no such folder of XSD files")
        _validate(
            package, root, schema_folder(schemas, report.standard, report.edition), reuse=True
        )
        return
    inside = [n for n in package.zip.names if n.lower().endswith((".xsd", ".dtd"))]
    if not inside:
        return
    # Control documents are the only members written to disk; never more than a small
    # multiple of the zip itself (real XSD sets are a few hundred KB).
    budget = max(CONTROL_DOCUMENTS_FLOOR, CONTROL_DOCUMENTS_RATIO * package.zip.path.stat().st_size)
    unpacked = sum(package.zip.size(n) for n in inside)
    if unpacked > budget:
        report.error(
            report.package, 0,
            f"the XSD control documents unpack to {unpacked} bytes, more than {budget} "
            "(ten times the zip); not validated",
        )  # fmt: skip
        return
    with tempfile.TemporaryDirectory(prefix="scormkit-check-") as temp:
        folder = Path(temp)
        try:
            for name in inside:
                # Names were screened by PackageZip (no '..', no absolute paths, no links).
                target = folder.joinpath(*name.replace("\\", "/").split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(package.zip.read(name))
        except OSError as exc:
            report.error(
                name, 0, f"the XSD control documents cannot be unpacked: {exc.strerror or exc}"
            )
            return
        _validate(package, root, folder, reuse=False)


def _validate(package: Package, root: etree._Element, folder: Path, *, reuse: bool) -> None:
    report = package.report
    try:
        errors = validate(root, folder, reuse=reuse)
    except SchemaProblem as exc:
        report.error(package.manifest, 0, f"the XSD control documents cannot be used: {exc}")
        return
    report.schemas_checked = True
    for line, message in errors:
        report.error(package.manifest, line, f"XSD: {message}")
