// cmi5 tracker (cmi5 spec, Quartz). Same four methods as track/scorm12.js, plus played()
// for role-play timeouts and endings; begin() is async.
//
// Launch (§8.1): ?endpoint=&fetch=&actor=&registration=&activityId=. begin() POSTs the fetch
// URL once for the token (§8.2), reads LMS.LaunchData (§10) and the learner preferences
// (§11), then sends initialized. Every statement's context starts from contextTemplate; the
// cmi5 defined ones (initialized, completed, passed, failed, terminated) add the cmi5 category
// and, when their result has success or completion, the moveon one (§9.6.2). completed and
// passed/failed go out at most once per registration (remembered in the State API), never in
// Browse or Review mode, judged against the LMS's masteryScore; terminated is last, then the
// window goes to returnURL (§9.3.8, §10.2.5).

import {
  activity,
  answeredResult,
  normaliseActor,
  pageIri,
  parentOf,
  playedStatement,
  interactionIri,
  scoreResult,
  statement,
  trackedSession,
  trackerData,
} from "./xapistatements.js";
import { isoDuration } from "./duration.js";
import { createLrs, createResume } from "./lrs.js";

const CMI5 = "https://w3id.org/xapi/cmi5/context/";
const CMI5_CATEGORY = { objectType: "Activity", id: `${CMI5}categories/cmi5` };
const MOVEON_CATEGORY = { objectType: "Activity", id: `${CMI5}categories/moveon` };
const MASTERY = `${CMI5}extensions/masteryscore`;
const UNTRACKED = { tracked: false, resume: false, location: "", state: "", learner: "" };

/** The cmi5 launch parameters (§8.1), or null when any is missing. */
export function launchParameters(search) {
  const params = new URLSearchParams(search);
  const names = ["endpoint", "fetch", "actor", "registration", "activityId"];
  const found = Object.fromEntries(names.map((name) => [name, params.get(name)]));
  if (names.some((name) => !found[name])) return null;
  try {
    found.actor = normaliseActor(JSON.parse(found.actor));
  } catch {
    return null;
  }
  return found.actor ? found : null;
}

/** The context of a statement: a copy of contextTemplate plus categories and extensions. */
export function cmi5Context(template, registration, { defined, moveon, mastery } = {}) {
  const context = JSON.parse(JSON.stringify(template ?? {}));
  context.registration = registration;
  if (defined) {
    const activities = (context.contextActivities ??= {});
    const category = activities.category ?? [];
    category.push(CMI5_CATEGORY);
    if (moveon) category.push(MOVEON_CATEGORY);
    activities.category = category;
  }
  if (mastery !== undefined && mastery !== null) {
    context.extensions = { ...(context.extensions ?? {}), [MASTERY]: mastery };
  }
  return context;
}

/** Whether `score` (0-100) passes, by the LMS's masteryScore (0-1) when it gives one. */
export function isPassing(score, passed, masteryScore) {
  if (typeof masteryScore === "number") return score / 100 >= masteryScore;
  return passed;
}

