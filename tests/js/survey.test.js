import assert from "node:assert/strict";
import { test } from "node:test";

import { surveyAnswer, surveyInteraction } from "../../src/scormkit/runtime/survey.js";
import { COURSE } from "./course.js";

const [likert, choice, comments] = COURSE.surveys[0].items;

test("a survey answer is an option digit within the scale, or trimmed text within its limit", () => {
  assert.equal(surveyAnswer(likert, "5"), "5");
  assert.equal(surveyAnswer(likert, "6"), "");
  assert.equal(surveyAnswer(choice, ""), "");
  assert.equal(surveyAnswer(comments, "  fine  "), "fine");
  assert.equal(surveyAnswer(comments, "x".repeat(300)).length, 200);
});

test("survey answers are reported as unscored likert, choice and fill-in interactions", () => {
  const when = { time: new Date(0), latency: 1500 };
  assert.deepEqual(surveyInteraction(likert, "4", when), {
    id: "feedback-useful",
    activity: ["item", "feedback", "useful"],
    type: "likert",
    description: "The course was useful.",
    response: ["4"],
    correct: [],
    result: "neutral",
    weight: 0,
    ...when,
  });
  assert.equal(surveyInteraction(choice, "2", when).type, "choice");
  assert.equal(surveyInteraction(comments, "ok", when).type, "fill-in");
});
