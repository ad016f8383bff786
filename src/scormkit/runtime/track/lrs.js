// Talking to the LRS for the xAPI and cmi5 trackers: a statement queue that keeps every
// statement until the LRS has stored it, the State API (resume state) and Agent Profiles.
//
// Statement ids are fixed when a statement is queued, so sending it again after a timeout or
// an outage can never store it twice (an LRS stores an id once, xAPI-Communication §2.1.2).
// The queue lives in sessionStorage too, so a reload or relaunch in the same tab sends what
// the previous page could not.

export const VERSION = "1.0.3";
const RETRY_MS = [500, 1000, 2000, 4000, 8000, 15000];
const BATCH = 50;
const KEEPALIVE_BYTES = 60000;

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
