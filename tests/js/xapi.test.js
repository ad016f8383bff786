import assert from "node:assert/strict";
import { test } from "node:test";

import { cmi5Context, isPassing, launchParameters as cmi5Launch } from "../../src/scormkit/runtime/track/cmi5.js";
import { launchParameters } from "../../src/scormkit/runtime/track/xapi.js";
import {
  answeredResult,
  normaliseActor,
  responseText,
  statement,
  uuid,
} from "../../src/scormkit/runtime/track/xapistatements.js";

test("a uuid is version 4 and different every time", () => {
  const first = uuid();
  assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(first, uuid());
  const fallback = uuid({ getRandomValues: (bytes) => bytes.fill(255) });
  assert.equal(fallback, "ffffffff-ffff-4fff-bfff-ffffffffffff");
});

test("0.95-style actors with arrays become one-identifier agents", () => {
  assert.deepEqual(normaliseActor({ name: ["Ana"], mbox: ["mailto:ana@clinic.example"] }), {
    objectType: "Agent",
    name: "Ana",
    mbox: "mailto:ana@clinic.example",
  });
  assert.deepEqual(
    normaliseActor({ account: [{ accountServiceHomePage: "https://lms.test", accountName: "7" }] }),
    { objectType: "Agent", account: { homePage: "https://lms.test", name: "7" } },
  );
  assert.equal(normaliseActor({ name: "nobody" }), null);
});

test("responses use the xAPI forms of their interaction type", () => {
  assert.equal(responseText({ type: "true-false", response: ["t"] }), "true");
  assert.equal(responseText({ type: "choice", response: ["a", "c"] }), "a[,]c");
  assert.equal(responseText({ type: "matching", response: ["b", "a"] }), "1[.]b[,]2[.]a");
  assert.equal(responseText({ type: "fill-in", response: ["HIPAA"] }), "HIPAA");
});

test("an answered result carries response, success, score and duration", () => {
  const record = { type: "choice", response: ["b"], result: "correct", weight: 2, latency: 12_340 };
  assert.deepEqual(answeredResult(record), {
    response: "b",
    success: true,
    duration: "PT12.34S",
    score: { raw: 2, min: 0, max: 2, scaled: 1 },
  });
  assert.equal("score" in answeredResult({ ...record, weight: 0 }), false);
});

test("xAPI launch parameters need endpoint, auth and actor", () => {
  const actor = encodeURIComponent(JSON.stringify({ mbox: "mailto:a@b.example" }));
  const found = launchParameters(`?endpoint=https://lrs.test/x/&auth=Basic%20eA==&actor=${actor}`);
  assert.equal(found.endpoint, "https://lrs.test/x/");
  assert.equal(found.registration, null);
  assert.equal(launchParameters("?endpoint=https://lrs.test/"), null);
});

test("cmi5 launch parameters are all required", () => {
  assert.equal(cmi5Launch("?endpoint=e&fetch=f&actor=%7B%7D&registration=r"), null);
});

test("a cmi5 defined statement's context adds the cmi5 category, moveon only with a result", () => {
  const template = { contextActivities: { grouping: [{ id: "https://au.test" }] } };
  const plain = cmi5Context(template, "reg", { defined: true });
  assert.deepEqual(
    plain.contextActivities.category.map((c) => c.id.split("/").pop()),
    ["cmi5"],
  );
  const moveon = cmi5Context(template, "reg", { defined: true, moveon: true, mastery: 0.8 });
  assert.deepEqual(
    moveon.contextActivities.category.map((c) => c.id.split("/").pop()),
    ["cmi5", "moveon"],
  );
  assert.equal(moveon.extensions["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"], 0.8);
  assert.equal(template.contextActivities.category, undefined, "the template is not modified");
  assert.equal(cmi5Context(template, "reg").contextActivities.category, undefined);
});

test("the LMS's masteryScore decides passing over the course's own verdict", () => {
  assert.equal(isPassing(79, true, 0.8), false);
  assert.equal(isPassing(80, false, 0.8), true);
  assert.equal(isPassing(50, true, undefined), true);
});
