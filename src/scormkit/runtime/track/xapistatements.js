// What the xAPI and cmi5 trackers share: statement parts (xAPI 1.0.3 xAPI-Data.md §2.4), the
// State API, and a queue that keeps every statement until the LRS has stored it.
//
// Statement ids are fixed when a statement is queued, so sending it again after a timeout or
// an outage can never store it twice (an LRS stores an id once, xAPI-Communication §2.1.2).
// The queue lives in sessionStorage too, so a reload or relaunch in the same tab sends what
// the previous page could not.

export const VERSION = "1.0.3";
const VERB_BASE = "http://adlnet.gov/expapi/verbs/";
const RETRY_MS = [500, 1000, 2000, 4000, 8000, 15000];
const BATCH = 50;
const KEEPALIVE_BYTES = 60000;

/** The ADL verb `name` with an English display. */
export function verb(name) {
  const id = name === "abandoned" || name === "waived"
    ? `https://w3id.org/xapi/adl/verbs/${name}`
    : `${VERB_BASE}${name}`;
  return { id, display: { "en-US": name } };
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

/** `ms` as an ISO 8601 duration kept to 0.01 s (xAPI-Data §4.6), e.g. PT1M2.5S. */
export function isoDuration(ms) {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(hundredths / 360000);
  const m = Math.floor(hundredths / 6000) % 60;
  const s = (hundredths % 6000) / 100;
  let text = "PT";
  if (h) text += `${h}H`;
  if (m) text += `${m}M`;
  if (s || text === "PT") text += `${Number(s.toFixed(2))}S`;
  return text;
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
  const result = { response: responseText(record), success, duration: isoDuration(record.latency) };
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

/** Query string of a State API call. */
function stateQuery({ activityId, agent, registration }, stateId) {
  const query = new URLSearchParams({ activityId, agent: JSON.stringify(agent), stateId });
  if (registration) query.set("registration", registration);
  return query.toString();
}

/**
 * A connection to the LRS at `endpoint` with the Authorization header `auth`: a statement
 * queue that retries until stored, and the State API.
 */
export function createLrs(win, { endpoint, auth, storageKey }) {
  const base = endpoint.endsWith("/") ? endpoint : `${endpoint}/`;
  const headers = {
    Authorization: auth,
    "X-Experience-API-Version": VERSION,
    "Content-Type": "application/json",
  };
  let queue = load();
  let sending = null;
  let failures = 0;
  let timer = null;

  function load() {
    try {
      return JSON.parse(win.sessionStorage.getItem(storageKey) ?? "[]");
    } catch {
      return [];
    }
  }

  function persist() {
    try {
      win.sessionStorage.setItem(storageKey, JSON.stringify(queue));
    } catch {
      // Storage full or denied: the queue still lives in memory for this page.
    }
  }

  async function post(batch, keepalive) {
    const response = await win.fetch(`${base}statements`, {
      method: "POST",
      headers,
      body: JSON.stringify(batch),
      keepalive,
    });
    // 409: the LRS already holds these ids; they were stored by an earlier try.
    if (!response.ok && response.status !== 409) {
      throw new Error(`LRS answered ${response.status} ${await response.text()}`);
    }
  }

  function schedule() {
    if (timer !== null || queue.length === 0) return;
    const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
    timer = win.setTimeout(() => {
      timer = null;
      flush();
    }, wait);
  }

  /** Send what is queued, oldest first; resolves when the queue is empty or a send failed. */
  function flush({ keepalive = false } = {}) {
    if (sending) return sending;
    const run = async () => {
      try {
        while (queue.length > 0) {
          const batch = queue.slice(0, BATCH);
          await post(batch, keepalive);
          const sent = new Set(batch.map((s) => s.id));
          queue = queue.filter((s) => !sent.has(s.id));
          persist();
          failures = 0;
        }
      } catch (error) {
        failures += 1;
        console.warn("scormkit: statements kept for a later try:", error.message ?? error);
        schedule();
      }
    };
    // Cleared once the run has settled, never before it was stored: a run with nothing to
    // send settles at once.
    sending = run().finally(() => {
      sending = null;
    });
    return sending;
  }

  return {
    /** Queue `statement` (its id already set) and start sending. */
    send(statement) {
      queue.push(statement);
      persist();
      return flush();
    },
    flush,
    pending: () => queue.length,

    /** Send what is left as the page goes away: keepalive lets the request outlive it. */
    flushOnExit() {
      if (queue.length === 0) return;
      // Browsers refuse keepalive bodies over 64 KiB in flight; send what fits, oldest first.
      const batch = [];
      let size = 2;
      for (const item of queue) {
        const more = JSON.stringify(item).length + 1;
        if (batch.length > 0 && size + more > KEEPALIVE_BYTES) break;
        batch.push(item);
        size += more;
      }
      try {
        win.fetch(`${base}statements`, {
          method: "POST",
          headers,
          body: JSON.stringify(batch),
          keepalive: true,
        });
      } catch {
        // The queue stays in sessionStorage; the next launch in this tab sends it.
      }
    },

    /** A State API document as parsed JSON, or null when there is none. */
    async getState(where, stateId) {
      const response = await win.fetch(`${base}activities/state?${stateQuery(where, stateId)}`, {
        headers: { Authorization: auth, "X-Experience-API-Version": VERSION },
      });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`State API answered ${response.status}`);
      const text = await response.text();
      return text ? JSON.parse(text) : null;
    },

    /** Replace a State API document; `keepalive` when the page may be going away. */
    async putState(where, stateId, value, keepalive = false) {
      const response = await win.fetch(`${base}activities/state?${stateQuery(where, stateId)}`, {
        method: "PUT",
        headers,
        body: JSON.stringify(value),
        keepalive,
      });
      if (!response.ok) throw new Error(`State API answered ${response.status}`);
    },

    /** An Agent Profile document as parsed JSON, or null. */
    async getAgentProfile(agent, profileId) {
      const query = new URLSearchParams({ agent: JSON.stringify(agent), profileId });
      const response = await win.fetch(`${base}agents/profile?${query}`, {
        headers: { Authorization: auth, "X-Experience-API-Version": VERSION },
      });
      if (!response.ok) return null;
      const text = await response.text();
      return text ? JSON.parse(text) : null;
    },
  };
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

/** IRIs of the course's pages and questions, as activities.py makes them. */
export function pageIri(data, id) {
  return `${data.iri}/page/${id}`;
}

export function questionIri(data, id) {
  return `${data.iri}/question/${id}`;
}

/** contextActivities placing `iri` in the course: its parent, and the course as grouping. */
export function placeIn(data, iri, courseId = data.iri) {
  const found = { grouping: [{ objectType: "Activity", id: courseId }] };
  const parent = data.parents[iri];
  if (parent) found.parent = [{ objectType: "Activity", id: parent }];
  return found;
}

/** A verdict statement's result: the course score as 0-100 raw and 0-1 scaled. */
export function scoreResult(score) {
  return { raw: score, min: 0, max: 100, scaled: Math.round(score * 100) / 10000 };
}

const RESUME_ID = "scormkit.resume";

/** The resume state document of a launch (`where`: activityId, agent, registration). */
export function createResume(lrs, where) {
  return {
    /** What was saved by an earlier session, or null: { location, state, sent }. */
    async load() {
      try {
        return await lrs.getState(where(), RESUME_ID);
      } catch (error) {
        console.warn("scormkit: no resume state:", error.message ?? error);
        return null;
      }
    },

    /** Store the player's progress and the verdicts already `sent`. */
    store(progress, sent, keepalive = false) {
      if (!progress) return;
      const doc = { location: progress.location, state: progress.state, sent };
      lrs.putState(where(), RESUME_ID, doc, keepalive).catch((error) => {
        console.warn("scormkit: resume state not saved:", error.message ?? error);
      });
    },
  };
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
