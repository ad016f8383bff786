import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { beforeEach, test } from "node:test";
import vm from "node:vm";

// The preview's LMS side (src/scormkit/lms/api_page/lms-api.js), loaded as the LMS page
// loads it: a classic script that defines API, API_1484_11 and startLms on `window`.
const SOURCE = readFileSync(
  new URL("../../src/scormkit/lms/api_page/lms-api.js", import.meta.url),
  "utf8",
);
let lms;
// Objects made inside the script's context have that context's prototypes: compare as JSON.
const plain = (value) => JSON.parse(JSON.stringify(value));

function start(data = {}) {
  lms = { opened: [] };
  lms.window = lms;
  lms.openCourse = (url) => { lms.opened.push(url); return Promise.resolve(); };
  vm.runInNewContext(SOURCE, lms);
  lms.startLms({ launchUrl: "/pkg/1/index.html", data, newWindow: false });
  return lms;
}

beforeEach(() => start());

test("SCORM 2004 calls before Initialize and after Terminate fail with their own codes", () => {
  const api = start({ "cmi.learner_id": "learner-1" }).API_1484_11;
  assert.equal(api.GetValue("cmi.learner_id"), "");
  assert.equal(api.GetLastError(), "122");
  assert.equal(api.Initialize(""), "true");
  assert.equal(api.Initialize(""), "false");
  assert.equal(api.GetLastError(), "103");
  assert.equal(api.GetValue("cmi.learner_id"), "learner-1");
  assert.equal(api.SetValue("cmi.completion_status", "completed"), "true");
  assert.equal(api.Terminate(""), "true");
  assert.equal(api.SetValue("cmi.completion_status", "incomplete"), "false");
  assert.equal(api.GetLastError(), "133");
  assert.equal(api.GetErrorString("133"), "Store data after termination");
  assert.deepEqual(plain(lms.lmsDataModel()), {
    "cmi.learner_id": "learner-1",
    "cmi.completion_status": "completed",
  });
  assert.deepEqual(lms.opened, ["/pkg/1/index.html"]);
});

test("SCORM 2004 refuses read-only elements and reports unset ones", () => {
  const api = start().API_1484_11;
  api.Initialize("");
  assert.equal(api.SetValue("cmi.learner_id", "someone"), "false");
  assert.equal(api.GetLastError(), "404");
  assert.equal(api.GetValue("cmi.location"), "");
  assert.equal(api.GetLastError(), "403");
  assert.equal(api.GetValue("cmi.exit"), "");
  assert.equal(api.GetLastError(), "405");
});

test("SCORM 1.2 counts interactions, guards read-only and write-only elements", () => {
  const api = start({ "cmi.core.student_id": "learner-1" }).API;
  assert.equal(api.LMSGetValue("cmi.core.student_id"), "");
  assert.equal(api.LMSGetLastError(), "301");
  api.LMSInitialize("");
  api.LMSSetValue("cmi.interactions.0.id", "q1");
  api.LMSSetValue("cmi.interactions.1.id", "q2");
  assert.equal(api.LMSGetValue("cmi.interactions._count"), "2");
  assert.equal(api.LMSSetValue("cmi.core.student_id", "x"), "false");
  assert.equal(api.LMSGetLastError(), "403");
  api.LMSSetValue("cmi.core.exit", "suspend");
  assert.equal(api.LMSGetValue("cmi.core.exit"), "");
  assert.equal(api.LMSGetLastError(), "404");
  assert.equal(api.LMSFinish(""), "true");
});

test("every call is recorded with the error right after it; error functions keep the error", () => {
  const api = start().API;
  api.LMSGetValue("cmi.core.lesson_status");
  api.LMSGetLastError();
  assert.deepEqual(
    plain(lms.lmsCalls.map((call) => [call.name, call.result, call.error])),
    [["LMSGetValue", "", "301"], ["LMSGetLastError", "301", "0"]],
  );
  assert.equal(api.LMSGetLastError(), "301");
});
