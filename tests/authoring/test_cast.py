"""What the player receives about pictures: a role-play's cast and its portraits per scene,
the course cover, and each module's card (description, image, minutes)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import lxml.html
from paths import REPO_ROOT

from scormkit.build import build
from scormkit.spec import load_course
from scormkit.spec.activities import Scenario
from scormkit.testing.learner import scenarios_of

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
TIMED = ROOT / "tests" / "specs" / "scenario-timer.yaml"


def built(spec: Path, tmp_path: Path) -> tuple[dict[str, Any], lxml.html.HtmlElement, set[str]]:
    """The player data, the launch page and the file names of `spec` built for SCORM 1.2; the
    scenarios and pages of modules loaded when opened (modules/*.json) are added to the launch
    page's, as the player adds them."""
    with zipfile.ZipFile(build(spec, "scorm12", tmp_path)) as zf:
        page = lxml.html.fromstring(zf.read("index.html"))
        names = set(zf.namelist())
        data = json.loads(page.get_element_by_id("sk-course").text)
        for name in sorted(n for n in names if n.startswith("modules/")):
            part = json.loads(zf.read(name))
            data["scenarios"] += part["scenarios"]
            page.body.extend(lxml.html.fragments_fromstring(part["html"]))
    return data, page, names


def test_each_flagship_scene_carries_its_speaker_and_the_portrait_for_its_mood(
    tmp_path: Path,
) -> None:
    data, page, names = built(FLAGSHIP, tmp_path)
    scenes = {s["id"]: s for s in data["scenarios"][0]["scenes"]}
    assert scenes["arrival"]["speaker"] == {
        "id": "okafor",
        "name": "Mr. Daniel Okafor",
        "role": "Patient",
        "initials": "DO",
    }
    assert scenes["arrival"]["mood"] == "worried"
    assert scenes["arrival"]["portrait"] == {
        "src": "assets/img/okafor-worried.svg",
        "alt": "Mr. Okafor frowns, his brows raised with worry.",
    }
    assert scenes["nurse-arrives"]["portrait"]["src"] == "assets/img/kim-calm.svg"
    assert scenes["success-end"]["portrait"]["src"] == "assets/img/okafor-relieved.svg"
    # A narrated scene has no speaker; its own picture keeps working.
    assert scenes["breach-end"]["speaker"] is None
    assert scenes["breach-end"]["image"]["src"] == "assets/img/reception.svg"
    for scene in scenes.values():
        for picture in (scene["portrait"], scene["image"]):
            assert picture is None or (picture["src"] in names and picture["alt"])
    # The page shows the same portrait, so the player works before any script runs.
    img = page.xpath('//*[@data-scene="arrival"]//img[@data-portrait]')[0]
    assert (img.get("src"), img.get("alt")) == (
        "assets/img/okafor-worried.svg",
        "Mr. Okafor frowns, his brows raised with worry.",
    )


def test_every_flagship_page_shows_a_picture_or_a_portrait() -> None:
    course = load_course(FLAGSHIP)
    bare = [
        page.id
        for module in course.modules
        for page in module.pages
        if not any(block.type == "image" for block in page.blocks)
        and not (isinstance(page.activity, Scenario) and page.activity.cast)
    ]
    assert bare == []


def test_the_cover_and_module_cards_carry_descriptions_images_and_minutes(
    tmp_path: Path,
) -> None:
    data, _, names = built(FLAGSHIP, tmp_path)
    assert data["cover"]["src"] == "assets/img/cover.svg"
    assert data["description"].startswith("A practical course for front desk")
    cards = {m["id"]: m for m in data["modules"]}
    assert cards["roleplay"]["minutes"] == 20 and cards["roleplay"]["minutesEstimated"] is False
    touchpoints = cards["touchpoints"]
    assert touchpoints["description"] == "Every call, form and bill is part of the patient's care."
    assert touchpoints["image"]["src"] == "assets/img/module-touchpoints.svg"
    assert touchpoints["image"]["src"] in names
    # About 1,200 words read and four questions answered.
    assert touchpoints["minutesEstimated"] is True and 5 <= touchpoints["minutes"] <= 12


def test_without_a_cast_a_speaker_is_a_name_shown_with_initials(tmp_path: Path) -> None:
    data, page, _ = built(TIMED, tmp_path)
    scene = data["scenarios"][0]["scenes"][0]
    assert scene["speaker"] == {"id": None, "name": "A patient", "role": None, "initials": "AP"}
    assert scene["portrait"] is None
    assert data["cover"] is None and data["modules"][0]["image"] is None
    first = scenarios_of(load_course(TIMED))[0].scenes[0].id
    initials = page.xpath(f'//*[@data-scene="{first}"]//*[contains(@class, "sk-avatar")]')[0]
    assert (initials.text.strip(), initials.get("aria-hidden")) == ("AP", "true")


def test_a_scenes_choices_are_labelled_with_the_speakers_name_not_the_cast_id(
    tmp_path: Path,
) -> None:
    _, page, _ = built(FLAGSHIP, tmp_path)
    group = page.xpath('//*[@data-scene="arrival"]//*[@role="group"]')[0]
    assert group.get("aria-label") == "Mr. Daniel Okafor"
