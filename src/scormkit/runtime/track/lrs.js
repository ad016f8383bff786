// Talking to the LRS for the xAPI and cmi5 trackers: a statement queue that knows what the LRS
// has stored, the resume state document, and the one way a session ends.
//
// A session ends once (cmi5 spec 9.3.0.0, 9.3.8): the queued statements are delivered, the
// resume state is written, then the last statements (terminated) go out as the final request;
// after it nothing uses the session's credentials (cmi5 spec 8.1.2.0). When the page goes away
// (pagehide) no answer can be awaited and requests sent together arrive in any order: what is
// left goes out at once with keepalive, and the last statements go with it only when that one
// batch is the session's sole request still to arrive. While a request is in flight or the state
// must be written too, the session is left open instead, for the LMS to mark abandoned at the
// next launch (cmi5 spec 9.3.6; an LMS refuses anything after terminated, 9.3.0.0-5, 8.1.2.0).
//
// Statement ids are fixed when queued. A batch answered 2xx is stored; 409 says the LRS holds
// those ids already and changed nothing (xAPI 1.0.3 Communication 2.1.2): both are dropped. A
// batch whose request failed on the network may have been stored, so it is retried alone and
// unchanged: a 409 then means all of it is stored. Nothing outlives the page, so a relaunch
// never sends an earlier session's statements.
//
// Writes that keep failing (a third try in a row) or that the LRS refuses for good (4xx) are
// told to `told(false)`, and `told(true)` once writes go through again; a refused state is
// written again at the next keep(), and a refused statement batch is dropped.

export const VERSION = "1.0.3";
const RETRY_MS = [500, 1000, 2000, 4000, 8000, 15000];
const FAILS = 3; // failed tries in a row before the learner is told
// Chromium refuses keepalive bodies past 64 KiB in flight: a batch and the final one fit.
const BATCH_BYTES = 30000;
const KEEPALIVE_BYTES = 60000;
const bytes = (text) => new TextEncoder().encode(text).length;

/** Query string of a State API call. */
function stateQuery({ activityId, agent, registration }, stateId) {
  const query = new URLSearchParams({ activityId, agent: JSON.stringify(agent), stateId });
  if (registration) query.set("registration", registration);
  return query.toString();
}

/**
 * A session with the LRS at `endpoint`, Authorization header `auth`: send() queues statements,
 * keep() sets the state document to write, end() ends the session; told(ok) hears whether the
 * LRS takes writes.
 */
