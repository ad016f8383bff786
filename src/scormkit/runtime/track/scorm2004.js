// SCORM 2004 tracker, 3rd and 4th Edition (ADL SCORM 2004 RTE ch. 3 API, ch. 4 data model).
// Same four methods as track/scorm12.js (read its header); in addition:
//   begin()          also gives budget, the characters of cmi.suspend_data the course may use,
//                    and navigation: true, as the LMS can be asked to move (adl.nav.request)
//   save(progress)   also reads progress.measure (0-1) and progress.modules, one
//                    { id, complete, passed, score } per module, reported as cmi.objectives
//   finish(next)     next: "next", "previous" or "exit" asks the LMS to move on
//                    (adl.nav.request continue, previous or exitAll) as the session ends

import { isoDuration } from "./duration.js";
import { findApiNamed, scormCalls } from "./scormapi.js";

const MAX_PARENTS = 500; // ADL's 2004 discovery sample searches up to 500 levels (RTE 3.3.1)
const BUDGET = 64000; // cmi.suspend_data SPM (RTE 4.2.24); the build may lower it
const MAX_DESCRIPTION = 250; // localized_string_type SPM of descriptions (RTE 4.2.9)
const NAV_REQUESTS = { next: "continue", previous: "previous", exit: "exitAll" };

/** The LMS's `API_1484_11` object: up from `win` through its parents, then from its opener. */
export function findApi(win) {
  return findApiNamed(win, "API_1484_11", MAX_PARENTS);
}

/** `date` as a SCORM 2004 time (RTE 4.1.x), in UTC to the hundredth of a second. */
export function isoTime(date) {
  const iso = date.toISOString(); // 2026-11-29T03:45:12.345Z
  return `${iso.slice(0, 22)}Z`;
}

// Delimiters are written literally (RTE 4.2.9.1); text holding one is escaped with "\".
function escapeText(text) {
  return String(text).replace(/\[([,.:])\]/g, "\\[$1]");
}

/** A response of the record's interaction type in its SCORM 2004 form (RTE 4.2.9.1). */
export function learnerResponse(type, response) {
  switch (type) {
    case "true-false":
      return response[0] === "t" || response[0] === "true" ? "true" : "false";
    case "fill-in":
      // One string per blank (RTE 4.2.9.1 fill-in: up to 10 localized strings).
      return response.map(escapeText).join("[,]");
    case "numeric":
    case "likert":
      return String(response[0] ?? "");
    case "matching":
      // Sources are numbered 1, 2…; each is paired with the target letter chosen for it.
      return response.map((target, i) => `${i + 1}[.]${target}`).join("[,]");
    default:
      // choice and sequencing: short identifiers joined by [,]
      return response.join("[,]");
  }
}

/** The correct-response pattern of an interaction record (RTE 4.2.9.1). */
export function correctPattern(record) {
  const { type, correct } = record;
  if (type === "fill-in") {
    const caseMatters = `{case_matters=${Boolean(record.matchCase)}}`;
    // Several blanks are answered in order unless the record says otherwise.
    const order = correct.length > 1 ? `{order_matters=${record.orderMatters ?? true}}` : "";
    return `${caseMatters}${order}${learnerResponse(type, correct)}`;
  }
  // A range min[:]max; an exact answer is the range from itself to itself.
  if (type === "numeric") return `${correct[0]}[:]${correct[correct.length - 1]}`;
  // Choice patterns are sets: the same letters in any order are right (RTE 4.2.9.1).
  return learnerResponse(type, correct);
}

/** The completion and success status of a progress report (RTE 4.2.4, 4.2.22). */
export function statuses({ complete, passed }) {
  return {
    completion: complete ? "completed" : "incomplete",
    success: passed === null || passed === undefined ? "unknown" : passed ? "passed" : "failed",
  };
}

/** A module's objective: satisfied once it is complete, and passed when it is scored. */
export function objectiveSuccess(module) {
  if (!module.complete) return "unknown";
  return module.passed === false ? "failed" : "passed";
}

