import assert from "node:assert/strict";
import { test } from "node:test";

import {
  endingResult,
  parentOf,
  placeIn,
  playedStatement,
  verb,
  verdictToSend,
} from "../../src/scormkit/runtime/track/xapistatements.js";

const EXT = "https://scormkit.dev/xapi/extensions/";
const DATA = { iri: "https://x.test/c", activities: {}, parents: { "https://x.test/c/page/p1": "https://x.test/c/module/m1" } };

test("verbs carry one language tag, and a timeout has the profile's own verb", () => {
  assert.deepEqual(verb("answered").display, { en: "answered" });
  assert.deepEqual(verb("timed-out"), {
    id: "https://scormkit.dev/xapi/verbs/timed-out",
    display: { en: "timed out" },
  });
});

test("a scene's parent is its role-play and a survey item's its survey", () => {
  assert.equal(parentOf(DATA, "https://x.test/c/scene/desk/greet"), "https://x.test/c/scenario/desk");
  assert.equal(parentOf(DATA, "https://x.test/c/item/feedback/q1"), "https://x.test/c/survey/feedback");
  assert.equal(parentOf(DATA, "https://x.test/c/page/p1"), "https://x.test/c/module/m1");
  assert.equal(parentOf(DATA, "https://x.test/c"), null);
  assert.deepEqual(placeIn(DATA, "https://x.test/c/scene/desk/greet"), {
    grouping: [{ objectType: "Activity", id: "https://x.test/c" }],
    parent: [{ objectType: "Activity", id: "https://x.test/c/scenario/desk" }],
  });
});

test("an ending's result names the ending, its kind, points, lives and badges", () => {
  const run = { scene: "thanks", ending: "partial", outOfLives: false, lives: 2,
    points: { empathy: 3 }, badges: ["kind"] };
  assert.deepEqual(endingResult("partial", run), {
    success: true,
    completion: true,
    extensions: {
      [`${EXT}ending`]: "thanks",
      [`${EXT}ending-kind`]: "partial",
      [`${EXT}points`]: { empathy: 3 },
      [`${EXT}badges`]: ["kind"],
      [`${EXT}lives`]: 2,
    },
  });
  assert.equal(endingResult("success", run).success, false);
  const out = endingResult("partial", { ...run, ending: "failure", outOfLives: true, lives: 0 });
  assert.equal(out.extensions[`${EXT}ending`], "out-of-lives");
  assert.equal(`${EXT}lives` in endingResult("partial", { ...run, lives: null }).extensions, false);
});

test("a verdict is sent again only when it changes", () => {
  assert.equal(verdictToSend(undefined, { passed: false, score: 40 }), "failed");
  assert.equal(verdictToSend("failed", { passed: false, score: 60 }), null);
  assert.equal(verdictToSend("failed", { passed: true, score: 90 }), "passed");
  assert.equal(verdictToSend("passed", { passed: null, score: null }), null);
});

test("the player's timeout and ending events become timed-out and completed statements", () => {
  const actor = { objectType: "Agent", mbox: "mailto:ana@x.test" };
  const asked = [];
  const contextOf = (iri) => {
    asked.push(iri);
    return { language: "en" };
  };
  const time = new Date("2026-12-04T05:00:00Z");
  const timeout = { kind: "timeout", scenario: "desk", scene: "queue", lostLife: true, time };
  const made = playedStatement(actor, DATA, timeout, contextOf);
  assert.equal(made.verb.id, "https://scormkit.dev/xapi/verbs/timed-out");
  assert.equal(made.object.id, "https://x.test/c/scene/desk/queue");
  assert.deepEqual(made.result, { extensions: { [`${EXT}lost-life`]: true } });
  assert.equal(made.timestamp, "2026-12-04T05:00:00.000Z");
  const run = { scene: "helped", ending: "success", outOfLives: false, lives: 1,
    points: { calm: 0 }, badges: [] };
  const ending = playedStatement(actor, DATA, { kind: "ending", scenario: "desk",
    passAt: "success", run, time }, contextOf);
  assert.equal(ending.verb.id, "http://adlnet.gov/expapi/verbs/completed");
  assert.equal(ending.object.id, "https://x.test/c/scenario/desk");
  assert.equal(ending.result.success, true);
  assert.equal(ending.result.extensions[`${EXT}ending`], "helped");
  assert.deepEqual(ending.context, { language: "en" });
  assert.deepEqual(asked, ["https://x.test/c/scene/desk/queue", "https://x.test/c/scenario/desk"]);
});
