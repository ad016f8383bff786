// Branching scenario logic: stepping through scenes, conditions, lives, endings, badges, the
// scenario's share of the course score, and its part of the saved state. Pure: no DOM, no
// window. The same rules are proved at build time by src/scormkit/scenario/proof.py; keep the two
// in step.
//
// A run is one play-through: { scene, variables: {name: n}, points: {dimension: n}, lives,
// ending: null | "success" | "partial" | "failure", outOfLives, badges: [ids] }.
// A scenario's progress is { run, best, earned, timerOff }: best is the best ending reached in
// any run (0 none, 1 failure, 2 partial, 3 success), earned the ids of every badge ever awarded,
// timerOff whether the learner turned timers off (WCAG 2.2.1), which lasts for the scenario.

export const TIMEOUT = "timeout";
const RANK = { failure: 1, partial: 2, success: 3 };
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** The scene of `scenario` named `id`. */
export function sceneOf(scenario, id) {
  return scenario.scenes.find((scene) => scene.id === id);
}

/** A fresh run at the start scene. */
export function startRun(scenario) {
  return {
    scene: scenario.start,
    variables: Object.fromEntries(scenario.variables),
    points: Object.fromEntries(scenario.dimensions.map((name) => [name, 0])),
    lives: scenario.lives,
    ending: null,
    outOfLives: false,
    badges: [],
  };
}

/** Progress of a scenario never played. */
export function startScenario(scenario) {
  return { run: startRun(scenario), best: 0, earned: [], timerOff: false };
}

function valueOf(run, name) {
  if (name === "lives") return run.lives;
  return name in run.points ? run.points[name] : run.variables[name];
}

/** Whether every condition holds in `run`. */
export function holds(run, conditions) {
  return conditions.every(({ of, atLeast, atMost }) => {
    const value = valueOf(run, of);
    return (atLeast === null || value >= atLeast) && (atMost === null || value <= atMost);
  });
}

/**
 * The choices offered in the run's scene, each with its letter (a, b… in spec order, so a
 * letter names the same choice whatever is hidden). A choice whose `requires` fail is hidden,
 * not disabled: the learner sees what the character could say now, not the hidden variables.
 */
export function offered(scenario, run) {
  if (run.ending) return [];
  return sceneOf(scenario, run.scene)
    .choices.map((choice, i) => ({ ...choice, letter: LETTERS[i] }))
    .filter((choice) => holds(run, choice.requires));
}

/** The move `step` (a choice id, or TIMEOUT) stands for in the run's scene; null if not open. */
export function moveFor(scenario, run, step) {
  if (run.ending) return null;
  const scene = sceneOf(scenario, run.scene);
  if (step === TIMEOUT) return scene.timer ? { id: TIMEOUT, ...scene.timeout } : null;
  return offered(scenario, run).find((choice) => choice.id === step) ?? null;
}

/** The run after taking `move` (from moveFor): effects, points, a life, the next scene. */
export function advance(scenario, run, move) {
  const add = (values, changes) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v + (changes[k] ?? 0)]));
  const lives = move.loseLife && run.lives !== null ? run.lives - 1 : run.lives;
  const next = {
    scene: move.goto,
    variables: add(run.variables, move.effects),
    points: add(run.points, move.points),
    lives,
    ending: null,
    outOfLives: false,
    badges: [],
  };
  return settle(scenario, next);
}

/** `run` with its ending and badges worked out from where it stands. */
export function settle(scenario, run) {
  const outOfLives = run.lives !== null && run.lives <= 0;
  const ending = outOfLives ? "failure" : sceneOf(scenario, run.scene).ending;
  // Badges are tested at ending scenes only, not when the lives run out.
  const badges =
    ending && !outOfLives
      ? scenario.badges.filter((badge) => holds(run, badge.when)).map((badge) => badge.id)
      : [];
  return { ...run, ending, outOfLives, badges };
}

/** The scenario's progress after `run` is played; an ending updates best and earned. */
export function recordRun(progress, run) {
  if (!run.ending) return { ...progress, run };
  const earned = [...new Set([...progress.earned, ...run.badges])];
  return { ...progress, run, best: Math.max(progress.best, RANK[run.ending]), earned };
}

/** Whether an ending `rank` (0-3) passes the scenario. */
export function passes(scenario, rank) {
  return rank >= RANK[scenario.passAt];
}

/** How a choice is reported: losing a life is wrong, gaining points right, else neutral. */
export function resultOf(move) {
  if (move.loseLife) return "wrong";
  const gained = Object.values(move.points).reduce((sum, n) => sum + n, 0);
  return gained > 0 ? "correct" : "neutral";
}

