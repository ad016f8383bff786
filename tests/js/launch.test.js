import assert from "node:assert/strict";
import { test } from "node:test";

import { launchedModule, moduleStatuses, pagesMeasure, scopeCourse } from "../../src/scormkit/runtime/launch.js";
import { startProgress } from "../../src/scormkit/runtime/progress.js";
import { COURSE, QUESTIONS } from "./course.js";

test("the launch URL names a module of the course, or the whole course is launched", () => {
  assert.equal(launchedModule(COURSE, "?module=end"), "end");
  assert.equal(launchedModule(COURSE, "?module=nope"), null);
  assert.equal(launchedModule(COURSE, ""), null);
});

test("a module launch sees only its own pages and questions and knows its neighbours", () => {
  const end = scopeCourse(COURSE, "end");
  assert.deepEqual(end.pages.map((p) => p.id), ["p7"]);
  assert.equal(end.questions.length, QUESTIONS.length);
  assert.deepEqual(end.launch, { module: "end", previous: true, next: false });
  const intro = scopeCourse(COURSE, "intro");
  assert.equal(intro.pages.length, 6);
  assert.deepEqual(intro.questions, []);
  assert.deepEqual(intro.launch, { module: "intro", previous: false, next: true });
  assert.equal(scopeCourse(COURSE, null).launch, null);
  assert.equal(scopeCourse(COURSE, null).pages.length, 7);
});

test("each module's status is counted from its own pages and questions", () => {
  const progress = startProgress(COURSE);
  progress.seen = [true, true, true, true, true, true, false];
  const [intro, end] = moduleStatuses(COURSE, progress);
  assert.deepEqual(intro, { id: "intro", complete: true, passed: null, score: null });
  assert.equal(end.complete, false);
  assert.equal(pagesMeasure(progress), 6 / 7);
});
