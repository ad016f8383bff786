import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";

import {
  cmiFeedback,
  cmiTime,
  cmiTimespan,
  createTracker,
  displayName,
  findApi,
  lessonStatus,
} from "../../src/scormkit/runtime/track/scorm12.js";

// A SCORM 1.2 LMS API that records every call; `data` is what the LMS holds, `fail` maps an
// element to the error code its SetValue/GetValue should raise.
function fakeApi({ data = {}, fail = {}, initialize = "true" } = {}) {
  const api = {
    calls: [],
    data: { "cmi.interactions._count": "0", ...data },
    error: "0",
    record(name, args, result) {
      this.calls.push([name, ...args]);
      return result;
    },
    LMSInitialize(...args) {
      this.error = initialize === "true" ? "0" : "101";
      return this.record("LMSInitialize", args, initialize);
    },
    LMSFinish(...args) {
      return this.record("LMSFinish", args, "true");
    },
    LMSCommit(...args) {
      return this.record("LMSCommit", args, "true");
    },
    LMSGetValue(element) {
      this.error = fail[element] ?? "0";
      const value = this.error === "0" ? (this.data[element] ?? "") : "";
      return this.record("LMSGetValue", [element], value);
    },
    LMSSetValue(element, value) {
      this.error = fail[element] ?? "0";
      if (this.error === "0") {
        this.data[element] = value;
        const n = /^cmi\.interactions\.(\d+)\.id$/.exec(element);
        if (n) this.data["cmi.interactions._count"] = String(Number(n[1]) + 1);
      }
      return this.record("LMSSetValue", [element, value], this.error === "0" ? "true" : "false");
    },
    LMSGetLastError() {
      return this.record("LMSGetLastError", [], this.error);
    },
    LMSGetErrorString(code) {
      return this.record("LMSGetErrorString", [code], `error ${code}`);
    },
    LMSGetDiagnostic(code) {
      return `diagnostic ${code}`;
    },
  };
  return api;
}

const chain = (...wins) => {
  wins.forEach((w, i) => (w.parent = wins[i + 1] ?? w));
  return wins[0];
};

const sets = (api) => api.calls.filter((c) => c[0] === "LMSSetValue").map((c) => c.slice(1));
const QUERIES = new Set(["LMSGetValue", "LMSGetLastError", "LMSGetErrorString"]);
const names = (api) => api.calls.map((c) => c[0]).filter((n) => !QUERIES.has(n));

let warnings;
const realWarn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args) => warnings.push(args.join(" "));
});
afterEach(() => {
  console.warn = realWarn;
});

test("the API is found in a parent, else through the opener, else not at all", () => {
  const api = fakeApi();
  assert.equal(findApi(chain({}, {}, { API: api })), api);
  const opener = chain({}, { API: api });
  assert.equal(findApi({ ...chain({}, {}), opener }), api);
  assert.equal(findApi(chain({}, {}, {})), null);
});

test("discovery gives up after 7 parents, as ADL's sample does", () => {
  const api = fakeApi();
  const wins = Array.from({ length: 8 }, () => ({}));
  assert.equal(findApi(chain(...wins, { API: api })), null);
  assert.equal(findApi(chain(...wins.slice(1), { API: api })), api);
});

test("a frame from another origin is stepped over, not fatal", () => {
  const api = fakeApi();
  const foreign = {};
  Object.defineProperty(foreign, "API", {
    get() {
      throw new Error("SecurityError");
    },
  });
  assert.equal(findApi(chain({}, foreign, { API: api })), api);
});

test("CMITimespan is HHHH:MM:SS.SS", () => {
  assert.equal(cmiTimespan(0), "0000:00:00.00");
  assert.equal(cmiTimespan(3_723_456), "0001:02:03.46");
  assert.equal(cmiTimespan(125 * 3_600_000 + 59_990), "0125:00:59.99");
  assert.equal(cmiTimespan(-5), "0000:00:00.00");
  assert.equal(cmiTimespan(1e12), "9999:59:59.99");
});

test("CMITime is the local clock time HH:MM:SS", () => {
  assert.equal(cmiTime(new Date(2024, 5, 1, 7, 8, 9)), "07:08:09");
  assert.equal(cmiTime(new Date(2024, 5, 1, 23, 59, 0)), "23:59:00");
});

