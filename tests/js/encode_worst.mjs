// Reads { course, progress } JSON (progress with plain objects for its maps) on stdin and
// prints { length, hash }: the length of the encoded state and of its layout hash.
// tests/building/test_budget.py runs it to hold src/scormkit/plan/resume.py to the encoder itself.

import { readFileSync } from "node:fs";

import { encodeState, layoutHash } from "../../src/scormkit/runtime/state.js";

const { course, progress } = JSON.parse(readFileSync(0, "utf8"));
const state = encodeState(course, {
  ...progress,
  answers: new Map(Object.entries(progress.answers)),
  runs: new Map(Object.entries(progress.runs)),
  survey: new Map(Object.entries(progress.survey)),
  scenarios: new Map(Object.entries(progress.scenarios)),
  unknown: [],
});
console.log(JSON.stringify({ length: state.length, hash: layoutHash(course).length }));
