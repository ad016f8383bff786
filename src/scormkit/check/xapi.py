"""Rules for cmi5.xml (cmi5 Quartz section 13-14) and tincan.xml (Rustici launch, lms_lrs.md)."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from lxml import etree

from scormkit.check.package import SCHEME, Package
from scormkit.lms.xml_read import line_of
from scormkit.namespaces import CMI5_COURSE as CMI5
from scormkit.namespaces import TINCAN

IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
MOVE_ON = {"NotApplicable", "Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed"}
LAUNCH_METHODS = {"AnyWindow", "OwnWindow"}
# Launch parameters the LMS adds (cmi5 8.1); an AU url that uses them clashes with the launch.
CMI5_PARAMETERS = {"endpoint", "fetch", "actor", "registration", "activityId"}


def iri_problem(value: str | None) -> str:
    """Why `value` is not a well-formed absolute IRI, or ""."""
    if not value:
        return "is missing"
    if not IRI.match(value):
        return f"'{value}' is not an absolute IRI"
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and not parts.netloc:
        return f"'{value}' has no host"
    return ""


def check_cmi5(package: Package, root: etree._Element) -> None:
    """Report problems of the course structure `root` (cmi5.xml)."""
    report, where = package.report, package.manifest
    if root.tag != f"{{{CMI5}}}courseStructure":
        report.error(
            where, line_of(root), f"the root element is not cmi5 courseStructure in {CMI5}"
        )
        return
    ids: list[tuple[str, int]] = []
    for element in root.iter(f"{{{CMI5}}}course", f"{{{CMI5}}}block", f"{{{CMI5}}}au"):
        kind = etree.QName(element).localname
        line = line_of(element)
        _check_iri(package, element.get("id"), line, f"{kind} id")
        ids.append((element.get("id") or "", line))
        if not element.findall(f"{{{CMI5}}}title/{{{CMI5}}}langstring"):
            report.error(where, line, f"{kind} '{element.get('id')}' has no title langstring")
    counts = Counter(i for i, _ in ids)
    for value, line in ids:
        if value and counts[value] > 1:
            report.error(where, line, f"id '{value}' is used {counts[value]} times")
    aus = list(root.iter(f"{{{CMI5}}}au"))
    if not aus:
        report.error(where, line_of(root), "the course has no <au>: nothing to launch")
    for au in aus:
        _check_au(package, au)


def _check_au(package: Package, au: etree._Element) -> None:
    report, where = package.report, package.manifest
    line = line_of(au)
    move_on = au.get("moveOn", "NotApplicable")
    if move_on not in MOVE_ON:
        report.error(where, line, f"moveOn '{move_on}' is not one of {', '.join(sorted(MOVE_ON))}")
    method = au.get("launchMethod", "AnyWindow")
    if method not in LAUNCH_METHODS:
        report.error(where, line, f"launchMethod '{method}' is not AnyWindow or OwnWindow")
    mastery = au.get("masteryScore")
    if mastery is not None and not _is_fraction(mastery):
        report.error(where, line, f"masteryScore '{mastery}' is not a decimal from 0 to 1")
    if au.get("activityType") is not None:
        _check_iri(package, au.get("activityType"), line, "activityType")
    url = au.find(f"{{{CMI5}}}url")
    if url is None or not (url.text or "").strip():
        report.error(where, line, f"au '{au.get('id')}' has no url")
        return
    href = (url.text or "").strip()
    query = {p.split("=", 1)[0] for p in urlsplit(href).query.split("&") if p}
    clashes = sorted(query & CMI5_PARAMETERS)
    if clashes:
        report.error(where, line_of(url), f"url uses launch parameter names {clashes} (cmi5 8.1)")
    if SCHEME.match(href):
        _check_iri(package, href, line_of(url), "url")
    else:
        package.check_href(href, line_of(url), "url")


def check_tincan(package: Package, root: etree._Element) -> None:
    """Report problems of the activity list `root` (tincan.xml)."""
    report, where = package.report, package.manifest
    if root.tag != f"{{{TINCAN}}}tincan":
        report.error(where, line_of(root), f"the root element is not tincan in {TINCAN}")
        return
    activities = list(root.iter(f"{{{TINCAN}}}activity"))
    if not activities:
        report.error(where, line_of(root), "tincan.xml lists no activity")
    counts = Counter(a.get("id") for a in activities)
    launching = []
    for activity in activities:
        line = line_of(activity)
        _check_iri(package, activity.get("id"), line, "activity id")
        _check_iri(package, activity.get("type"), line, "activity type")
        if activity.get("id") and counts[activity.get("id")] > 1:
            report.error(
                where,
                line,
                f"activity id '{activity.get('id')}' is used {counts[activity.get('id')]} times",
            )
        launch = activity.find(f"{{{TINCAN}}}launch")
        if launch is not None:
            launching.append(activity)
            href = (launch.text or "").strip()
            if SCHEME.match(href):
                _check_iri(package, href, line_of(launch), "launch")
            else:
                package.check_href(href, line_of(launch), "launch")
    if activities and len(launching) != 1:
        report.error(
            where,
            line_of(root),
            f"{len(launching)} activities have a <launch>; exactly one (the root activity) must",
        )


def _check_iri(package: Package, value: str | None, line: int, what: str) -> None:
    problem = iri_problem(value)
    if problem:
        package.report.error(package.manifest, line, f"{what} {problem}")


def _is_fraction(value: str) -> bool:
    try:
        return 0 <= float(value) <= 1
    except ValueError:
        return False
