import assert from "node:assert/strict";
import { test } from "node:test";

import { createLrs, createResume } from "../../src/scormkit/runtime/track/lrs.js";

// A window whose fetch answers with `answer(request)`: a status, or "network" for a request
// that fails on the wire. `events` lists every request as sent ("POST a,b", "PUT state") and
// every answer ("200 POST a,b") in time order; timers run only when the test says so.
function fakeWindow(answer = () => 200) {
  const events = [];
  const requests = [];
  const timers = new Map();
  const listeners = {};
  let nextTimer = 1;
  return {
    events,
    requests,
    timers,
    addEventListener: (type, fn) => (listeners[type] ??= []).push(fn),
    dispatch: (type) => (listeners[type] ?? []).forEach((fn) => fn()),
    setTimeout(fn) {
      timers.set(nextTimer, fn);
      return nextTimer++;
    },
    clearTimeout: (id) => timers.delete(id),
    runTimers() {
      const due = [...timers.values()];
      timers.clear();
      due.forEach((fn) => fn());
    },
    async fetch(url, options) {
      const body = JSON.parse(options.body);
      const what = url.includes("/statements")
        ? `${options.method} ${body.map((s) => s.id).join(",")}`
        : `${options.method} state ${body.location}`;
      const request = { what, url, body, keepalive: options.keepalive, headers: options.headers };
      requests.push(request);
      events.push(what);
      await null;
      const status = answer(request);
      events.push(`${status} ${what}`);
      if (status === "network") throw new TypeError("Failed to fetch");
      return { ok: status < 300, status, text: async () => "" };
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const open = (win) => createLrs(win, { endpoint: "https://lrs.test/x", auth: "Basic eDp5" });
const st = (id) => ({ id, verb: { id: `http://adlnet.gov/expapi/verbs/${id}` } });
const where = () => ({ activityId: "https://c.test", agent: { mbox: "mailto:a@b.example" } });
const progress = (location) => ({ location, state: "s" });

test("a session ends in order: statements, resume state, then terminated alone, once", async () => {
  const win = fakeWindow();
  const lrs = open(win);
  const resume = createResume(lrs, where);
  lrs.send(st("a"));
  lrs.send(st("b"));
  resume.store(progress("p2"), { completed: true });
  const stays = await lrs.end([st("terminated")]);
  assert.equal(stays, true);
  // Statements and state go side by side; terminated is sent once both are answered.
  assert.deepEqual(win.events.slice(0, 3), ["POST a", "PUT state p2", "200 POST a"]);
  assert.deepEqual(win.events.slice(3, 6).sort(), ["200 POST b", "200 PUT state p2", "POST b"]);
  assert.deepEqual(win.events.slice(6), ["POST terminated", "200 POST terminated"]);
  assert.equal(win.requests[0].url, "https://lrs.test/x/statements");
  assert.match(win.requests[1].url, /^https:\/\/lrs\.test\/x\/activities\/state\?activityId=/);
  assert.deepEqual(win.requests[1].body, { location: "p2", state: "s", sent: { completed: true } });
  assert.equal(win.requests[0].headers["X-Experience-API-Version"], "1.0.3");
});

test("after the final request nothing uses the session's credentials", async () => {
  const win = fakeWindow();
  const lrs = open(win);
  const ended = lrs.end([st("terminated")]);
  await ended;
  lrs.send(st("late"));
  lrs.keep(where(), "scormkit.resume", progress("p9"));
  assert.equal(lrs.end([st("terminated-again")]), ended);
  win.dispatch("pagehide");
  win.runTimers();
  await settle();
  assert.deepEqual(win.events, ["POST terminated", "200 POST terminated"]);
});

test("only the latest resume state is written, and terminated waits for it", async () => {
  const win = fakeWindow();
  const lrs = open(win);
  const resume = createResume(lrs, where);
  resume.store(progress("p1"), {});
  resume.store(progress("p2"), {});
  resume.store(progress("p3"), {});
  await lrs.end([st("terminated")]);
  assert.deepEqual(win.events, [
    "PUT state p1",
    "200 PUT state p1",
    "PUT state p3",
    "200 PUT state p3",
    "POST terminated",
    "200 POST terminated",
  ]);
});

test("a retry sends only what the LRS has not stored", async () => {
  let down = true;
  const win = fakeWindow(() => (down ? 503 : 200));
  const lrs = open(win);
  lrs.send(st("a"));
  await settle();
  lrs.send(st("b"));
  await settle();
  assert.deepEqual(win.events, ["POST a", "503 POST a"], "no request until the retry is due");
  assert.equal(win.timers.size, 1);
  down = false;
  win.runTimers();
  await settle();
  lrs.send(st("c"));
  await lrs.end([st("terminated")]);
  assert.deepEqual(win.events.slice(2), [
    "POST a,b",
    "200 POST a,b",
    "POST c",
    "200 POST c",
    "POST terminated",
    "200 POST terminated",
  ]);
});

test("a batch lost on the network is retried unchanged, and 409 counts as stored", async () => {
  const answers = ["network", 409];
  const win = fakeWindow(() => answers.shift() ?? 200);
  const lrs = open(win);
  lrs.send(st("a"));
  await settle();
  lrs.send(st("b"));
  win.runTimers();
  await lrs.end([st("terminated")]);
  assert.deepEqual(win.events, [
    "POST a",
    "network POST a",
    "POST a",
    "409 POST a",
    "POST b",
    "200 POST b",
    "POST terminated",
    "200 POST terminated",
  ]);
});

test("terminated refused as already stored (409) is not sent again", async () => {
  const win = fakeWindow((request) => (request.what === "POST terminated" ? 409 : 200));
  const lrs = open(win);
  assert.equal(await lrs.end([st("terminated")]), true);
  win.runTimers();
  await settle();
  assert.deepEqual(win.events, ["POST terminated", "409 POST terminated"]);
});

test("a session the LMS has closed (403) sends nothing more", async () => {
  const win = fakeWindow(() => 403);
  const lrs = open(win);
  lrs.send(st("a"));
  await settle();
  lrs.send(st("b"));
  assert.equal(await lrs.end([st("terminated")]), true);
  win.runTimers();
  await settle();
  assert.deepEqual(win.events, ["POST a", "403 POST a"]);
});

test("Finish while the LRS is down retries terminated until it is stored, once", async () => {
  const answers = [503, 503];
  const win = fakeWindow(() => answers.shift() ?? 200);
  const lrs = open(win);
  const ended = lrs.end([st("terminated")]);
  await settle();
  win.runTimers();
  await settle();
  win.runTimers();
  assert.equal(await ended, true);
  win.runTimers();
  await settle();
  assert.deepEqual(
    win.events.filter((e) => !/^\d/.test(e)),
    ["POST terminated", "POST terminated", "POST terminated"],
  );
  assert.equal(win.events.at(-1), "200 POST terminated");
});

test("page gone: what is left goes in one keepalive batch ending in terminated", async () => {
  const win = fakeWindow(() => 503);
  const lrs = open(win);
  lrs.send(st("a"));
  await settle();
  lrs.send(st("b"));
  win.dispatch("pagehide");
  lrs.send(st("suspended"));
  assert.equal(await lrs.end([st("terminated")]), false);
  win.runTimers();
  await settle();
  assert.deepEqual(
    win.requests.slice(1).map((r) => [r.what, r.keepalive]),
    [["POST a,b,suspended,terminated", true]],
  );
});

test("page gone with a state to write: state and statements go, terminated does not", async () => {
  // Two requests sent together arrive in any order: terminated could land before the PUT.
  const win = fakeWindow(() => 503);
  const lrs = open(win);
  const resume = createResume(lrs, where);
  lrs.send(st("a"));
  await settle();
  win.dispatch("pagehide");
  resume.store(progress("p4"), {});
  lrs.send(st("suspended"));
  assert.equal(await lrs.end([st("terminated")]), false);
  win.runTimers();
  await settle();
  assert.deepEqual(
    win.requests.slice(1).map((r) => [r.what, r.keepalive]),
    [
      ["PUT state p4", true],
      ["POST a,suspended", true],
    ],
  );
});

test("page gone while a state write is in flight: terminated is not sent", async () => {
  let release;
  const win = fakeWindow();
  const fetch = win.fetch;
  win.fetch = async (url, options) => {
    const answer = fetch(url, options);
    if (options.method === "PUT") await new Promise((resolve) => (release = resolve));
    return answer;
  };
  const lrs = open(win);
  createResume(lrs, where).store(progress("p1"), {});
  lrs.send(st("a"));
  await settle();
  win.dispatch("pagehide");
  lrs.send(st("b"));
  assert.equal(await lrs.end([st("terminated")]), false);
  release();
  await settle();
  assert.deepEqual(
    win.requests.map((r) => r.what),
    ["PUT state p1", "POST a", "POST b"],
  );
});

test("page gone while terminated is retried: it goes once more, with keepalive", async () => {
  const win = fakeWindow(() => 503);
  const lrs = open(win);
  lrs.end([st("terminated")]);
  await settle();
  win.dispatch("pagehide");
  win.runTimers();
  await settle();
  assert.deepEqual(
    win.requests.map((r) => [r.what, r.keepalive]),
    [
      ["POST terminated", true],
      ["POST terminated", true],
    ],
  );
});

test("a batch in flight at page close is not sent twice nor followed by terminated", async () => {
  let release;
  const win = fakeWindow();
  const fetch = win.fetch;
  win.fetch = async (url, options) => {
    const answer = fetch(url, options);
    await new Promise((resolve) => (release = resolve));
    return answer;
  };
  const lrs = open(win);
  lrs.send(st("a"));
  lrs.send(st("b"));
  win.dispatch("pagehide");
  lrs.end([st("terminated")]);
  release();
  await settle();
  assert.deepEqual(
    win.requests.map((r) => r.what),
    ["POST a", "POST b"],
  );
});

test("what does not fit the keepalive limit is left out; terminated always goes", async () => {
  const win = fakeWindow(() => 503);
  const lrs = open(win);
  const big = (id) => ({ ...st(id), pad: "x".repeat(20000) });
  lrs.send(big("a"));
  await settle();
  ["b", "c", "d"].forEach((id) => lrs.send(big(id)));
  win.dispatch("pagehide");
  lrs.end([st("terminated")]);
  await settle();
  assert.deepEqual(
    win.requests.map((r) => r.what),
    ["POST a", "POST a,b,terminated"],
  );
  assert.ok(JSON.stringify(win.requests[1].body).length < 60000);
});

test("a relaunch in the same tab sends nothing of the previous session", async () => {
  const win = fakeWindow(() => 503);
  const first = open(win);
  first.send(st("a"));
  await settle();
  const second = open(win);
  second.send(st("b"));
  await settle();
  assert.deepEqual(
    win.requests.map((r) => r.what),
    ["POST a", "POST b"],
  );
});

test("a batch that failed on the network as the page goes away is not sent again", async () => {
  // Chromium fails a page's keepalive requests as it navigates away, though they reach the LRS.
  const win = fakeWindow((request) => (request.what === "POST a" ? "network" : 200));
  const lrs = open(win);
  lrs.send(st("a"));
  await settle();
  lrs.send(st("b"));
  win.dispatch("pagehide");
  lrs.end([st("terminated")]);
  await settle();
  assert.deepEqual(
    win.requests.map((r) => r.what),
    ["POST a", "POST b,terminated"],
  );
});

test("terminated lost on the network as the page goes away is not sent twice", async () => {
  const win = fakeWindow(() => "network");
  const lrs = open(win);
  lrs.end([st("terminated")]);
  await settle();
  win.dispatch("pagehide");
  win.runTimers();
  await settle();
  assert.deepEqual(
    win.requests.map((r) => r.what),
    ["POST terminated"],
  );
});

test("a state write lost on the network as the page goes away is not sent again", async () => {
  const win = fakeWindow((request) => (request.what.startsWith("PUT") ? "network" : 200));
  const lrs = open(win);
  createResume(lrs, where).store(progress("p1"), {});
  await settle();
  win.dispatch("pagehide");
  lrs.end([st("terminated")]);
  await settle();
  assert.deepEqual(
    win.requests.map((r) => r.what),
    ["PUT state p1", "POST terminated"],
  );
});

// The tracking notice: told(false) once writes keep failing or are refused, told(true) after.
const watched = (win) => {
  const told = [];
  const options = { endpoint: "https://lrs.test/x", auth: "Basic eDp5" };
  const lrs = createLrs(win, { ...options, told: (ok) => told.push(ok) });
  return { lrs, told };
};

test("told on the third failed try in a row, and once writes go through", async () => {
  let status = 503;
  const win = fakeWindow(() => status);
  const { lrs, told } = watched(win);
  lrs.send(st("a"));
  await settle();
  win.runTimers();
  await settle();
  assert.deepEqual(told, []);
  assert.equal(lrs.ok(), true);
  win.runTimers();
  await settle();
  assert.deepEqual(told, [false]);
  assert.equal(lrs.ok(), false);
  win.runTimers();
  await settle();
  assert.deepEqual(told, [false], "told once");
  status = 200;
  win.runTimers();
  await settle();
  assert.deepEqual(told, [false, true]);
  assert.equal(win.events.at(-1), "200 POST a");
});

test("a refusal for good (4xx) is told at once, cleared by a write that goes through", async () => {
  const win = fakeWindow((request) => (request.what === "POST a" ? 400 : 204));
  const { lrs, told } = watched(win);
  const resume = createResume(lrs, where);
  lrs.send(st("a"));
  await settle();
  assert.deepEqual(told, [false]);
  assert.equal(resume.store(progress("p1"), {}), false);
  await settle();
  assert.deepEqual(win.events.slice(2), ["PUT state p1", "204 PUT state p1"]);
  assert.deepEqual(told, [false, true]);
  assert.equal(lrs.ok(), true);
});

test("statements that keep failing are not cleared by state writes that go through", async () => {
  const win = fakeWindow((request) => (request.what.startsWith("POST") ? 503 : 204));
  const { lrs, told } = watched(win);
  const resume = createResume(lrs, where);
  lrs.send(st("a"));
  for (const _ of [1, 2, 3]) {
    await settle();
    win.runTimers();
  }
  assert.deepEqual(told, [false]);
  resume.store(progress("p1"), {});
  await settle();
  assert.equal(win.events.at(-1), "204 PUT state p1");
  assert.deepEqual(told, [false]);
});

test("a refused state is written again at the next store, not holding up terminated", async () => {
  let status = 400;
  const win = fakeWindow(() => status);
  const { lrs, told } = watched(win);
  const resume = createResume(lrs, where);
  resume.store(progress("p1"), {});
  await settle();
  assert.deepEqual(told, [false]);
  assert.deepEqual(win.events, ["PUT state p1", "400 PUT state p1"], "no retry on its own");
  status = 204;
  assert.equal(resume.store(progress("p1"), {}), false);
  await settle();
  assert.deepEqual(told, [false, true]);
  status = 400;
  resume.store(progress("p2"), {});
  await settle();
  status = 200;
  assert.equal(await lrs.end([st("terminated")]), true);
  assert.deepEqual(win.events.slice(4), [
    "PUT state p2",
    "400 PUT state p2",
    "POST terminated",
    "200 POST terminated",
  ]);
});
