// xAPI tracker for tincan.xml packages (Rustici launch, lms_lrs.md). Same four methods as
// track/scorm12.js, plus played(); begin() is async (it reads resume state from the State API).
//
// Launch: ?endpoint=&auth=&actor=[&registration=][&activity_id=]. Statements: initialized
// (then resumed when there is saved state), experienced for each page, answered for each try
// with the full result, timed-out for a role-play scene whose timer ran out, completed for a
// role-play run that reached an ending, completed for the course once, passed/failed again
// whenever the verdict changes, suspended when left unfinished, terminated last, alone, as
// the final request (lrs.js end()). Resume state is the State API document "scormkit.resume".

import {
  answeredResult,
  activity,
  normaliseActor,
  pageIri,
  placeIn,
  playedStatement,
  interactionIri,
  scoreResult,
  statement,
  trackedSession,
  trackerData,
  verdictToSend,
} from "./xapistatements.js";
import { isoDuration } from "./duration.js";
import { createLrs, createResume } from "./lrs.js";

const UNTRACKED = { tracked: false, resume: false, location: "", state: "", learner: "" };

/** The launch parameters, or null when the page was not launched by an LMS/LRS. */
export function launchParameters(search) {
  const params = new URLSearchParams(search);
  const endpoint = params.get("endpoint");
  const auth = params.get("auth");
  let actor = null;
  try {
    actor = normaliseActor(JSON.parse(params.get("actor") ?? "null") ?? {});
  } catch {
    actor = null;
  }
  if (!endpoint || !auth || !actor) return null;
  return {
    endpoint,
    auth,
    actor,
    registration: params.get("registration") || null,
    activityId: params.get("activity_id") || null,
  };
}

/** A tracker reporting to the LRS named in `win`'s launch URL; `now` gives the time in ms. */
export function createTracker(win, now = () => Date.now(), budget, told) {
  let launch = null;
  let lrs = null;
  let resume = null;
  let data = null;
  let started = 0;
  let finished = false;
  let lastLocation = null;
  let sent = {}; // verdicts already reported in this registration: { completed, verdict }
  let lastProgress = null;

  const where = () => ({
    activityId: launch.activityId,
    agent: launch.actor,
    registration: launch.registration,
  });

  function context(iri) {
    const made = { contextActivities: placeIn(data, iri, launch.activityId), language: data.language };
    if (launch.registration) made.registration = launch.registration;
    return made;
  }

  function courseObject() {
    return { ...activity(data, data.iri), id: launch.activityId };
  }

  function emit(verbName, object, options = {}) {
    lrs.send(statement(launch.actor, verbName, object, options));
  }

  function courseMade(verbName, result) {
    const made = { language: data.language };
    if (launch.registration) made.registration = launch.registration;
    return statement(launch.actor, verbName, courseObject(), { result, context: made });
  }

  function courseStatement(verbName, result) {
    lrs.send(courseMade(verbName, result));
  }


  return {
    async begin() {
      launch = launchParameters(win.location.search);
      if (!launch) return UNTRACKED;
      data = trackerData(win);
      launch.activityId ??= data.iri;
      started = now();
      lrs = createLrs(win, { endpoint: launch.endpoint, auth: launch.auth, told });
      resume = createResume(lrs, where);
      const saved = await resume.load();
      sent = saved?.sent ?? {};
      courseStatement("initialized");
      if (saved) courseStatement("resumed");
      return trackedSession(saved, launch.actor);
    },

    save(progress) {
      if (!lrs || finished) return;
      lastProgress = progress;
      if (progress.location !== lastLocation) {
        lastLocation = progress.location;
        const iri = pageIri(data, progress.location);
        emit("experienced", activity(data, iri), { context: context(iri) });
      }
      const duration = isoDuration(now() - started);
      if (progress.complete && !sent.completed) {
        sent.completed = true;
        courseStatement("completed", { completion: true, duration });
      }
      // A new verdict whenever the outcome changes, e.g. a learner who retries and passes.
      const verdict = verdictToSend(sent.verdict, progress);
      if (verdict) {
        sent.verdict = verdict;
        courseStatement(verdict, {
          success: progress.passed,
          completion: progress.complete,
          score: scoreResult(progress.score),
          duration,
        });
      }
      return resume.store(lastProgress, sent);
    },

    answer(record) {
      if (!lrs || finished) return;
      const iri = interactionIri(data, record);
      emit("answered", activity(data, iri), {
        result: answeredResult(record),
        context: context(iri),
        time: record.time,
      });
    },

    /** A role-play's timeout or ending, as its own statement (xapistatements.js). */
    played(event) {
      if (!lrs || finished) return;
      lrs.send(playedStatement(launch.actor, data, event, context));
    },

    finish() {
      if (!lrs || finished) return;
      finished = true;
      const duration = isoDuration(now() - started);
      if (!lastProgress?.complete) courseStatement("suspended", { duration });
      resume.store(lastProgress, sent);
      lrs.end([courseMade("terminated", { duration })]);
    },
  };
}