test("responses take the CMIFeedback form of their interaction type", () => {
  assert.equal(cmiFeedback("choice", ["a", "c"]), "a,c");
  assert.equal(cmiFeedback("true-false", ["t"]), "t");
  assert.equal(cmiFeedback("fill-in", ["the HIPAA act"]), "the HIPAA act");
  assert.equal(cmiFeedback("numeric", ["14.5"]), "14.5");
  assert.equal(cmiFeedback("sequencing", ["c", "a", "b"]), "c,a,b");
  const many = Array.from({ length: 11 }, () => "a");
  assert.equal(cmiFeedback("matching", many), "1.a,2.a,3.a,4.a,5.a,6.a,7.a,8.a,9.a,a.a,b.a");
});

test("the learner's name turns from 'Last, First' to 'First Last'", () => {
  assert.equal(displayName("Doe, Jane"), "Jane Doe");
  assert.equal(displayName("Doe,Jane, Jr."), "Jane, Jr. Doe");
  assert.equal(displayName(" Prince "), "Prince");
  assert.equal(displayName(""), "");
});

test("lesson_status is incomplete until done, then passed/failed or completed", () => {
  assert.equal(lessonStatus({ complete: false, passed: null }), "incomplete");
  assert.equal(lessonStatus({ complete: true, passed: null }), "completed");
  assert.equal(lessonStatus({ complete: true, passed: true }), "passed");
  assert.equal(lessonStatus({ complete: true, passed: false }), "failed");
});

test("without an LMS every method does nothing and says it is not tracked", () => {
  const tracker = createTracker(chain({}, {}));
  const untracked = { tracked: false, resume: false, location: "", state: "", learner: "" };
  assert.deepEqual(tracker.begin(), untracked);
  tracker.save({ location: "p1", state: "x", complete: false, passed: null, score: null });
  tracker.answer({});
  tracker.finish();
  assert.deepEqual(warnings, []);
});

test("begin initializes once and reads entry, bookmark, suspend data and learner name", () => {
  const api = fakeApi({
    data: {
      "cmi.core.entry": "resume",
      "cmi.core.lesson_location": "p3",
      "cmi.suspend_data": "1|abc|2|7|",
      "cmi.core.student_name": "Doe, Jane",
    },
  });
  const session = createTracker(chain({}, { API: api })).begin();
  assert.deepEqual(session, {
    tracked: true,
    resume: true,
    location: "p3",
    state: "1|abc|2|7|",
    learner: "Jane Doe",
  });
  assert.deepEqual(api.calls[0], ["LMSInitialize", ""]);
  assert.equal(api.calls.filter((c) => c[0] === "LMSInitialize").length, 1);
});

test("stored suspend data means resume even when entry is not 'resume'", () => {
  const api = fakeApi({ data: { "cmi.core.entry": "", "cmi.suspend_data": "1|x|0|1|" } });
  assert.equal(createTracker(chain({}, { API: api })).begin().resume, true);
  const fresh = fakeApi({ data: { "cmi.core.entry": "ab-initio" } });
  assert.equal(createTracker(chain({}, { API: fresh })).begin().resume, false);
});

test("a failed LMSInitialize leaves the course untracked, with a warning", () => {
  const api = fakeApi({ initialize: "false" });
  const tracker = createTracker(chain({}, { API: api }));
  assert.equal(tracker.begin().tracked, false);
  tracker.save({ location: "p1", state: "", complete: false, passed: null, score: null });
  assert.deepEqual(names(api), ["LMSInitialize"]);
  assert.equal(warnings.length, 1);
});

test("save writes what changed, the session time and exit, then commits", () => {
  const api = fakeApi();
  let clock = 1000;
  const tracker = createTracker(chain({}, { API: api }), () => clock);
  tracker.begin();
  clock += 61_500;
  tracker.save({ location: "p1", state: "1|a|0|1|", complete: false, passed: null, score: null });
  assert.deepEqual(sets(api), [
    ["cmi.core.lesson_location", "p1"],
    ["cmi.suspend_data", "1|a|0|1|"],
    ["cmi.core.lesson_status", "incomplete"],
    ["cmi.core.exit", "suspend"],
    ["cmi.core.session_time", "0000:01:01.50"],
  ]);
  assert.equal(names(api).at(-1), "LMSCommit");
  api.calls.length = 0;
  tracker.save({ location: "p2", state: "1|a|1|3|", complete: true, passed: true, score: 87.5 });
  assert.deepEqual(sets(api), [
    ["cmi.core.lesson_location", "p2"],
    ["cmi.suspend_data", "1|a|1|3|"],
    ["cmi.core.lesson_status", "passed"],
    ["cmi.core.score.raw", "87.5"],
    ["cmi.core.score.min", "0"],
    ["cmi.core.score.max", "100"],
    ["cmi.core.exit", ""],
    ["cmi.core.session_time", "0000:01:01.50"],
  ]);
  assert.ok(!Object.values(api.data).includes("not attempted"));
});