/** The record of one choice, in the shape quiz.js interaction() gives every tracker. */
export function choiceInteraction(scenario, sceneId, move, { time, latency }) {
  return {
    id: `${scenario.id}.${sceneId}`,
    activity: ["scene", scenario.id, sceneId],
    type: "choice",
    response: [move.letter],
    // A scene has no single right choice, so no correct pattern is reported.
    correct: [],
    result: resultOf(move),
    weight: 0,
    description: move.text,
    time,
    latency,
  };
}

/** Points earned and points possible from the course's scored scenarios, and how many are
 * not finished (never reached an ending). */
export function scenarioTotals(course, scenarios) {
  let points = 0;
  let total = 0;
  let unfinished = 0;
  for (const scenario of course.scenarios ?? []) {
    if (!scenario.scored || scenario.weight <= 0) continue;
    const best = scenarios?.get(scenario.id)?.best ?? 0;
    total += scenario.weight;
    if (passes(scenario, best)) points += scenario.weight;
    if (best === 0) unfinished += 1;
  }
  return { points, total, unfinished };
}

// Saved state: one entry per scenario in course order, joined with ",", trailing empties left
// out; an entry is "<best>.<badges>.<scene>.<lives>.<variables…>.<points…>", numbers in base 36
// ("-" before negatives), best plus 4 when timers are off, badges as a bit mask of the earned
// badges in spec order. Variables,
// points and lives are stored, not the path, so the size is bounded even when scenes loop;
// scenario/state.py's scenario_state_worst_case() gives the most an entry can take.

/** The scenarios' progress as one field of the suspend string. */
export function encodeScenarios(course, scenarios) {
  const entries = (course.scenarios ?? []).map((scenario) => {
    const state = scenarios.get(scenario.id);
    if (!state) return "";
    const { run } = state;
    let mask = 0;
    scenario.badges.forEach((badge, i) => {
      if (state.earned.includes(badge.id)) mask += 2 ** i;
    });
    const numbers = [
      state.best + (state.timerOff ? 4 : 0),
      mask,
      scenario.scenes.findIndex((scene) => scene.id === run.scene),
      run.lives ?? 0,
      ...scenario.variables.map(([name]) => run.variables[name]),
      ...scenario.dimensions.map((name) => run.points[name]),
    ];
    return numbers.map((n) => n.toString(36)).join(".");
  });
  while (entries.length && entries[entries.length - 1] === "") entries.pop();
  return entries.join(",");
}

function decodeEntry(scenario, entry) {
  const parts = entry.split(".");
  const numbers = parts.map((part) => (/^-?[0-9a-z]+$/.test(part) ? parseInt(part, 36) : NaN));
  const width = 4 + scenario.variables.length + scenario.dimensions.length;
  if (numbers.length !== width || numbers.some(Number.isNaN)) return null;
  const [flags, mask, sceneIndex, lives] = numbers;
  const best = flags % 4;
  const scene = scenario.scenes[sceneIndex];
  const livesOk = scenario.lives === null ? lives === 0 : lives >= 0 && lives <= scenario.lives;
  if (!(flags >= 0 && flags <= 7) || !scene || !livesOk || mask >= 2 ** scenario.badges.length) {
    return null;
  }
  const rest = numbers.slice(4);
  const run = settle(scenario, {
    scene: scene.id,
    variables: Object.fromEntries(scenario.variables.map(([name], i) => [name, rest[i]])),
    points: Object.fromEntries(
      scenario.dimensions.map((name, i) => [name, rest[scenario.variables.length + i]]),
    ),
    lives: scenario.lives === null ? null : lives,
  });
  const earned = scenario.badges.filter((_, i) => Math.floor(mask / 2 ** i) % 2).map((b) => b.id);
  return { run, best, earned, timerOff: flags >= 4 };
}

/** The scenarios' progress stored in `text`; null when it is damaged. */
export function decodeScenarios(course, text) {
  const scenarios = new Map();
  const entries = text ? text.split(",") : [];
  const list = course.scenarios ?? [];
  if (entries.length > list.length) return null;
  for (const [i, entry] of entries.entries()) {
    if (!entry) continue;
    const state = decodeEntry(list[i], entry);
    if (!state) return null;
    scenarios.set(list[i].id, state);
  }
  return scenarios;
}

/**
 * The menu's shelf: the points of every scenario's current run per dimension (a dimension's
 * points are added across scenarios, never one dimension to another), and badges earned.
 */
export function scenarioShelf(course, scenarios) {
  const points = {};
  const badges = [];
  for (const scenario of course.scenarios ?? []) {
    const state = scenarios.get(scenario.id);
    if (!state) continue;
    for (const [name, n] of Object.entries(state.run.points)) points[name] = (points[name] ?? 0) + n;
    badges.push(...scenario.badges.filter((badge) => state.earned.includes(badge.id)));
  }
  return { points, badges };
}
