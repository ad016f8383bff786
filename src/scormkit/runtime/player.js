// Boot: read the course, connect the tracker named in it, restore progress, wire the view.

import { launchedModule, moduleStatuses, pagesMeasure, scopeCourse } from "./launch.js";
import { startProgress, courseStatus } from "./progress.js";
import { answerWith, interaction, isComplete, isLocked, quizResult } from "./quiz.js";
import { decodeState, encodeState } from "./state.js";
import { createView } from "./view.js";

const packaged = JSON.parse(document.getElementById("sk-course").textContent);
const course = scopeCourse(packaged, launchedModule(packaged, window.location.search));
const questions = new Map(course.questions.map((q) => [q.id, q]));
const pageIndex = new Map(course.pages.map((p, i) => [p.id, i]));

const { createTracker } = await import(`./track/${course.tracker}.js`);
const tracker = createTracker(window, undefined, course.stateBudget);
const session = tracker.begin();
const progress = (session.resume && decodeState(course, session.state)) || startProgress(course);
if (pageIndex.has(session.location)) progress.page = pageIndex.get(session.location);

let shownAt = Date.now();
const lastCheck = new Map();
let finished = false;

// A module launched on its own hands over to the modules around it, when the LMS can move.
const moves = {
  previous: Boolean(course.launch?.previous && session.navigation),
  next: Boolean(course.launch?.next && session.navigation),
};
const view = createView(document, course, { go, check, finish }, moves);
view.showSession(session);
for (const [id, answer] of progress.answers) {
  const question = questions.get(id);
  view.showAnswer(question, answer, isLocked(question, answer));
}
for (const quiz of course.quizzes) {
  view.showQuizResult(quiz, quizResult(quiz, questions, progress.answers));
}
open(progress.page, false);

function status() {
  return courseStatus(course, progress);
}

function save() {
  const { complete, passed, score } = status();
  const location = course.pages[progress.page].id;
  const state = encodeState(course, progress);
  const modules = moduleStatuses(course, progress);
  const measure = pagesMeasure(progress);
  tracker.save({ location, state, complete, passed, score, modules, measure });
}

function open(index, focus) {
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
  const quiz = course.quizzes.find((q) => q.id === question.quiz);
  view.showQuizResult(quiz, quizResult(quiz, questions, progress.answers));
  tracker.answer(interaction(question, answer, { time: new Date(now), latency }));
  save();
}

function finish() {
  if (finished) return;
  save();
  // The last of several module launches ends the whole course; a single launch leaves that
  // to the LMS.
  tracker.finish(course.launch && session.navigation ? "exit" : undefined);
  finished = true;
  view.showDone(status(), session.tracked);
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

// Unload is not a save point (standards.md §9 pitfall 3): commit when the page is hidden and
// end the session on pagehide, the last event browsers reliably deliver.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden" && !finished) save();
});
window.addEventListener("pagehide", () => {
  if (finished) return;
  save();
  tracker.finish();
  finished = true;
});
