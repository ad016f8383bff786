"""LMS profiles: every fact sourced, `scormkit lms`, and what `build --lms` does with them."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from paths import REPO_ROOT

from scormkit import build
from scormkit.errors import BuildError
from scormkit.profiles import LmsProfile, StateLimit, all_profiles, find_profile
from scormkit.profiles.shape import shape_build
from scormkit.targets import TARGETS

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
NAMES = [
    "generic", "moodle", "canvas", "blackboard", "brightspace", "cornerstone",
    "successfactors", "docebo", "talentlms", "scorm-cloud",
]  # fmt: skip
# A public page or file, or a section of the standard itself.
SOURCE = re.compile(r"^(https?://\S+|(SCORM|xAPI|cmi5)\b.*)$")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scormkit", *args], capture_output=True, text=True, check=False
    )


def sco_items(zip_path: Path) -> list[str]:
    with zipfile.ZipFile(zip_path) as zf:
        root = etree.fromstring(zf.read("imsmanifest.xml"))
    return [str(i) for i in root.xpath("//*[local-name()='item'][@identifierref]/@identifier")]


def test_there_is_a_profile_for_every_lms_named_and_every_fact_has_a_source() -> None:
    assert [p.name for p in all_profiles()] == NAMES
    for profile in all_profiles():
        facts = profile.facts()
        assert facts or profile.launch, profile.name
        for _heading, fact in facts:
            assert fact.text and SOURCE.match(fact.source), (profile.name, fact)
        assert profile.runs <= set(TARGETS), profile.name


def test_scormkit_lms_lists_each_profile_with_its_facts_and_sources() -> None:
    result = run("lms")
    assert result.returncode == 0, result.stderr
    headers = [line.split(":")[0] for line in result.stdout.splitlines() if line[:1].strip()]
    assert headers == NAMES
    facts = sum(len(p.facts()) for p in all_profiles())
    assert result.stdout.count("\n    source: ") == facts
    assert "  defect: any <imsss:mapInfo> in an objective aborts the upload" in result.stdout


def test_an_unknown_lms_exits_1_with_a_suggestion() -> None:
    result = run("lms", "modle")
    assert result.returncode == 1
    assert result.stderr.startswith("error: unknown LMS 'modle' (did you mean 'moodle'?);")


def test_build_for_moodle_makes_a_per_module_2004_course_one_sco_and_says_why(
    tmp_path: Path,
) -> None:
    result = run("build", str(FLAGSHIP), "-t", "scorm2004", "--launch-per-module", "--lms",
                 "moodle", "-o", str(tmp_path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "moodle: one SCO instead of one per module: Moodle never finished SCORM 2004 " in (
        result.stdout
    )
    assert "moodle admin: one SCO: Moodle's default Grading method, 'Highest grade'" in (
        result.stdout
    )
    assert sco_items(tmp_path / "healthcare-customer-service-scorm2004.zip") == [
        "item-healthcare-customer-service"
    ]


def test_build_for_moodle_keeps_a_per_module_12_course_and_advises_the_grading_method(
    tmp_path: Path,
) -> None:
    result = run("build", str(FLAGSHIP), "-t", "scorm12", "--launch-per-module", "--lms",
                 "moodle", "-o", str(tmp_path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "moodle admin: set the SCORM activity's Grading method to 'Learning objects'" in (
        result.stdout
    )
    assert len(sco_items(tmp_path / "healthcare-customer-service-scorm12.zip")) == 6


def test_an_lms_that_keeps_less_resume_state_lowers_the_budget(tmp_path: Path) -> None:
    tiny = LmsProfile(
        name="tiny", title="Tiny LMS",
        suspend_data=(StateLimit("keeps 300 characters", "https://example.org/tiny",
                                 targets=("scorm12",), characters=300),),
    )  # fmt: skip
    shaping = shape_build(tiny, TARGETS["scorm12"], launch_per_module=False)
    assert shaping.state_budget == 300
    assert shaping.notes == [
        "resume state kept within 300 characters: keeps 300 characters (https://example.org/tiny)"
    ]
    with pytest.raises(BuildError, match="more than the 300 every SCORM 1.2 LMS must keep"):
        build(FLAGSHIP, "scorm12", tmp_path, state_budget=shaping.state_budget)
    assert shape_build(find_profile("generic"), TARGETS["scorm12"], False).state_budget == 4096


def test_a_standard_the_lms_does_not_document_is_said(tmp_path: Path) -> None:
    shaping = shape_build(find_profile("docebo"), TARGETS["scorm2004"], launch_per_module=False)
    assert shaping.notes == [
        "Docebo documents scorm12, scorm2004-3rd, not scorm2004; it may not run this package"
    ]


def test_moodle_with_modules_in_order_is_told_how_to_keep_the_order() -> None:
    moodle = find_profile("moodle")
    shaping = shape_build(moodle, TARGETS["scorm2004"], launch_per_module=True, in_order=True)
    assert not shaping.launch_per_module
    assert shaping.notes[-1].startswith("modules_in_order is not enforced inside one SCO; to keep")
    kept = shape_build(moodle, TARGETS["scorm12"], launch_per_module=True, in_order=True)
    assert kept.launch_per_module and kept.notes == []