export function createLrs(win, { endpoint, auth, told = () => {} }) {
  const base = endpoint.endsWith("/") ? endpoint : `${endpoint}/`;
  const headers = {
    Authorization: auth,
    "X-Experience-API-Version": VERSION,
    "Content-Type": "application/json",
  };
  const batches = []; // { items, size, sealed }: sealed while in flight or maybe stored
  let posting = null; // the batch in flight
  let doc = null; // { path, body }: the state document to write
  let refused = null; // the doc the LRS refused (4xx): written again once keep() is called
  let putting = null; // the body of the PUT in flight
  let doubt = null; // the body of a PUT lost on the network: maybe written
  let written = null; // the body the LRS holds
  let last = null; // the batch that ends the session, once end() was called
  let closed = false; // no request may use `auth` any more
  let leaving = false;
  const tries = { POST: 0, PUT: 0 }; // failed tries in a row, by method
  const failing = new Set(); // what the LRS fails or refuses: see judge()
  let timer = null;
  let ended;
  const done = new Promise((resolve) => (ended = resolve));

  win.addEventListener("pagehide", () => {
    leaving = true;
    if (last) leave();
  });

  function close(stays) {
    closed = true;
    win.clearTimeout(timer);
    ended(stays);
  }

  /** The status of one request, or 0 when it failed on the network. */
  async function call(method, path, body) {
    try {
      const response = await win.fetch(base + path, {
        method,
        headers,
        body,
        keepalive: bytes(body) <= BATCH_BYTES,
      });
      // A keepalive request counts against the 64 KiB until its answer is read.
      await response.text();
      return response.status;
    } catch {
      return 0;
    }
  }

  // `failing` holds "POST" or "PUT" while writes of that kind keep failing, and "refused" once
  // one was refused for good, until a write goes through.
  function judge(kind, ok) {
    const was = failing.size;
    if (!ok) failing.add(kind);
    else for (const gone of [kind, "refused"]) failing.delete(gone);
    if (!was !== !failing.size) told(ok);
  }

  /** After an answer to a `method` request: true when it needs no retry. */
  function settled(method, status) {
    if (status === 401 || status === 403) {
      // The session is over on the LMS side: its credentials are spent.
      console.warn(`scormkit: the LRS refused the session (${status})`);
      judge("refused", false);
      close(true);
      return true;
    }
    if (status === 0 || status === 429 || status >= 500) {
      if (++tries[method] >= FAILS) judge(method, false);
      win.clearTimeout(timer);
      timer = win.setTimeout(() => {
        timer = null;
        pump();
      }, RETRY_MS[Math.min(tries[method], RETRY_MS.length) - 1]);
      return false;
    }
    tries[method] = 0;
    const stored = status < 300 || status === 409;
    if (!stored) console.warn(`scormkit: the LRS refused ${status}`);
    judge(stored ? method : "refused", stored);
    return true;
  }

  async function post(batch) {
    posting = batch;
    batch.sealed = true;
    const status = await call("POST", "statements", JSON.stringify(batch.items));
    posting = null;
    if (closed) return;
    if (settled("POST", status)) {
      if (batch === last) return close(true);
      batches.splice(batches.indexOf(batch), 1);
    } else batch.sealed = status === 0;
    pump();
  }

  async function put(sent) {
    putting = sent.body;
    const status = await call("PUT", sent.path, sent.body);
    putting = null;
    if (!status) doubt = sent.body;
    if (closed) return;
    if (settled("PUT", status)) {
      if (status < 300) written = sent.body;
      else refused = sent;
    }
    pump();
  }

  /** Start whatever request is due: statements and state side by side, the last batch alone. */
  function pump() {
    if (closed || leaving || timer !== null) return;
    if (!posting && batches.length) post(batches[0]);
    const due = doc && doc !== refused && doc.body !== written;
    if (putting === null && due) put(doc);
    if (last && !posting && !batches.length && putting === null && !due) post(last);
  }

  /**
   * The page is going: send what is left at once, with keepalive. What is in flight or was
   * lost on the network is left out: Chromium fails a page's keepalive requests as it
   * navigates away although they still reach the LRS, and a statement stored twice breaks
   * cmi5's rules (9.3.0.0-2) or gets its whole batch refused (409). Requests sent now may
   * arrive in any order, and one in flight may arrive after them: the last statements go only
   * in a batch that is the one request left to arrive, else not at all.
   */
  function leave() {
    if (closed) return;
    close(false);
    if (last.sealed) return;
    let room = KEEPALIVE_BYTES - (posting?.size ?? 0) - bytes(putting ?? "");
    let alone = !posting && putting === null;
    const send = (method, path, body) =>
      win.fetch(base + path, { method, headers, body, keepalive: true }).catch(() => {});
    const due = doc && doc !== refused && ![written, putting, doubt].includes(doc.body);
    if (due && bytes(doc.body) < room / 2) {
      send("PUT", doc.path, doc.body);
      room -= bytes(doc.body);
      alone = false;
    }
    const items = [];
    let size = last.size;
    for (const item of batches.filter((b) => !b.sealed).flatMap((b) => b.items)) {
      const more = bytes(JSON.stringify(item)) + 1;
      if (size + more > room) break;
      items.push(item);
      size += more;
    }
    if (alone) items.push(...last.items);
    if (items.length) send("POST", "statements", JSON.stringify(items));
  }

  return {
    /** Queue `statement` (its id already set) and send it when its turn comes. */
    send(statement) {
      if (closed || last) return;
      const size = bytes(JSON.stringify(statement)) + 1;
      const open = batches.at(-1);
      if (open && !open.sealed && open.size + size <= BATCH_BYTES) {
        open.items.push(statement);
        open.size += size;
      } else batches.push({ items: [statement], size: size + 1, sealed: false });
      pump();
    },

    /** Write `value` as State API document `stateId`: only the latest value, none once ending. */
    keep(where, stateId, value) {
      if (closed || last) return;
      doc = { path: `activities/state?${stateQuery(where, stateId)}`, body: JSON.stringify(value) };
      pump();
    },

    /** Whether the LRS takes writes: false while some kind keeps failing or was refused. */
    ok: () => !failing.size,

    /**
     * End the session with `statements` as the final request; resolves once nothing more
     * will be sent: true while the page stays, false when it is going away.
     */
    end(statements) {
      if (!last && !closed) {
        const body = JSON.stringify(statements);
        last = { items: statements, size: bytes(body), sealed: false };
        if (leaving) leave();
        else {
          win.clearTimeout(timer);
          timer = null;
          pump();
        }
      }
      return done;
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

    /** Keep the player's progress and the verdicts already `sent` written; false while the
     * LRS fails or refuses writes. */
    store(progress, sent) {
      if (progress) {
        lrs.keep(where(), RESUME_ID, { location: progress.location, state: progress.state, sent });
      }
      return lrs.ok();
    },
  };
}
