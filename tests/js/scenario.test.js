import assert from "node:assert/strict";
import { test } from "node:test";

import { courseStatus, startProgress } from "../../src/scormkit/runtime/progress.js";
import {
  TIMEOUT,
  advance,
  choiceInteraction,
  decodeScenarios,
  encodeScenarios,
  moveFor,
  offered,
  recordRun,
  scenarioShelf,
  startRun,
  startScenario,
} from "../../src/scormkit/runtime/scenario.js";
import { decodeState, encodeState } from "../../src/scormkit/runtime/state.js";
import { COURSE } from "./course.js";

// A scenario as scenariodata.py writes it: a desk, a timed scene, three endings.
const cond = (of, atLeast = null, atMost = null) => ({ of, atLeast, atMost });
const choice = (id, goto, fields = {}) => ({
  id,
  text: `Say ${id}`,
  goto,
  points: {},
  effects: {},
  loseLife: false,
  requires: [],
  ...fields,
});
const scene = (id, fields = {}) => ({
  id,
  ending: null,
  timer: null,
  timeout: { goto: null, points: {}, effects: {}, loseLife: false },
  choices: [],
  ...fields,
});

const DESK = {
  id: "desk",
  page: "p7",
  title: "At the desk",
  start: "hello",
  variables: [
    ["trust", 1],
    ["verified", 0],
  ],
  dimensions: ["empathy", "privacy"],
  lives: 2,
  passAt: "partial",
  scored: true,
  weight: 2,
  replay: true,
  badges: [
    { id: "kind", when: [cond("empathy", 2)] },
    { id: "flawless", when: [cond("lives", 2)] },
  ],
  scenes: [
    scene("hello", {
      timer: 5,
      timeout: { goto: "rush", points: { empathy: -1 }, effects: {}, loseLife: true },
      choices: [
        choice("greet", "check", { points: { empathy: 2 }, effects: { trust: 1 } }),
        choice("shout", "rush", { loseLife: true, effects: { trust: -2 } }),
      ],
    }),
    scene("check", {
      choices: [
        choice("verify", "win", { requires: [cond("verified", null, 0)], points: { privacy: 1 } }),
        choice("trusting", "win", { requires: [cond("trust", 2)] }),
        choice("leave", "meh"),
      ],
    }),
    scene("rush", {
      choices: [
        choice("sorry", "check", { points: { empathy: 1 } }),
        choice("blame", "lose", { loseLife: true }),
      ],
    }),
    scene("win", { ending: "success" }),
    scene("meh", { ending: "partial" }),
    scene("lose", { ending: "failure" }),
  ],
};

const COURSE_WITH_DESK = { ...COURSE, scenarios: [DESK] };

function play(steps, run = startRun(DESK)) {
  for (const step of steps) {
    const move = moveFor(DESK, run, step);
    assert.ok(move, `'${step}' is not open in scene '${run.scene}'`);
    run = advance(DESK, run, move);
  }
  return run;
}

test("a run starts at the start scene with the starting variables, no points and full lives", () => {
  assert.deepEqual(startRun(DESK), {
    scene: "hello",
    variables: { trust: 1, verified: 0 },
    points: { empathy: 0, privacy: 0 },
    lives: 2,
    ending: null,
    outOfLives: false,
    badges: [],
  });
});

test("a choice applies its effects and points and goes to its scene", () => {
  const run = play(["greet"]);
  assert.equal(run.scene, "check");
  assert.deepEqual(run.variables, { trust: 2, verified: 0 });
  assert.deepEqual(run.points, { empathy: 2, privacy: 0 });
  assert.equal(run.lives, 2);
  assert.equal(run.ending, null);
});

test("choices whose requires fail are not offered, and keep their spec letters", () => {
  const trusted = play(["greet"]);
  assert.deepEqual(
    offered(DESK, trusted).map((c) => [c.id, c.letter]),
    [
      ["verify", "a"],
      ["trusting", "b"],
      ["leave", "c"],
    ],
  );
  const wary = play(["shout", "sorry"]);
  assert.deepEqual(
    offered(DESK, wary).map((c) => c.id),
    ["verify", "leave"],
  );
  assert.equal(moveFor(DESK, wary, "trusting"), null);
});

test("an ending scene ends the run and awards the badges whose conditions hold", () => {
  const run = play(["greet", "verify"]);
  assert.equal(run.ending, "success");
  assert.deepEqual(run.badges, ["kind", "flawless"]);
  assert.deepEqual(offered(DESK, run), []);
  assert.equal(moveFor(DESK, run, "greet"), null);
});

test("losing the last life ends the run as a failure without badges", () => {
  const run = play(["shout", "blame"]);
  assert.equal(run.lives, 0);
  assert.equal(run.ending, "failure");
  assert.equal(run.outOfLives, true);
  assert.deepEqual(run.badges, []);
});

test("a timer running out takes the scene's timeout move, with its points and lost life", () => {
  const run = play([TIMEOUT]);
  assert.equal(run.scene, "rush");
  assert.equal(run.lives, 1);
  assert.deepEqual(run.points, { empathy: -1, privacy: 0 });
  assert.equal(moveFor(DESK, run, TIMEOUT), null, "an untimed scene cannot time out");
});

