// Boot: read the course, connect the tracker named in it, restore progress, wire the view.

import { startProgress, courseStatus } from "./progress.js";
import { answerWith, interaction, isComplete, isLocked, quizResult } from "./quiz.js";
import { decodeState, encodeState } from "./state.js";
import { createView } from "./view.js";

const course = JSON.parse(document.getElementById("sk-course").textContent);
const questions = new Map(course.questions.map((q) => [q.id, q]));
const pageIndex = new Map(course.pages.map((p, i) => [p.id, i]));

const { createTracker } = await import(`./track/${course.tracker}.js`);
const tracker = createTracker(window);
// xAPI and cmi5 trackers read resume state over the network, so begin() may be async.
const session = await tracker.begin();
const progress = (session.resume && decodeState(course, session.state)) || startProgress(course);
if (pageIndex.has(session.location)) progress.page = pageIndex.get(session.location);

let shownAt = Date.now();
const lastCheck = new Map();
let finished = false;

const view = createView(document, course, { go, check, finish });
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
  tracker.save({ location, state: encodeState(course, progress), complete, passed, score });
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
  tracker.finish();
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
