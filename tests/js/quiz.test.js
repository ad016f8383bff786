import assert from "node:assert/strict";
import { test } from "node:test";

import {
  answerWith,
  canRetry,
  choiceFeedback,
  interaction,
  isComplete,
  isCorrect,
  isLocked,
  parseNumber,
  quizQuestions,
  quizResult,
  seededOrder,
} from "../../src/scormkit/runtime/quiz.js";
import { COURSE, QUESTIONS, byId } from "./course.js";

test("a single choice is right only with the right letter", () => {
  assert.equal(isCorrect(byId("q-single"), ["b"]), true);
  assert.equal(isCorrect(byId("q-single"), ["a"]), false);
  assert.equal(isCorrect(byId("q-single"), []), false);
});

test("a multiple choice needs exactly the right letters, in any order", () => {
  const q = byId("q-multi");
  assert.equal(isCorrect(q, ["c", "a"]), true);
  assert.equal(isCorrect(q, ["a"]), false);
  assert.equal(isCorrect(q, ["a", "b", "c"]), false);
});

test("true/false answers are t and f", () => {
  assert.equal(isCorrect(byId("q-tf"), ["f"]), true);
  assert.equal(isCorrect(byId("q-tf"), ["t"]), false);
});

test("fill-in ignores case and extra spaces unless told otherwise", () => {
  const q = byId("q-fill");
  assert.equal(isCorrect(q, ["  hipaa "]), true);
  assert.equal(isCorrect(q, ["The   HIPAA\tact"]), true);
  assert.equal(isCorrect(q, ["HIPPA"]), false);
  const strict = { ...q, caseSensitive: true, normalizeWhitespace: false };
  assert.equal(isCorrect(strict, ["HIPAA"]), true);
  assert.equal(isCorrect(strict, ["hipaa"]), false);
  assert.equal(isCorrect(strict, [" HIPAA"]), false);
});

test("numeric answers count within the tolerance or the range, with a decimal comma too", () => {
  const exact = byId("q-num");
  assert.equal(isCorrect(exact, ["15.5"]), true);
  assert.equal(isCorrect(exact, ["14,5"]), true);
  assert.equal(isCorrect(exact, ["15.6"]), false);
  const range = byId("q-range");
  assert.equal(isCorrect(range, ["2"]), true);
  assert.equal(isCorrect(range, ["4"]), true);
  assert.equal(isCorrect(range, ["4.01"]), false);
});

test("only numbers are numbers", () => {
  assert.equal(parseNumber(" -3.25 "), -3.25);
  assert.equal(parseNumber("1e3"), 1000);
  assert.ok(Number.isNaN(parseNumber("")));
  assert.ok(Number.isNaN(parseNumber("12 minutes")));
  assert.ok(Number.isNaN(parseNumber("0x10")));
  assert.equal(isComplete(byId("q-num"), ["twelve"]), false);
});

test("matching and sequencing compare slot by slot and need every slot filled", () => {
  assert.equal(isCorrect(byId("q-match"), ["a", "b", "a"]), true);
  assert.equal(isCorrect(byId("q-match"), ["b", "a", "a"]), false);
  assert.equal(isComplete(byId("q-match"), ["a", "", "a"]), false);
  assert.equal(isCorrect(byId("q-seq"), ["a", "b", "c"]), true);
  assert.equal(isCorrect(byId("q-seq"), ["a", "c", "b"]), false);
});

test("empty responses are not complete", () => {
  for (const q of QUESTIONS) {
    const empty = q.type === "fill_in" || q.type === "numeric" ? ["  "] : [];
    assert.equal(isComplete(q, empty), false, q.id);
  }
});

