// SCORM 1.2 tracker (ADL SCORM 1.2 RTE §3.3 API, §3.4 data model). Every tracker exports
// createTracker(win, now, stateBudget, told) giving the same four methods (trackers that hear
// of refused writes only later, xAPI's and cmi5's, tell told(ok) then):
//   begin()          connect; returns { tracked, resume, location, state, learner }, plus
//                    navigation: true when the LMS can be asked to move to another launch
//   save(progress)   { location, state, complete, passed, score } stored and committed (false
//                    when the LMS refused some of it, so the player can say so); also
//                    modules ([{ id, complete, passed, score }] per module) and measure (the
//                    share of pages viewed, 0-1), for trackers that report them
//   answer(record)   one try at a question (quiz.js interaction()); saved by the next save()
//   finish(next)     end the session, once; later calls do nothing. `next` ("next",
//                    "previous" or "exit") asks the LMS to move on, where it can (not in 1.2)
// The xAPI and cmi5 trackers also have played(event), a role-play's timeout or ending (see
// runtime/scenarioview.js), sent as its own statement; SCORM has no place for them, so the
// SCORM trackers leave it out and the player calls it only where it exists.
// Without an LMS every method does nothing and begin() says { tracked: false }.

import { findApiNamed, scormCalls } from "./scormapi.js";

// ADL's discovery sample gives up after 7 levels (SCORM 1.2 RTE §3.3)
const MAX_PARENTS = 7;
// CMIString255, CMIIdentifier and CMIFeedback limits (SCORM 1.2 RTE §3.4)
const MAX_TEXT = 255;

/** The LMS's `API` object: up from `win` through its parents, then from its opener. */
export function findApi(win) {
  return findApiNamed(win, "API", MAX_PARENTS);
}

const pad = (n, width) => String(n).padStart(width, "0");

/** `ms` as a CMITimespan, HHHH:MM:SS.SS (SCORM 1.2 RTE §3.4), capped at 9999 hours. */
export function cmiTimespan(ms) {
  const hundredths = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
  const h = Math.floor(hundredths / 360000);
  const m = Math.floor(hundredths / 6000) % 60;
  const s = Math.floor(hundredths / 100) % 60;
  return `${pad(h, 4)}:${pad(m, 2)}:${pad(s, 2)}.${pad(hundredths % 100, 2)}`;
}

/** The learner's local clock time of `date` as a CMITime, HH:MM:SS. */
export function cmiTime(date) {
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

/** A response in the CMIFeedback form of its interaction type (SCORM 1.2 RTE §3.4). */
export function cmiFeedback(type, response) {
  switch (type) {
    case "fill-in":
    case "numeric":
    case "true-false":
      return response.join("");
    case "matching":
      // Source and target are single characters: sources numbered 1-9 then a-z.
      return response.map((target, i) => `${(i + 1).toString(36)}.${target}`).join(",");
    default:
      return response.join(",");
  }
}

/** cmi.core.student_name, "Last, First" (SCORM 1.2 RTE §3.4), as "First Last". */
export function displayName(studentName) {
  const comma = studentName.indexOf(",");
  if (comma < 0) return studentName.trim();
  return `${studentName.slice(comma + 1).trim()} ${studentName.slice(0, comma).trim()}`.trim();
}

/** The lesson_status for a progress report; never "not attempted", which only the LMS sets. */
export function lessonStatus({ complete, passed }) {
  if (!complete) return "incomplete";
  if (passed === null) return "completed";
  return passed ? "passed" : "failed";
}

/** A tracker reporting to the SCORM 1.2 LMS around `win`; `now` gives the time in ms. */
export function createTracker(win, now = () => Date.now()) {
  let api = null;
  let started = 0;
  let finished = false;
  let lastExit = "suspend";
  const written = new Map();
  // values the LMS refused since the last commit
  let refused = 0;

  const { call, failed: lastError, get, put } = scormCalls(() => api, {
    getValue: "LMSGetValue",
    setValue: "LMSSetValue",
    lastError: "LMSGetLastError",
    errorString: "LMSGetErrorString",
  });

  function set(element, value) {
    return put(element, String(value).slice(0, element === "cmi.suspend_data" ? 4096 : MAX_TEXT));
  }

  // Sets `element` only when it changed, so a commit sends what is new.
  function update(element, value) {
    if (written.get(element) === value) return;
    written.set(element, value);
    if (set(element, value)) return;
    // refused: set again at the next save
    written.delete(element);
    refused += 1;
  }

  // Whether the LMS took everything set since the last commit: a refused value is set again
  // at the next save, and the player tells the learner while the LMS keeps refusing.
  function commit() {
    const ok = call("LMSCommit", "") === "true";
    return !lastError("LMSCommit") && ok && refused === 0;
  }

  return {
    begin() {
      api = findApi(win);
      if (!api) return { tracked: false, resume: false, location: "", state: "", learner: "" };
      started = now();
      if (call("LMSInitialize", "") !== "true") {
        lastError("LMSInitialize");
        api = null;
        return { tracked: false, resume: false, location: "", state: "", learner: "" };
      }
      const state = get("cmi.suspend_data");
      return {
        tracked: true,
        resume: get("cmi.core.entry") === "resume" || state !== "",
        location: get("cmi.core.lesson_location"),
        state,
        learner: displayName(get("cmi.core.student_name")),
      };
    },

    save(progress) {
      if (!api || finished) return;
      update("cmi.core.lesson_location", progress.location);
      update("cmi.suspend_data", progress.state);
      update("cmi.core.lesson_status", lessonStatus(progress));
      if (progress.score !== null) {
        update("cmi.core.score.raw", String(progress.score));
        update("cmi.core.score.min", "0");
        update("cmi.core.score.max", "100");
      }
      // Suspend keeps the attempt open for resuming; a finished course exits normally so the
      // LMS closes the attempt (SCORM 1.2 RTE 3.4.4).
      lastExit = progress.complete ? "" : "suspend";
      update("cmi.core.exit", lastExit);
      set("cmi.core.session_time", cmiTimespan(now() - started));
      const ok = commit();
      refused = 0;
      return ok;
    },

    answer(record) {
      if (!api || finished) return;
      const count = get("cmi.interactions._count");
      // the LMS keeps no interactions (they are optional)
      if (!/^\d+$/.test(count)) return;
      const at = `cmi.interactions.${count}.`;
      set(`${at}id`, record.id);
      set(`${at}type`, record.type);
      set(`${at}time`, cmiTime(record.time));
      // 1.2 has no numeric range pattern, so a range question reports no correct response;
      // nor does a survey answer or a scenario choice (correct: []), which has no single
      // right answer.
      if (record.correct.length && (record.type !== "numeric" || record.correct.length === 1)) {
        set(`${at}correct_responses.0.pattern`, cmiFeedback(record.type, record.correct));
      }
      set(`${at}weighting`, String(record.weight));
      set(`${at}student_response`, cmiFeedback(record.type, record.response));
      set(`${at}result`, record.result);
      set(`${at}latency`, cmiTimespan(record.latency));
      // Not committed here: the player saves progress right after an answer, in one commit.
    },

    finish() {
      if (!api || finished) return;
      finished = true;
      update("cmi.core.exit", lastExit);
      set("cmi.core.session_time", cmiTimespan(now() - started));
      // LMSFinish persists everything set so far (SCORM 1.2 RTE §3.3), so no commit first.
      call("LMSFinish", "");
      lastError("LMSFinish");
    },
  };
}
