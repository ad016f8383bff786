// The learner's progress through a course and the course status it adds up to. Pure.
//
// progress = { page: index of the open page, seen: [bool per page], answers: Map(question id →
// { response, tries, correct }), runs: Map(quiz id → { attempt, seed }) (quiz.js firstRun),
// survey: Map(survey item key → option digit or text typed), scenarios: Map(scenario id →
// scenario.js progress), unknown: [state sections this player does not read, kept as they are],
// pending: Map(module id → { section letter: entries }) for modules not loaded yet (state.js) }

import { openElsewhere } from "./launch.js";
import { quizQuestions } from "./quiz.js";
import { scenarioTotals } from "./scenario.js";

/** Progress of a learner who has not started. */
export function startProgress(course) {
  return {
    page: 0,
    seen: course.pages.map(() => false),
    answers: new Map(),
    runs: new Map(),
    survey: new Map(),
    scenarios: new Map(),
    unknown: [],
    pending: new Map(),
  };
}

/** The pages the learner has viewed, counted. */
export function seenCount(progress) {
  return progress.seen.filter(Boolean).length;
}

/**
 * Where the course stands: complete once every required page is viewed, every scored
 * question answered and every scored scenario has reached an ending; score (0-100) once all
 * of those are done; passed only when the course has a passing score. A scored scenario is
 * worth its weight once any run ended at least at its `pass_at`, otherwise 0. Modules not
 * loaded yet count with what they leave open (launch.js).
 */
export function courseStatus(course, progress) {
  // Only the questions each quiz asks this time count: a draw leaves the rest of its pool out.
  const asked = new Set(
    course.quizzes.flatMap((quiz) => quizQuestions(quiz, progress.runs?.get(quiz.id))),
  );
  const scored = course.questions.filter((q) => q.weight > 0 && asked.has(q.id));
  const right = scored.filter((q) => progress.answers.get(q.id)?.correct);
  const scenarios = scenarioTotals(course, progress.scenarios);
  const total = scored.reduce((sum, q) => sum + q.weight, 0) + scenarios.total;
  const points = right.reduce((sum, q) => sum + q.weight, 0) + scenarios.points;
  const [questionsLeft, scenariosLeft] = openElsewhere(course);
  const unanswered = scored.filter((q) => !progress.answers.has(q.id)).length + questionsLeft;
  const unplayed = scenarios.unfinished + scenariosLeft;
  const unseen = course.completion.allPages ? progress.seen.filter((s) => !s).length : 0;
  const done = unanswered === 0 && unplayed === 0;
  const score = total > 0 && done ? Math.round((points / total) * 10000) / 100 : null;
  const complete = unseen === 0 && done;
  const { passingScore } = course.completion;
  const passed = complete && passingScore !== null && score !== null ? score >= passingScore : null;
  return { complete, passed, score, unseen, unanswered, unplayed };
}