test("an answer becomes the next interaction, id and type first, in 1.2 formats", () => {
  const api = fakeApi({ data: { "cmi.interactions._count": "2" } });
  const tracker = createTracker(chain({}, { API: api }));
  tracker.begin();
  api.calls.length = 0;
  tracker.answer({
    id: "q-multi",
    type: "choice",
    response: ["a", "c"],
    correct: ["a", "b"],
    result: "wrong",
    weight: 2,
    time: new Date(2024, 0, 1, 9, 5, 7),
    latency: 12_340,
  });
  assert.deepEqual(sets(api), [
    ["cmi.interactions.2.id", "q-multi"],
    ["cmi.interactions.2.type", "choice"],
    ["cmi.interactions.2.time", "09:05:07"],
    ["cmi.interactions.2.correct_responses.0.pattern", "a,b"],
    ["cmi.interactions.2.weighting", "2"],
    ["cmi.interactions.2.student_response", "a,c"],
    ["cmi.interactions.2.result", "wrong"],
    ["cmi.interactions.2.latency", "0000:00:12.34"],
  ]);
  assert.equal(api.data["cmi.interactions._count"], "3");
});

test("interaction texts are cut to 255 characters and numeric ranges give no pattern", () => {
  const api = fakeApi();
  const tracker = createTracker(chain({}, { API: api }));
  tracker.begin();
  const time = new Date(2024, 0, 1);
  const record = { result: "wrong", weight: 1, time, latency: 0, correct: ["y"] };
  tracker.answer({ ...record, id: "q-fill", type: "fill-in", response: ["x".repeat(400)] });
  assert.equal(api.data["cmi.interactions.0.student_response"].length, 255);
  const range = { id: "q-range", type: "numeric", response: ["3"], correct: ["2", "9"] };
  tracker.answer({ ...record, ...range });
  assert.equal(api.data["cmi.interactions.1.correct_responses.0.pattern"], undefined);
  assert.equal(api.data["cmi.interactions.1.student_response"], "3");
});

test("an LMS lacking interactions or refusing an element warns but keeps the course going", () => {
  const fail = { "cmi.interactions._count": "401", "cmi.core.lesson_location": "405" };
  const api = fakeApi({ fail });
  const tracker = createTracker(chain({}, { API: api }));
  tracker.begin();
  tracker.answer({
    id: "q",
    type: "true-false",
    response: ["t"],
    correct: ["t"],
    result: "correct",
    weight: 1,
    time: new Date(),
    latency: 0,
  });
  tracker.save({ location: "p1", state: "s", complete: false, passed: null, score: null });
  assert.ok(!sets(api).some(([element]) => element.startsWith("cmi.interactions.0")));
  assert.equal(api.data["cmi.suspend_data"], "s", "later values are still written");
  assert.ok(warnings.some((w) => w.includes("cmi.interactions._count") && w.includes("401")));
  assert.ok(warnings.some((w) => w.includes("cmi.core.lesson_location") && w.includes("405")));
  assert.equal(names(api).at(-1), "LMSCommit");
});

test("finish sets exit and session time and calls LMSFinish exactly once", () => {
  const api = fakeApi();
  const tracker = createTracker(chain({}, { API: api }));
  tracker.begin();
  tracker.save({ location: "p1", state: "s", complete: true, passed: null, score: null });
  tracker.finish();
  tracker.finish();
  tracker.save({ location: "p2", state: "t", complete: true, passed: null, score: null });
  assert.equal(names(api).filter((n) => n === "LMSFinish").length, 1);
  assert.deepEqual(api.calls.findLast((c) => !QUERIES.has(c[0])), ["LMSFinish", ""]);
  assert.equal(api.data["cmi.core.exit"], "");
  assert.equal(api.data["cmi.core.lesson_status"], "completed");
  assert.equal(api.data["cmi.core.lesson_location"], "p1", "nothing is written after finishing");
});

test("an unfinished course finishes with exit suspend so it can resume", () => {
  const api = fakeApi();
  const tracker = createTracker(chain({}, { API: api }));
  tracker.begin();
  tracker.finish();
  assert.equal(api.data["cmi.core.exit"], "suspend");
  assert.ok(api.data["cmi.core.session_time"].match(/^\d{4}:\d\d:\d\d\.\d\d$/));
});
