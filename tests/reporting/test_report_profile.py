"""scormkit's xAPI Profile: a well-formed xAPI Profiles 1.0 document, and statements checked
against its Statement Templates (the player's in tests/playing/test_report.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import pytest
from paths import REPO_ROOT

from scormkit.observe import observation_statements, results_from
from scormkit.report.profile import PROFILE_ID, matching_template, profile, template_problems
from scormkit.spec import load_course
from scormkit.statements import agent
from scormkit.xapi_activities import activity_iri, player_activities

ROOT = REPO_ROOT
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
PATTERN_KINDS = ("sequence", "alternates", "optional", "oneOrMore", "zeroOrMore")
TEMPLATES = f"{PROFILE_ID}/templates/"


def test_statements_profile_prints_the_shipped_json_ld_document() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scormkit", "statements", "--profile"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed == profile()
    assert printed["@context"] == "https://w3id.org/xapi/profiles/context"
    assert (printed["id"], printed["type"]) == (PROFILE_ID, "Profile")
    assert printed["conformsTo"] == "https://w3id.org/xapi/profiles#1.0"


def test_every_part_of_the_profile_is_in_its_version_and_every_reference_resolves() -> None:
    document = profile()
    version = document["versions"][0]["id"]
    parts = document["concepts"] + document["templates"] + document["patterns"]
    ids = [part["id"] for part in parts]
    assert len(ids) == len(set(ids))
    assert {part["inScheme"] for part in parts} == {version}
    assert all(part["prefLabel"]["en"] and part["definition"]["en"] for part in parts)
    known = set(ids)
    for pattern in document["patterns"]:
        kinds = [k for k in PATTERN_KINDS if k in pattern]
        assert len(kinds) == 1, pattern["id"]  # xAPI Profiles Part Two §1.5.2: exactly one
        members = pattern[kinds[0]]
        for member in members if isinstance(members, list) else [members]:
            assert member in known, f"{pattern['id']} names {member}"
    for template in document["templates"]:
        for rule in template["rules"]:
            assert rule["location"].startswith("$.")
            assert rule.get("presence") in ("included", "excluded", "recommended")


def test_the_statements_observe_sends_fit_the_observation_templates() -> None:
    course = load_course(FLAGSHIP)
    learner = agent(email="ana@clinic.example", name="Ana Diaz")
    criteria = {
        "greets-promptly": True,
        "uses-name": True,
        "verifies-identity": False,
        "protects-privacy": True,
        "explains-wait": True,
        "checks-understanding": True,
    }
    results = results_from(
        {
            "observation": "oa-front-desk-check-in",
            "observed_at": datetime(2026, 11, 20, 10, 15, tzinfo=UTC),
            "criteria": criteria,
        }
    )
    sent = observation_statements(course, learner, results)
    assert [template_problems(s) for s in sent] == [[]] * len(sent)
    assert [matching_template(s) for s in sent] == [
        f"{TEMPLATES}criterion-met",
        f"{TEMPLATES}criterion-met",
        f"{TEMPLATES}criterion-not-met",
        f"{TEMPLATES}criterion-met",
        f"{TEMPLATES}criterion-met",
        f"{TEMPLATES}criterion-met",
        f"{TEMPLATES}observation-failed",
    ]


def verdict(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "actor": agent(email="ana@clinic.example"),
        "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
        "object": {
            "id": "https://scormkit.dev/courses/x",
            "definition": {"type": "http://adlnet.gov/expapi/activities/course"},
        },
        "result": result,
    }


def test_a_statement_that_breaks_a_rule_is_told_which_and_where() -> None:
    assert template_problems(verdict({"success": True, "score": {"scaled": 1}})) == []
    assert template_problems(verdict({"success": False})) == [
        "course-passed: $.result.success is none of [True]; $.result.score.scaled is missing"
    ]
    stray = {**verdict({}), "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"}}
    assert template_problems(stray) == [
        "no template for verb http://adlnet.gov/expapi/verbs/attended on this object's "
        "activity type"
    ]


def test_the_players_ending_and_timeout_statements_fit_the_profile() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    course = load_course(FLAGSHIP)
    data = player_activities(course) | {"language": course.language}
    scene = activity_iri(course, "scene", "scenario-delayed-result", "arrival")
    script = """
    import { readFileSync } from "node:fs";
    import { endingStatement, timeoutStatement, placeIn }
      from "./src/scormkit/runtime/track/xapistatements.js";
    const { data, actor, scene } = JSON.parse(readFileSync(0, "utf8"));
    const context = (iri) => ({ contextActivities: placeIn(data, iri), language: data.language });
    const run = { scene: "success-end", ending: "success", outOfLives: false, lives: 3,
      points: { empathy: 5, privacy: 6, resolution: 6 }, badges: ["clean-run"] };
    const scenario = `${data.iri}/scenario/scenario-delayed-result`;
    console.log(JSON.stringify([
      endingStatement(actor, data, "scenario-delayed-result", "partial", run,
                      { context: context(scenario) }),
      timeoutStatement(actor, data, scene, true, { context: context(scene) }),
    ]));
    """
    given = {"data": data, "actor": agent(email="ana@clinic.example"), "scene": scene}
    done = subprocess.run(
        [node, "--input-type=module", "-e", script],
        input=json.dumps(given),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    ending, timeout = json.loads(done.stdout)
    assert matching_template(ending) == f"{TEMPLATES}roleplay-ended"
    assert matching_template(timeout) == f"{TEMPLATES}scene-timed-out"
    assert ending["result"]["extensions"]["https://scormkit.dev/xapi/extensions/badges"] == [
        "clean-run"
    ]
