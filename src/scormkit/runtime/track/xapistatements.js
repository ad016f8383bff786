// What the xAPI and cmi5 trackers share: the parts of statements (xAPI 1.0.3 xAPI-Data.md
// §2.4) and where they come from in the course. Pure apart from reading the launch page's
// course data; talking to the LRS is lrs.js.

import { isoDuration } from "./duration.js";

const VERB_BASE = "http://adlnet.gov/expapi/verbs/";
// scormkit's xAPI Profile (src/scormkit/report/profile.jsonld): its own verb and extensions.
const PROFILE = "https://scormkit.dev/xapi/";
const EXTENSION = `${PROFILE}extensions/`;
const RANK = { failure: 1, partial: 2, success: 3 };

/** The verb `name` (ADL, or the profile's "timed-out") with its English display. */
export function verb(name) {
  if (name === "timed-out") return { id: `${PROFILE}verbs/timed-out`, display: { en: "timed out" } };
  const id = name === "abandoned" || name === "waived"
    ? `https://w3id.org/xapi/adl/verbs/${name}`
    : `${VERB_BASE}${name}`;
  // One language tag: "en", as the course's English definitions are tagged.
  return { id, display: { en: name } };
}

/** A random RFC 4122 version 4 UUID. */
export function uuid(cryptoApi = globalThis.crypto) {
  if (cryptoApi?.randomUUID) return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `date` as a UTC timestamp with Z. */
export function timestamp(date) {
  return date.toISOString();
}

/**
 * The launch's actor as a 1.0.3 Agent with one identifier. LMSs that still speak 0.95 send
 * arrays (`"mbox": ["mailto:…"]`, `"account": [{accountServiceHomePage, accountName}]`).
 */
export function normaliseActor(actor) {
  const first = (value) => (Array.isArray(value) ? value[0] : value);
  const agent = { objectType: "Agent" };
  const name = first(actor.name);
  if (name) agent.name = name;
  const account = first(actor.account);
  if (account) {
    agent.account = {
      homePage: account.homePage ?? account.accountServiceHomePage,
      name: account.name ?? account.accountName,
    };
  } else if (actor.mbox) agent.mbox = first(actor.mbox);
  else if (actor.mbox_sha1sum) agent.mbox_sha1sum = first(actor.mbox_sha1sum);
  else if (actor.openid) agent.openid = first(actor.openid);
  else return null;
  return agent;
}

/** An xAPI response string for an interaction record of quiz.js (SCORM 2004 syntax). */
export function responseText(record) {
  switch (record.type) {
    case "true-false":
      return record.response[0] === "t" ? "true" : "false";
    case "matching":
      return record.response.map((target, i) => `${i + 1}[.]${target}`).join("[,]");
    case "fill-in":
    case "numeric":
      return record.response.join("");
    default:
      return record.response.join("[,]");
  }
}

/** The result of an answered statement: response, success, score and time taken. */
export function answeredResult(record) {
  const success = record.result === "correct";
  const result = { response: responseText(record), duration: isoDuration(record.latency) };
  // A survey answer or a role-play choice is neither right nor wrong.
  if (record.result !== "neutral") result.success = success;
  if (record.weight > 0) {
    const raw = success ? record.weight : 0;
    result.score = { raw, min: 0, max: record.weight, scaled: raw / record.weight };
  }
  return result;
}

/** The activity object for `iri`, with its definition when the course has one. */
export function activity(data, iri) {
  return data.activities[iri] ?? { objectType: "Activity", id: iri };
}

/** One statement with its id fixed now, so every later try sends the same id. */
export function statement(actor, verbName, object, { result, context, time = new Date() } = {}) {
  const made = { id: uuid(), actor, verb: verb(verbName), object, timestamp: timestamp(time) };
  if (result) made.result = result;
  if (context) made.context = context;
  return made;
}

/** The course's tracker data (activities by IRI, parents) from the launch page. */
export function trackerData(win) {
  const course = JSON.parse(win.document.getElementById("sk-course").textContent);
  return { ...course.trackerData, language: course.language };
}

/** IRIs of the course's pages and questions, as xapi_activities.py makes them. */
export function pageIri(data, id) {
  return `${data.iri}/page/${id}`;
}

export function interactionIri(data, record) {
  return `${data.iri}/${record.activity.join("/")}`;
}

/** The parent activity of `iri`: its module or quiz, or the role-play or survey it is in. */
export function parentOf(data, iri) {
  if (data.parents[iri]) return data.parents[iri];
  const [kind, owner] = iri.slice(data.iri.length + 1).split("/");
  if (kind === "scene") return `${data.iri}/scenario/${owner}`;
  if (kind === "item") return `${data.iri}/survey/${owner}`;
  return null;
}

/** contextActivities placing `iri` in the course: its parent, and the course as grouping. */
export function placeIn(data, iri, courseId = data.iri) {
  const found = { grouping: [{ objectType: "Activity", id: courseId }] };
  const parent = parentOf(data, iri);
  if (parent) found.parent = [{ objectType: "Activity", id: parent }];
  return found;
}

/**
 * The result of a role-play run that reached an ending (a run of runtime/scenario.js): passed
 * when the ending is at least `passAt`, with the ending scene, its kind, points per dimension,
 * lives left and badges in the profile's result extensions.
 */
export function endingResult(passAt, run) {
  const extensions = {
    [`${EXTENSION}ending`]: run.outOfLives ? "out-of-lives" : run.scene,
    [`${EXTENSION}ending-kind`]: run.ending,
    [`${EXTENSION}points`]: run.points,
    [`${EXTENSION}badges`]: run.badges,
  };
  if (run.lives !== null) extensions[`${EXTENSION}lives`] = run.lives;
  return { success: RANK[run.ending] >= RANK[passAt], completion: true, extensions };
}

/** IRIs of a role-play and of one of its scenes, as xapi_activities.py makes them. */
export function scenarioIri(data, scenarioId) {
  return `${data.iri}/scenario/${scenarioId}`;
}

export function sceneIri(data, scenarioId, sceneId) {
  return `${data.iri}/scene/${scenarioId}/${sceneId}`;
}

/** The statement for a run of role-play `scenarioId` reaching its ending. */
export function endingStatement(actor, data, scenarioId, passAt, run, { context, time } = {}) {
  const object = activity(data, scenarioIri(data, scenarioId));
  return statement(actor, "completed", object, { result: endingResult(passAt, run), context, time });
}

/** The statement for scene `iri` whose timer ran out; `lostLife` when the timeout cost a life. */
export function timeoutStatement(actor, data, iri, lostLife, { context, time } = {}) {
  const result = { extensions: { [`${EXTENSION}lost-life`]: lostLife } };
  return statement(actor, "timed-out", activity(data, iri), { result, context, time });
}

/**
 * The statement for a role-play event of the player (runtime/scenarioview.js): { kind:
 * "timeout", scenario, scene, lostLife, time } when a scene's timer ran out, { kind: "ending",
 * scenario, passAt, run, time } when a run reached an ending. `contextOf(iri)` gives the
 * tracker's context for the statement's object.
 */
export function playedStatement(actor, data, event, contextOf) {
  const { time } = event;
  if (event.kind === "timeout") {
    const iri = sceneIri(data, event.scenario, event.scene);
    return timeoutStatement(actor, data, iri, event.lostLife, { context: contextOf(iri), time });
  }
  const iri = scenarioIri(data, event.scenario);
  const context = contextOf(iri);
  return endingStatement(actor, data, event.scenario, event.passAt, event.run, { context, time });
}

/**
 * The verdict to send for `progress` ("passed" or "failed"), or null when it is the same as
 * `lastSent`: a learner who retries and improves gets a new verdict, and only then.
 */
export function verdictToSend(lastSent, progress) {
  if (progress.passed === null || progress.score === null) return null;
  const verdict = progress.passed ? "passed" : "failed";
  return verdict === lastSent ? null : verdict;
}

/** A verdict statement's result: the course score as 0-100 raw and 0-1 scaled. */
export function scoreResult(score) {
  return { raw: score, min: 0, max: 100, scaled: Math.round(score * 100) / 10000 };
}

/** What begin() returns for a tracked session resumed from `saved` (or a fresh one). */
export function trackedSession(saved, actor) {
  return {
    tracked: true,
    resume: Boolean(saved),
    location: saved?.location ?? "",
    state: saved?.state ?? "",
    learner: actor.name ?? "",
  };
}