/** A tracker reporting to the SCORM 2004 LMS around `win`; `now` gives the time in ms. */
export function createTracker(win, now = () => Date.now(), stateBudget = null) {
  const budget = stateBudget ?? BUDGET;
  let api = null;
  let started = 0;
  let finished = false;
  let lastExit = "suspend";
  const written = new Map();
  let refused = 0; // values the LMS refused since the last commit
  const objectiveIndex = new Map();

  const { call, failed: lastError, get, put } = scormCalls(() => api, {
    getValue: "GetValue",
    setValue: "SetValue",
    lastError: "GetLastError",
    errorString: "GetErrorString",
  });

  function set(element, value) {
    return put(element, String(value));
  }

  // Sets `element` only when it changed, so a commit sends what is new.
  function update(element, value) {
    const text = String(value);
    if (written.get(element) === text) return;
    written.set(element, text);
    if (set(element, text)) return;
    written.delete(element); // refused: set again at the next save
    refused += 1;
  }

  function readObjectives() {
    const count = Number(get("cmi.objectives._count"));
    for (let i = 0; i < count; i++) objectiveIndex.set(get(`cmi.objectives.${i}.id`), i);
  }

  // The index of objective `id`: the one the LMS made from the manifest, or a new one.
  function objective(id) {
    if (objectiveIndex.has(id)) return `cmi.objectives.${objectiveIndex.get(id)}.`;
    const index = objectiveIndex.size;
    // An id the LMS refused is not kept: the next save creates the objective again.
    if (set(`cmi.objectives.${index}.id`, id)) objectiveIndex.set(id, index);
    else refused += 1;
    return `cmi.objectives.${index}.`;
  }

  function reportScore(prefix, score) {
    if (score === null || score === undefined) return;
    update(`${prefix}score.scaled`, String(Math.round(score * 100) / 10000));
    update(`${prefix}score.raw`, String(score));
    update(`${prefix}score.min`, "0");
    update(`${prefix}score.max`, "100");
  }

  const offline = { tracked: false, resume: false, location: "", state: "", learner: "", budget };

  return {
    begin() {
      api = findApi(win);
      if (!api) return offline;
      started = now();
      if (call("Initialize", "") !== "true") {
        lastError("Initialize");
        api = null;
        return offline;
      }
      readObjectives();
      // Location and suspend_data exist only in a resumed attempt; reading them in a new one
      // is error 403, value not initialized (RTE 4.2.8, 4.2.14, 4.2.24).
      const resume = get("cmi.entry") === "resume";
      return {
        tracked: true,
        resume,
        location: resume ? get("cmi.location") : "",
        state: resume ? get("cmi.suspend_data") : "",
        learner: get("cmi.learner_name"),
        budget,
        navigation: true,
      };
    },

    save(progress) {
      if (!api || finished) return;
      update("cmi.location", progress.location);
      update("cmi.suspend_data", progress.state.slice(0, budget));
      const { completion, success } = statuses(progress);
      update("cmi.completion_status", completion);
      update("cmi.success_status", success);
      if (typeof progress.measure === "number") {
        update("cmi.progress_measure", String(Math.round(progress.measure * 1000) / 1000));
      }
      reportScore("cmi.", progress.score);
      for (const module of progress.modules ?? []) {
        const at = objective(module.id);
        update(`${at}completion_status`, module.complete ? "completed" : "incomplete");
        update(`${at}success_status`, objectiveSuccess(module));
        reportScore(at, module.score);
      }
      // Suspend keeps the attempt open for resuming; a finished course exits normally so the
      // LMS closes the attempt and rolls up (SCORM 2004 RTE 4.2.8).
      lastExit = progress.complete ? "normal" : "suspend";
      update("cmi.exit", lastExit);
      set("cmi.session_time", isoDuration(now() - started));
      // Whether the LMS took it all: a refused value is set again at the next save, and the
      // player tells the learner while the LMS keeps refusing.
      const ok = call("Commit", "") === "true" && !lastError("Commit") && refused === 0;
      refused = 0;
      return ok;
    },

    answer(record) {
      if (!api || finished) return;
      const count = get("cmi.interactions._count");
      if (!/^\d+$/.test(count)) return; // the LMS keeps no interactions
      const at = `cmi.interactions.${count}.`;
      // id, then type, before any response: the rest depends on them (RTE 4.2.9, error 408).
      set(`${at}id`, record.id);
      set(`${at}type`, record.type);
      set(`${at}timestamp`, isoTime(record.time));
      if (record.type !== "likert" && record.correct?.length) {
        set(`${at}correct_responses.0.pattern`, correctPattern(record));
      }
      set(`${at}weighting`, String(record.weight));
      set(`${at}learner_response`, learnerResponse(record.type, record.response));
      set(`${at}result`, record.result === "wrong" ? "incorrect" : record.result);
      set(`${at}latency`, isoDuration(record.latency));
      if (record.description) {
        set(`${at}description`, String(record.description).slice(0, MAX_DESCRIPTION));
      }
      // Not committed here: the player saves progress right after an answer, in one commit.
    },

    finish(next) {
      if (!api || finished) return;
      finished = true;
      update("cmi.exit", lastExit);
      set("cmi.session_time", isoDuration(now() - started));
      if (NAV_REQUESTS[next]) set("adl.nav.request", NAV_REQUESTS[next]);
      // Terminate persists everything set so far (RTE 3.1.3.2), so no commit first.
      call("Terminate", "");
      lastError("Terminate");
    },
  };
}
