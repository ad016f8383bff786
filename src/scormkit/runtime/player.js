// Boot: read the course, connect the tracker named in it, restore progress, wire the view.
// Modules the launch page does not carry are loaded when opened, the next one prefetched
// (launch.js); a resumed launch loads the learner's module first.

import {
  addModule,
  launchedModule,
  moduleStatuses,
  pagesMeasure,
  scopeCourse,
  startModules,
} from "./launch.js";
import { startProgress, courseStatus } from "./progress.js";
import {
  answerWith,
  canRetry,
  firstRun,
  interaction,
  isComplete,
  isLocked,
  isQuizDone,
  quizQuestions,
  quizResult,
} from "./quiz.js";
import { scenarioShelf } from "./scenario.js";
import { playScenarios } from "./scenarioview.js";
import { SEED_LIMIT, adoptPending, decodeState, encodeState } from "./state.js";
import { surveyAnswer, surveyInteraction } from "./survey.js";
import { afterPaint, createView } from "./view.js";

const packaged = JSON.parse(document.getElementById("sk-course").textContent);
startModules(packaged);
const course = scopeCourse(packaged, launchedModule(packaged, window.location.search));
let questions = new Map(course.questions.map((q) => [q.id, q]));
const pageIndex = new Map(course.pages.map((p, i) => [p.id, i]));
// module id → promise of it being loaded and on the page
const loading = new Map();

const { createTracker } = await import(`./track/${course.tracker}.js`);
// xAPI and cmi5 trackers hear of refused writes after save() returned, and say so through
// showSaving; only an answer from the network calls it, so never before the view is made.
const tracker = createTracker(window, undefined, course.stateBudget, showSaving);
// xAPI and cmi5 trackers read resume state over the network, so begin() may be async.
const session = await tracker.begin();
const saved = session.resume ? decodeState(course, session.state, startProgress) : null;
let progress = saved || startProgress(course);
if (saved && pageIndex.has(session.location)) progress.page = pageIndex.get(session.location);

// Modules holding saved answers are loaded before saving, so the status sent to the LMS
// counts them (true once they are, or failed to load).
let settled = progress.pending.size === 0;
let shownAt = Date.now();
const lastCheck = new Map();
let finished = false;
// a save scheduled again while the LMS refuses writes
let saveAgain = null;
const RETRY_MS = 10000;

// A module launched on its own hands over to the modules around it, when the LMS can move.
const moves = {
  previous: Boolean(course.launch?.previous && session.navigation),
  next: Boolean(course.launch?.next && session.navigation),
};
const view = createView(document, course, { go, check, retry, send, finish }, moves);
view.showSession(session);
// Unload is not a save point (no sync requests on unload): commit when the page is hidden and
// end the session on pagehide, the last event browsers reliably deliver. Wired before the
// resume prompt, since a learner may close the window while it is asking.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden" && !finished) save();
});
window.addEventListener("pagehide", () => {
  if (finished) return;
  save();
  tracker.finish();
  finished = true;
});
// A learner coming back chooses; starting over clears their progress only once confirmed.
if (saved && (await view.askResume()) === "restart") progress = startProgress(course);
settled = progress.pending.size === 0;
// what the launch page carries of this launch
wire(course);
if (!saved) view.showCover();
await open(progress.page, Boolean(saved));
showCertificate();
if (!settled) {
  const waiting = course.modules.filter((m) => progress.pending.has(m.id));
  await Promise.allSettled(waiting.map(load));
  settled = true;
  save();
  showCertificate();
}

/** Draw a loaded module's quizzes, answers, surveys and scenarios from `progress`. */
function wire(part) {
  for (const quiz of part.quizzes) {
    // Each attempt at a quiz has its own seed, saved so a resumed attempt looks the same.
    if (!progress.runs.has(quiz.id)) progress.runs.set(quiz.id, firstRun(newSeed()));
    const run = progress.runs.get(quiz.id);
    view.arrangeQuiz(quiz, quizQuestions(quiz, run), run);
  }
  for (const question of part.questions) {
    const answer = progress.answers.get(question.id);
    if (answer) view.showAnswer(question, answer, isLocked(question, answer));
  }
  part.quizzes.forEach(showQuiz);
  for (const survey of part.surveys) view.showSurveyAnswers(survey, progress.survey);
  // Scenarios: their own module draws and plays them; they report through save() and answer(),
  // and timeouts and endings through played(), which only the xAPI and cmi5 trackers have.
  const scope = { ...course, scenarios: part.scenarios };
  playScenarios(document, scope, progress, {
    save,
    answer: (record) => tracker.answer(record),
    played: (event) => tracker.played?.(event),
  });
}

/**
 * Load `module` from its `file` (a relative URL: the package's own origin) onto the page and
 * wire it, once: true when it is loaded, or a promise of whether it could be (a module that
 * could not is asked for again next time).
 */
function load({ id, file }) {
  if (!loading.has(id) && !course.parts.has(id)) {
    const got = fetch(file).then((reply) => (reply.ok ? reply.json() : Promise.reject()));
    const done = got.then(
      (part) => {
        addModule(course, id, part);
        questions = new Map(course.questions.map((q) => [q.id, q]));
        adoptPending({ id, part }, progress);
        view.addModule(part);
        wire(part);
        return true;
      },
      () => {
        loading.delete(id);
        return false;
      },
    );
    loading.set(id, done);
  }
  return loading.get(id) ?? true;
}