test("the best ending and every badge earned are kept across runs", () => {
  let progress = startScenario(DESK);
  progress = recordRun(progress, play(["greet", "verify"]));
  assert.equal(progress.best, 3);
  progress = recordRun(progress, play(["shout", "blame"]));
  assert.equal(progress.best, 3);
  assert.deepEqual(progress.earned, ["kind", "flawless"]);
});

test("a choice is reported as a choice interaction named scenario.scene with its letter", () => {
  const run = play(["greet"]);
  const time = new Date(0);
  const record = (id) =>
    choiceInteraction(DESK, run.scene, moveFor(DESK, run, id), { time, latency: 1500 });
  assert.deepEqual(record("trusting"), {
    id: "desk.check",
    activity: ["scene", "desk", "check"],
    type: "choice",
    response: ["b"],
    correct: [],
    result: "neutral",
    weight: 0,
    description: "Say trusting",
    time,
    latency: 1500,
  });
  assert.equal(record("verify").result, "correct");
  const rush = play(["shout"]);
  const blame = choiceInteraction(DESK, "rush", moveFor(DESK, rush, "blame"), { time, latency: 0 });
  assert.equal(blame.result, "wrong");
});

test("a scored scenario counts its weight once it ends at pass_at or better", () => {
  const progress = startProgress(COURSE_WITH_DESK);
  const before = courseStatus(COURSE_WITH_DESK, progress);
  assert.equal(before.unplayed, 1);
  assert.equal(before.complete, false);
  progress.seen = progress.seen.map(() => true);
  progress.scenarios.set("desk", recordRun(startScenario(DESK), play(["greet", "leave"])));
  const { unplayed, score } = courseStatus(COURSE_WITH_DESK, progress);
  assert.equal(unplayed, 0);
  assert.equal(score, null, "the quiz is still unanswered");
  const onlyDesk = { ...COURSE_WITH_DESK, questions: [], quizzes: [] };
  assert.equal(courseStatus(onlyDesk, progress).score, 100);
  progress.scenarios.set("desk", recordRun(startScenario(DESK), play(["shout", "blame"])));
  const failed = courseStatus(onlyDesk, progress);
  assert.equal(failed.score, 0);
  assert.equal(failed.passed, false);
  assert.equal(failed.complete, true);
});

test("scenario progress survives a round trip through the suspend string", () => {
  const progress = startProgress(COURSE_WITH_DESK);
  let desk = recordRun(startScenario(DESK), play(["greet", "verify"]));
  desk = recordRun(desk, play([TIMEOUT]));
  progress.scenarios.set("desk", desk);
  const text = encodeState(COURSE_WITH_DESK, progress);
  assert.match(text, /\|r3\.3\.2\.1\.1\.0\.-1\.0$/);
  assert.deepEqual(decodeState(COURSE_WITH_DESK, text, startProgress), progress);
});

test("timers turned off stay off after a round trip, in the same digit as the best ending", () => {
  const desk = { ...recordRun(startScenario(DESK), play(["greet", "leave"])), timerOff: true };
  const text = encodeScenarios(COURSE_WITH_DESK, new Map([["desk", desk]]));
  assert.match(text, /^6\./);
  assert.deepEqual(decodeScenarios(COURSE_WITH_DESK, text).get("desk"), desk);
});

test("an ended run and one out of lives come back ended", () => {
  for (const steps of [["greet", "leave"], ["shout", "blame"]]) {
    const scenarios = new Map([["desk", recordRun(startScenario(DESK), play(steps))]]);
    assert.deepEqual(
      decodeScenarios(COURSE_WITH_DESK, encodeScenarios(COURSE_WITH_DESK, scenarios)),
      scenarios,
    );
  }
});

test("damaged scenario state is refused, not misread", () => {
  for (const text of ["8.0.0.2.1.0.0.0", "0.0.z.2.1.0.0.0", "0.0.0.3.1.0.0.0", "0.0.0", "0.4.0.2.1.0.0.0", "x,y"]) {
    assert.equal(decodeScenarios(COURSE_WITH_DESK, text), null, text);
  }
  assert.deepEqual(decodeScenarios(COURSE_WITH_DESK, ""), new Map());
});

test("a course without scenarios writes no role-play section", () => {
  const text = encodeState(COURSE, startProgress(COURSE));
  assert.ok(!text.split("|").some((field) => field.startsWith("r")), text);
});

test("the shelf keeps current points per dimension and lists every badge earned", () => {
  const progress = startProgress(COURSE_WITH_DESK);
  assert.deepEqual(scenarioShelf(COURSE_WITH_DESK, progress.scenarios), { points: {}, badges: [] });
  const desk = recordRun(startScenario(DESK), play(["greet", "verify"]));
  progress.scenarios.set("desk", { ...desk, earned: DESK.badges.map((b) => b.id) });
  const shelf = scenarioShelf(COURSE_WITH_DESK, progress.scenarios);
  assert.deepEqual(shelf.points, desk.run.points);
  assert.ok(Object.keys(shelf.points).length > 1, "the desk has several dimensions");
  assert.deepEqual(shelf.badges, DESK.badges);
});