/** A tracker reporting to the cmi5 LMS that launched `win`; `now` gives the time in ms. */
export function createTracker(win, now = () => Date.now(), budget, told) {
  let launch = null;
  let lrs = null;
  let resume = null;
  let data = null;
  let launchData = null;
  let started = 0;
  let finished = false;
  let lastLocation = null;
  let lastProgress = null;
  let sent = {}; // { completed, verdict } already in this registration
  let judged = false; // a passed or failed statement went out in this session

  const where = () => ({
    activityId: launch.activityId,
    agent: launch.actor,
    registration: launch.registration,
  });
  const normal = () => (launchData.launchMode ?? "Normal") === "Normal";

  function au() {
    return { ...activity(data, data.iri), id: launch.activityId };
  }

  function definedMade(verbName, result, mastery) {
    const moveon = Boolean(result && ("success" in result || "completion" in result));
    const context = cmi5Context(launchData.contextTemplate, launch.registration, {
      defined: true,
      moveon,
      mastery,
    });
    return statement(launch.actor, verbName, au(), { result, context });
  }

  function defined(verbName, result, mastery) {
    lrs.send(definedMade(verbName, result, mastery));
  }

  // A cmi5 allowed statement's context: the contextTemplate, no cmi5 category (§9.6.2.1),
  // and the parent activity of `iri` (its module, role-play or survey).
  function allowedContext(iri) {
    const context = cmi5Context(launchData.contextTemplate, launch.registration);
    const parent = parentOf(data, iri);
    if (parent) {
      context.contextActivities ??= {};
      context.contextActivities.parent = [{ objectType: "Activity", id: parent }];
    }
    return context;
  }

  function allowed(verbName, object, options = {}) {
    const context = allowedContext(object.id);
    lrs.send(statement(launch.actor, verbName, object, { ...options, context }));
  }


  async function fetchToken() {
    // §8.2: POST, once; the token is the Basic credential of every later call.
    const response = await win.fetch(launch.fetch, { method: "POST" });
    const body = await response.json();
    if (!response.ok || !body["auth-token"]) {
      throw new Error(`fetch URL answered ${response.status} ${JSON.stringify(body)}`);
    }
    return `Basic ${body["auth-token"]}`;
  }

  return {
    async begin() {
      launch = launchParameters(win.location.search);
      if (!launch) return UNTRACKED;
      data = trackerData(win);
      started = now();
      try {
        const auth = await fetchToken();
        lrs = createLrs(win, { endpoint: launch.endpoint, auth, told });
        launchData = await lrs.getState(where(), "LMS.LaunchData");
        if (!launchData) throw new Error("the LMS gave no LMS.LaunchData");
        await lrs.getAgentProfile(launch.actor, "cmi5LearnerPreferences");
      } catch (error) {
        console.warn("scormkit: cmi5 launch failed:", error.message ?? error);
        lrs = null;
        return UNTRACKED;
      }
      resume = createResume(lrs, where);
      const saved = await resume.load();
      sent = saved?.sent ?? {};
      defined("initialized");
      return trackedSession(saved, launch.actor);
    },

    save(progress) {
      if (!lrs || finished) return;
      lastProgress = progress;
      if (progress.location !== lastLocation) {
        lastLocation = progress.location;
        allowed("experienced", activity(data, pageIri(data, progress.location)));
      }
      if (normal()) {
        const duration = isoDuration(now() - started);
        if (progress.complete && !sent.completed) {
          sent.completed = true;
          defined("completed", { completion: true, duration });
        }
        if (progress.passed !== null && progress.score !== null && sent.verdict !== "passed") {
          const mastery = launchData.masteryScore;
          const passing = isPassing(progress.score, progress.passed, mastery);
          // failed may be followed by passed in a later session, never the reverse, and
          // each at most once (§9.3.4, §9.3.5).
          if (!judged && (passing || !sent.verdict)) {
            judged = true;
            sent.verdict = passing ? "passed" : "failed";
            const result = { success: passing, score: scoreResult(progress.score), duration };
            defined(sent.verdict, result, typeof mastery === "number" ? mastery : undefined);
          }
        }
      }
      return resume.store(lastProgress, sent);
    },

    answer(record) {
      if (!lrs || finished) return;
      allowed("answered", activity(data, interactionIri(data, record)), {
        result: answeredResult(record),
        time: record.time,
      });
    },

    /**
     * A role-play's timeout or ending, as a cmi5 allowed statement (xapistatements.js): its
     * object is the role-play or scene, never the AU, so it is no defined completed (§9.3).
     */
    played(event) {
      if (!lrs || finished) return;
      lrs.send(playedStatement(launch.actor, data, event, allowedContext));
    },

    finish() {
      if (!lrs || finished) return;
      finished = true;
      resume.store(lastProgress, sent);
      // terminated is the session's final request (§9.3.0.0); the window goes to returnURL
      // once it is out, unless the page is already going away (§10.2.6).
      const terminated = definedMade("terminated", { duration: isoDuration(now() - started) });
      const returnURL = launchData.returnURL;
      lrs.end([terminated]).then((stays) => stays && returnURL && win.location.assign(returnURL));
    },
  };
}