function status() {
  return courseStatus(course, progress);
}

function save() {
  // saved once the modules with saved answers are loaded
  if (!settled && !finished) return;
  const { complete, passed, score } = status();
  const location = course.pages[progress.page].id;
  const state = encodeState(course, progress);
  const measure = pagesMeasure(progress);
  const saved = tracker.save({
    location,
    state,
    complete,
    passed,
    score,
    measure,
    // worked out only when read (the SCORM 2004 tracker): it walks every module
    get modules() {
      return moduleStatuses(course, progress);
    },
  });
  showSaving(saved !== false);
  if (course.scenarios.length) {
    const { points, badges } = scenarioShelf(course, progress.scenarios);
    view.showPoints(points, badges);
  }
}

// An LMS that refuses writes (most often an expired session) is said so, and asked again.
function showSaving(ok) {
  view.showSaving(ok);
  if (!ok && saveAgain === null && !finished) {
    saveAgain = setTimeout(() => {
      saveAgain = null;
      save();
    }, RETRY_MS);
  }
}

async function open(index, focus) {
  const module = course.modules.find((m) => m.id === course.pages[index].module);
  if (!(await load(module))) return view.showModuleFailed(() => open(index, focus));
  const after = course.modules[course.modules.indexOf(module) + 1];
  // the next module is prefetched, once this page is on screen
  if (after) afterPaint(window, () => load(after));
  progress.page = index;
  progress.seen[index] = true;
  shownAt = Date.now();
  view.showPage(index, { focus });
  view.showProgress(progress.seen);
  save();
}

function go(index) {
  if (index === -1 && moves.previous) return leave("previous");
  if (index === course.pages.length && moves.next) return leave("next");
  if (index >= 0 && index < course.pages.length && index !== progress.page) open(index, true);
}

function check(questionId, response) {
  const question = questions.get(questionId);
  const previous = progress.answers.get(questionId) ?? null;
  if (isLocked(question, previous)) return;
  if (!isComplete(question, response)) return view.askForAnswer(questionId);
  const answer = answerWith(question, previous, response);
  progress.answers.set(questionId, answer);
  const now = Date.now();
  const latency = now - Math.max(shownAt, lastCheck.get(questionId) ?? 0);
  lastCheck.set(questionId, now);
  view.showAnswer(question, answer, isLocked(question, answer));
  showQuiz(course.quizzes.find((q) => q.id === question.quiz));
  tracker.answer(interaction(question, answer, { time: new Date(now), latency }));
  save();
}

function newSeed() {
  return Math.floor(Math.random() * SEED_LIMIT);
}

function showQuiz(quiz) {
  const run = progress.runs.get(quiz.id);
  const ids = quizQuestions(quiz, run);
  const result = quizResult(quiz, questions, progress.answers, ids);
  const done = isQuizDone(ids, questions, progress.answers);
  let retriesLeft = 0;
  if (done && canRetry(quiz, result, run)) {
    retriesLeft = quiz.attempts === null ? null : quiz.attempts - run.attempt;
  }
  view.showQuizResult(quiz, result, { done, retriesLeft, ids, answers: progress.answers });
}

function retry(quizId) {
  const quiz = course.quizzes.find((q) => q.id === quizId);
  const run = progress.runs.get(quizId);
  const ids = quizQuestions(quiz, run);
  if (!isQuizDone(ids, questions, progress.answers)) return;
  if (!canRetry(quiz, quizResult(quiz, questions, progress.answers, ids), run)) return;
  const next = { attempt: run.attempt + 1, seed: newSeed() };
  progress.runs.set(quizId, next);
  for (const id of quiz.questions) {
    progress.answers.delete(id);
    lastCheck.delete(id);
    view.resetQuestion(questions.get(id));
  }
  const nextIds = quizQuestions(quiz, next);
  view.arrangeQuiz(quiz, nextIds, next);
  showQuiz(quiz);
  view.focusQuiz(quiz, nextIds);
  save();
}

function send(surveyId, entered) {
  const survey = course.surveys.find((s) => s.id === surveyId);
  const now = Date.now();
  let answered = 0;
  for (const item of survey.items) {
    const answer = surveyAnswer(item, entered.get(item.key));
    if (answer === "") continue;
    answered += 1;
    // sent before, unchanged
    if (progress.survey.get(item.key) === answer) continue;
    progress.survey.set(item.key, answer);
    tracker.answer(surveyInteraction(item, answer, { time: new Date(now), latency: now - shownAt }));
  }
  view.showSurveySent(surveyId, answered > 0);
  if (answered) save();
}

function finish() {
  if (finished) return;
  save();
  // The last of several module launches ends the whole course; a single launch leaves that
  // to the LMS.
  tracker.finish(course.launch && session.navigation ? "exit" : undefined);
  finished = true;
  view.showDone(status(), session.tracked);
  showCertificate();
}

// The certificate, once the course is complete (and not failed, unless completing is enough).
function showCertificate() {
  const box = document.getElementById("sk-certificate");
  const { complete, passed } = status();
  if (box && complete && (passed !== false || box.dataset.condition === "completed")) {
    view.showCertificate(session.learner);
  }
}

// Ends this launch and asks the LMS for the module before or after it. An LMS that ignores
// the request leaves this page up, so it says where the learner stands.
function leave(direction) {
  if (finished) return;
  save();
  tracker.finish(direction);
  finished = true;
  view.showDone(status(), session.tracked);
}
