import assert from "node:assert/strict";
import { test } from "node:test";

import { courseStatus, startProgress } from "../../src/scormkit/runtime/progress.js";
import { answerWith } from "../../src/scormkit/runtime/quiz.js";
import { decodeState, encodeState, layoutHash } from "../../src/scormkit/runtime/state.js";
import { COURSE, QUESTIONS, byId } from "./course.js";

function answered(pairs) {
  return new Map(pairs.map(([id, response]) => [id, answerWith(byId(id), null, response)]));
}

test("a fresh course encodes to a short string and decodes back", () => {
  const progress = startProgress(COURSE);
  const text = encodeState(COURSE, progress);
  assert.equal(text, `1|${layoutHash(COURSE)}|0|00|`);
  assert.deepEqual(decodeState(COURSE, text), progress);
});

test("pages seen, the open page and every kind of answer survive a round trip", () => {
  const progress = startProgress(COURSE);
  progress.page = 6;
  progress.seen = [true, false, true, true, false, true, true];
  progress.answers = answered([
    ["q-single", ["a"]],
    ["q-multi", ["a", "c"]],
    ["q-fill", ["50%, then | more; ünïcode ✓"]],
    ["q-num", ["14,5"]],
    ["q-match", ["b", "a", "a"]],
    ["q-seq", ["c", "a", "b"]],
  ]);
  const firstTry = answerWith(byId("q-tf"), null, ["t"]);
  progress.answers.set("q-tf", answerWith(byId("q-tf"), firstTry, ["f"]));
  const text = encodeState(COURSE, progress);
  assert.match(text, /^1\|\w+\|6\|d3\|1a,1ac,2f,150%25%2C%20then%20%7C/);
  assert.deepEqual(decodeState(COURSE, text), progress);
});

test("trailing unanswered questions are left out", () => {
  const progress = startProgress(COURSE);
  progress.answers = answered([["q-multi", ["b"]]]);
  assert.ok(encodeState(COURSE, progress).endsWith("|,1b"));
});

test("progress of another course layout, or damaged progress, is not restored", () => {
  const progress = { ...startProgress(COURSE), answers: answered([["q-single", ["b"]]]) };
  const text = encodeState(COURSE, progress);
  const republished = { ...COURSE, questions: [...QUESTIONS, { ...byId("q-tf"), id: "q-new" }] };
  assert.equal(decodeState(republished, text), null);
  for (const bad of ["", null, "garbage", text.replace("|1b", "|1z"), text.replace("|1b", "|0b"),
    text.replace("|0|", "|9|"), text.replace("|00|", "|0|"), `2${text.slice(1)}`]) {
    assert.equal(decodeState(COURSE, bad), null, String(bad));
  }
});

test("a large course stays far below SCORM 1.2's 4096 characters", () => {
  const pages = Array.from({ length: 300 }, (_, i) => ({ id: `page-${i}`, module: "m" }));
  const questions = Array.from({ length: 150 }, (_, i) => ({
    ...byId("q-multi"),
    id: `question-${i}`,
    options: 6,
  }));
  const course = { ...COURSE, pages, questions };
  const progress = { page: 299, seen: pages.map(() => true), answers: new Map() };
  const response = ["a", "b", "c", "d", "e"];
  for (const q of questions) progress.answers.set(q.id, { response, tries: 9, correct: false });
  const text = encodeState(course, progress);
  assert.ok(text.length < 1500, `${text.length} characters`);
  assert.deepEqual(decodeState(course, text).answers.get("question-149").response, response);
});

test("course status: incomplete, then passed or failed against the passing score", () => {
  const progress = startProgress(COURSE);
  let status = courseStatus(COURSE, progress);
  const fresh = { complete: false, passed: null, score: null, unseen: 7, unanswered: 7, unplayed: 0 };
  assert.deepEqual(status, fresh);
  progress.seen.fill(true);
  const right = [
    ["q-single", ["b"]],
    ["q-multi", ["a", "c"]],
    ["q-tf", ["f"]],
    ["q-fill", ["hipaa"]],
    ["q-num", ["15"]],
    ["q-match", ["a", "b", "a"]],
  ];
  progress.answers = answered(right);
  status = courseStatus(COURSE, progress);
  assert.equal(status.complete, false, "the sequencing question is still open");
  assert.equal(status.score, null);
  progress.answers = answered([...right, ["q-seq", ["c", "b", "a"]]]);
  assert.deepEqual(courseStatus(COURSE, progress), {
    complete: true,
    passed: true,
    score: 87.5,
    unseen: 0,
    unanswered: 0,
    unplayed: 0,
  });
  const wrong = [["q-single", ["a"]], ["q-multi", ["b"]], ["q-seq", ["c", "b", "a"]]];
  progress.answers = answered([...right.slice(2), ...wrong]);
  assert.equal(courseStatus(COURSE, progress).score, 50);
  assert.equal(courseStatus(COURSE, progress).passed, false);
});

test("without a passing score a done course is complete, neither passed nor failed", () => {
  const course = { ...COURSE, completion: { allPages: false, passingScore: null }, questions: [] };
  assert.deepEqual(courseStatus(course, startProgress(course)), {
    complete: true,
    passed: null,
    score: null,
    unseen: 0,
    unanswered: 0,
    unplayed: 0,
  });
});
