import assert from "node:assert/strict";
import { test } from "node:test";

import {
  correctPattern,
  createTracker,
  findApi,
  isoTime,
  learnerResponse,
  objectiveSuccess,
  statuses,
} from "../../src/scormkit/runtime/track/scorm2004.js";

test("timestamps are UTC times to the hundredth of a second", () => {
  assert.equal(isoTime(new Date(Date.UTC(2026, 10, 29, 3, 4, 5, 678))), "2026-11-29T03:04:05.67Z");
});

test("responses are written in the delimiters of their interaction type", () => {
  assert.equal(learnerResponse("choice", ["a", "c"]), "a[,]c");
  assert.equal(learnerResponse("true-false", ["t"]), "true");
  assert.equal(learnerResponse("true-false", ["f"]), "false");
  assert.equal(learnerResponse("matching", ["b", "a"]), "1[.]b[,]2[.]a");
  assert.equal(learnerResponse("sequencing", ["c", "a", "b"]), "c[,]a[,]b");
  assert.equal(learnerResponse("numeric", ["14.5"]), "14.5");
  assert.equal(learnerResponse("likert", ["d"]), "d");
  assert.equal(learnerResponse("fill-in", ["a[,]b"]), "a\\[,]b");
});

test("correct patterns carry case_matters for fill-in and min[:]max for numbers", () => {
  const fill = { type: "fill-in", correct: ["HIPAA"], matchCase: false };
  assert.equal(correctPattern(fill), "{case_matters=false}HIPAA");
  assert.equal(correctPattern({ ...fill, matchCase: true }), "{case_matters=true}HIPAA");
  const blanks = { type: "fill-in", correct: ["name", "date"], matchCase: false };
  assert.equal(correctPattern(blanks), "{case_matters=false}{order_matters=true}name[,]date");
  const anyOrder = { ...blanks, orderMatters: false };
  assert.equal(correctPattern(anyOrder), "{case_matters=false}{order_matters=false}name[,]date");
  assert.equal(learnerResponse("fill-in", ["name", "date"]), "name[,]date");
  assert.equal(correctPattern({ type: "numeric", correct: ["2", "4"] }), "2[:]4");
  assert.equal(correctPattern({ type: "numeric", correct: ["15"] }), "15[:]15");
  assert.equal(correctPattern({ type: "choice", correct: ["a", "c"] }), "a[,]c");
  assert.equal(correctPattern({ type: "matching", correct: ["c", "a"] }), "1[.]c[,]2[.]a");
});

test("completion and success come from the progress; no verdict is unknown", () => {
  assert.deepEqual(statuses({ complete: false, passed: null }), {
    completion: "incomplete",
    success: "unknown",
  });
  assert.deepEqual(statuses({ complete: true, passed: true }), {
    completion: "completed",
    success: "passed",
  });
  assert.equal(statuses({ complete: true, passed: false }).success, "failed");
});

test("a module's objective is satisfied once done, and passed when scored", () => {
  assert.equal(objectiveSuccess({ complete: true, passed: null }), "passed");
  assert.equal(objectiveSuccess({ complete: true, passed: true }), "passed");
  assert.equal(objectiveSuccess({ complete: true, passed: false }), "failed");
  assert.equal(objectiveSuccess({ complete: false, passed: null }), "unknown");
});

// A SCORM 2004 LMS API that records every call.
function fakeApi(data = {}) {
  const api = {
    calls: [],
    data: { "cmi.interactions._count": "0", "cmi.objectives._count": "0", ...data },
    record(name, args, result) {
      this.calls.push([name, ...args]);
      return result;
    },
    Initialize: (...a) => api.record("Initialize", a, "true"),
    Terminate: (...a) => api.record("Terminate", a, "true"),
    Commit: (...a) => api.record("Commit", a, "true"),
    GetValue: (el) => api.record("GetValue", [el], api.data[el] ?? ""),
    SetValue(el, value) {
      api.data[el] = value;
      return api.record("SetValue", [el, value], "true");
    },
    GetLastError: () => "0",
    GetErrorString: () => "",
  };
  return api;
}

test("the API is found in a parent frame, then through the opener", () => {
  const api = fakeApi();
  const top = { API_1484_11: api };
  top.parent = top;
  const frame = { parent: top };
  assert.equal(findApi(frame), api);
  const popup = { opener: frame };
  popup.parent = popup;
  assert.equal(findApi(popup), api);
  const alone = {};
  alone.parent = alone;
  assert.equal(findApi(alone), null);
});

test("a session reports, keeps within the budget, requests navigation and terminates once", () => {
  const api = fakeApi({ "cmi.objectives._count": "1", "cmi.objectives.0.id": "basics" });
  const win = { API_1484_11: api };
  win.parent = win;
  let clock = 0;
  const tracker = createTracker(win, () => clock, 10);
  const session = tracker.begin();
  assert.equal(session.budget, 10);
  assert.equal(session.navigation, true);
  clock = 2500;
  const modules = [
    { id: "basics", complete: true, passed: true, score: 80 },
    { id: "extra", complete: false, passed: null, score: null },
  ];
  tracker.save({ location: "p1", state: "x".repeat(20), complete: true, passed: true, score: 80, modules, measure: 1 });
  assert.equal(api.data["cmi.suspend_data"], "x".repeat(10));
  assert.equal(api.data["cmi.score.scaled"], "0.8");
  assert.equal(api.data["cmi.exit"], "normal");
  assert.equal(api.data["cmi.session_time"], "PT2.5S");
  assert.equal(api.data["cmi.objectives.0.success_status"], "passed");
  assert.equal(api.data["cmi.objectives.1.id"], "extra");
  tracker.finish("next");
  tracker.finish("next");
  assert.equal(api.data["adl.nav.request"], "continue");
  assert.equal(api.calls.filter(([name]) => name === "Terminate").length, 1);
});
