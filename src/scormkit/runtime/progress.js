// The learner's progress through a course and the course status it adds up to. Pure.
//
// progress = { page: index of the open page, seen: [bool per page], answers: Map(question id →
// { response, tries, correct }), runs: Map(quiz id → { attempt, seed }) (quiz.js firstRun),
// survey: Map(survey item key → option digit or text typed), unknown: [state sections this
// player does not read, kept as they are] }

import { quizQuestions } from "./quiz.js";

/** Progress of a learner who has not started. */
export function startProgress(course) {
  return {
    page: 0,
    seen: course.pages.map(() => false),
    answers: new Map(),
    runs: new Map(),
    survey: new Map(),
    unknown: [],
  };
}

/** The pages the learner has viewed, counted. */
export function seenCount(progress) {
  return progress.seen.filter(Boolean).length;
}

/**
 * Where the course stands: complete once every required page is viewed and every scored
 * question answered; score (0-100) once every scored question is answered; passed only when
 * the course has a passing score.
 */
export function courseStatus(course, progress) {
  // Only the questions each quiz asks this time count: a draw leaves the rest of its pool out.
  const asked = new Set(
    course.quizzes.flatMap((quiz) => quizQuestions(quiz, progress.runs?.get(quiz.id))),
  );
  const scored = course.questions.filter((q) => q.weight > 0 && asked.has(q.id));
  const total = scored.reduce((sum, q) => sum + q.weight, 0);
  const right = scored.filter((q) => progress.answers.get(q.id)?.correct);
  const points = right.reduce((sum, q) => sum + q.weight, 0);
  const unanswered = scored.filter((q) => !progress.answers.has(q.id)).length;
  const unseen = course.completion.allPages ? progress.seen.filter((s) => !s).length : 0;
  const score = total > 0 && unanswered === 0 ? Math.round((points / total) * 10000) / 100 : null;
  const complete = unseen === 0 && unanswered === 0;
  const { passingScore } = course.completion;
  // Scenarios do not count towards the score yet, so a course scored only by scenarios
  // completes without a verdict rather than failing.
  const passed = complete && passingScore !== null && score !== null ? score >= passingScore : null;
  return { complete, passed, score, unseen, unanswered };
}
