import assert from "node:assert/strict";
import { test } from "node:test";

import { addModule, startModules } from "../../src/scormkit/runtime/launch.js";
import { courseStatus, startProgress } from "../../src/scormkit/runtime/progress.js";
import { answerWith } from "../../src/scormkit/runtime/quiz.js";
import {
  adoptPending,
  decodeState,
  encodeState,
  escapeText,
  layoutHash,
  unescapeText,
} from "../../src/scormkit/runtime/state.js";
import { COURSE, QUESTIONS, byId } from "./course.js";

function answered(pairs) {
  return new Map(pairs.map(([id, response]) => [id, answerWith(byId(id), null, response)]));
}

test("a fresh course encodes to a short string and decodes back", () => {
  const progress = startProgress(COURSE);
  const text = encodeState(COURSE, progress);
  assert.equal(text, `2|${layoutHash(COURSE)}|0|00`);
  assert.deepEqual(decodeState(COURSE, text, startProgress), progress);
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
  progress.survey = new Map([
    ["feedback-useful", "5"],
    ["feedback-comments", "Great | clear, 100% ~ ünïcode ✓"],
  ]);
  const text = encodeState(COURSE, progress);
  assert.match(text, /^2\|\w+\|6\|d3\|a1a,1ac,2f,150~e~c then ~p more/);
  assert.ok(text.endsWith("|s5,,~Great ~p clear~c 100~e ~~ ünïcode ✓"), text);
  assert.deepEqual(decodeState(COURSE, text, startProgress), progress);
});

test("sections a player does not know are kept as they are", () => {
  const text = `${encodeState(COURSE, startProgress(COURSE))}|xscene3~lives2`;
  const progress = decodeState(COURSE, text, startProgress);
  assert.deepEqual(progress.unknown, ["xscene3~lives2"]);
  assert.equal(encodeState(COURSE, progress), text);
});

test("escaped text comes back exactly, and damaged escapes are refused", () => {
  for (const text of ["", "~", "|,%~", "a~pb", "✓ 𝄞"]) {
    assert.equal(unescapeText(escapeText(text)), text);
  }
  assert.equal(unescapeText("~x"), null);
  assert.equal(unescapeText("ends~"), null);
});

test("trailing unanswered questions are left out", () => {
  const progress = startProgress(COURSE);
  progress.answers = answered([["q-multi", ["b"]]]);
  assert.ok(encodeState(COURSE, progress).endsWith("|a,1b"));
});

test("progress of another course layout, or damaged progress, is not restored", () => {
  const progress = { ...startProgress(COURSE), answers: answered([["q-single", ["b"]]]) };
  const text = encodeState(COURSE, progress);
  const republished = { ...COURSE, questions: [...QUESTIONS, { ...byId("q-tf"), id: "q-new" }] };
  assert.equal(decodeState(republished, text, startProgress), null);
  for (const bad of ["", null, "garbage", text.replace("|a1b", "|a1z"), text.replace("|a1b", "|a0b"),
    text.replace("|0|", "|9|"), text.replace("|00|", "|0|"), `1${text.slice(1)}`,
    `${text}|s~bad~`, `${text}|s6`, `${text}|s1,1,1,1`]) {
    assert.equal(decodeState(COURSE, bad, startProgress), null, String(bad));
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
  const progress = { ...startProgress(course), page: 299, seen: pages.map(() => true) };
  const response = ["a", "b", "c", "d", "e"];
  for (const q of questions) progress.answers.set(q.id, { response, tries: 9, correct: false });
  const text = encodeState(course, progress);
  assert.ok(text.length < 1500, `${text.length} characters`);
  assert.deepEqual(decodeState(course, text, startProgress).answers.get("question-149").response, response);
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

test("quiz runs are kept only for quizzes that shuffle, draw or limit attempts", () => {
  const quizzes = [
    { ...COURSE.quizzes[0], id: "plain", keepsRun: false },
    { ...COURSE.quizzes[0], id: "drawn", keepsRun: true, draw: 2 },
  ];
  const course = { ...COURSE, quizzes };
  const progress = startProgress(course);
  progress.runs.set("plain", { attempt: 3, seed: 99 });
  progress.runs.set("drawn", { attempt: 2, seed: 36 ** 4 - 1 });
  const text = encodeState(course, progress);
  assert.ok(text.endsWith("|q,2zzzz"), text);
  const back = decodeState(course, text, startProgress);
  assert.deepEqual(back.runs, new Map([["drawn", { attempt: 2, seed: 36 ** 4 - 1 }]]));
  assert.equal(decodeState(course, `${text}0`, startProgress), null);
});

// COURSE as a launch page carries it when its second module is a file not loaded yet.
function splitCourse() {
  const [intro, end] = COURSE.modules;
  const course = {
    ...COURSE,
    layout: layoutHash(COURSE),
    modules: [
      { ...intro, file: null, slots: [0, 0, 0, 0], open: [0, 0] },
      { ...end, file: "modules/end.json", slots: [QUESTIONS.length, 1, 3, 0], open: [QUESTIONS.length, 0] },
    ],
    quizzes: [],
    questions: [],
    surveys: [],
    scenarios: [],
  };
  startModules(course);
  return course;
}

test("a module not loaded yet keeps its saved entries as they are, and reads them once loaded", () => {
  const progress = startProgress(COURSE);
  progress.page = 6;
  progress.answers = answered([["q-single", ["a"]], ["q-fill", ["50%, then"]]]);
  progress.runs.set("check", { attempt: 2, seed: 1234 });
  progress.survey = new Map([["feedback-role", "2"]]);
  const text = encodeState({ ...COURSE, quizzes: [{ ...COURSE.quizzes[0], keepsRun: true }] }, progress);

  const course = splitCourse();
  const resumed = decodeState(course, text, startProgress);
  assert.equal(resumed.answers.size, 0);
  assert.equal(encodeState(course, resumed), text);
  assert.equal(courseStatus(course, resumed).unanswered, QUESTIONS.length);

  const data = { quizzes: [{ ...COURSE.quizzes[0], keepsRun: true }], questions: QUESTIONS, surveys: COURSE.surveys };
  addModule(course, "end", data);
  adoptPending({ id: "end", part: data }, resumed);
  assert.deepEqual(resumed.answers, progress.answers);
  assert.deepEqual(resumed.runs, progress.runs);
  assert.deepEqual(resumed.survey, progress.survey);
  assert.equal(encodeState(course, resumed), text);
  assert.equal(courseStatus(course, resumed).unanswered, QUESTIONS.filter((q) => q.weight > 0).length - 2);
});

test("saved entries beyond what the modules hold are refused as damage", () => {
  const course = splitCourse();
  const text = `${encodeState(course, startProgress(course))}|a${"1a,".repeat(QUESTIONS.length)}1a`;
  assert.equal(decodeState(course, text, startProgress), null);
});