test("a question locks when it is right or its tries are used up", () => {
  const q = byId("q-tf"); // two tries
  const first = answerWith(q, null, ["t"]);
  assert.deepEqual(first, { response: ["t"], tries: 1, correct: false });
  assert.equal(isLocked(q, first), false);
  const second = answerWith(q, first, ["t"]);
  assert.equal(second.tries, 2);
  assert.equal(isLocked(q, second), true);
  assert.equal(isLocked(q, answerWith(q, null, ["f"])), true);
  assert.equal(isLocked(q, null), false);
});

test("choice feedback follows the chosen letters in choice order", () => {
  assert.deepEqual(choiceFeedback(byId("q-single"), ["a"]), ["Too soon."]);
  assert.deepEqual(choiceFeedback(byId("q-single"), ["c"]), []);
  assert.deepEqual(choiceFeedback(byId("q-fill"), ["HIPAA"]), []);
});

test("a quiz result weighs its questions and compares with the quiz's passing score", () => {
  const questions = new Map(QUESTIONS.map((q) => [q.id, q]));
  const quiz = COURSE.quizzes[0];
  const answers = new Map([
    ["q-single", answerWith(byId("q-single"), null, ["b"])],
    ["q-multi", answerWith(byId("q-multi"), null, ["a", "c"])],
  ]);
  const partial = quizResult(quiz, questions, answers);
  const expected = { answered: 2, total: 8, points: 3, max: 8, percent: 38, passed: false };
  assert.deepEqual(partial, expected);
  const none = quizResult({ ...quiz, passingScore: null }, questions, new Map());
  assert.equal(none.passed, null);
});

test("an interaction record carries what trackers report", () => {
  const q = byId("q-multi");
  const time = new Date(2024, 0, 2, 3, 4, 5);
  const record = interaction(q, answerWith(q, null, ["a"]), { time, latency: 1500 });
  assert.deepEqual(record, {
    id: "q-multi",
    activity: ["question", "q-multi"],
    type: "choice",
    response: ["a"],
    correct: ["a", "c"],
    result: "wrong",
    weight: 2,
    description: "",
    matchCase: false,
    time,
    latency: 1500,
  });
  const first = (id, response) =>
    interaction(byId(id), answerWith(byId(id), null, response), { time, latency: 0 });
  const fill = first("q-fill", ["hipaa"]);
  assert.deepEqual([fill.type, fill.correct, fill.result], ["fill-in", ["HIPAA"], "correct"]);
  const num = first("q-num", [" 14,5 "]);
  assert.deepEqual([num.response, num.correct], [["14.5"], ["15"]]);
  assert.deepEqual(first("q-range", ["3"]).correct, ["2", "4"]);
  assert.equal(first("q-tf", ["t"]).type, "true-false");
});

test("a seeded order is a permutation, the same for the same seed", () => {
  const order = seededOrder(10, 12345);
  assert.deepEqual([...order].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(seededOrder(10, 12345), order);
  assert.notDeepEqual(seededOrder(10, 54321), order);
});

test("a drawn quiz asks `draw` of its questions, in pool order unless it shuffles", () => {
  const pool = { id: "p", questions: ["a", "b", "c", "d", "e"], draw: 3, shuffle: false };
  const ids = quizQuestions(pool, { attempt: 1, seed: 7 });
  assert.equal(ids.length, 3);
  assert.deepEqual(ids, [...ids].sort());
  assert.deepEqual(quizQuestions(pool, { attempt: 1, seed: 7 }), ids);
  assert.deepEqual(quizQuestions({ ...pool, draw: null }, { attempt: 1, seed: 7 }), pool.questions);
});

test("a finished quiz may be retried only while not passed and attempts are left", () => {
  const quiz = { attempts: 2 };
  const failed = { passed: false, percent: 40 };
  assert.equal(canRetry(quiz, failed, { attempt: 1 }), true);
  assert.equal(canRetry(quiz, failed, { attempt: 2 }), false);
  assert.equal(canRetry(quiz, { passed: true, percent: 90 }, { attempt: 1 }), false);
  assert.equal(canRetry({ attempts: null }, { passed: null, percent: 50 }, { attempt: 8 }), true);
});
