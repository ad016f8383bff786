// What one launch of the package covers: the whole course, or one module when the package
// starts each module on its own (index.html?module=<id>). Pure.

import { courseStatus } from "./progress.js";

/** The id of the module named in the launch URL's `search`, or null for the whole course. */
export function launchedModule(course, search) {
  const id = new URLSearchParams(search).get("module");
  return course.modules.some((m) => m.id === id) ? id : null;
}

/**
 * The course as one launch sees it: with a module id, only that module's pages, quizzes,
 * questions, surveys and scenarios (loaded first, when it is a module file: modules.js), and
 * `launch` saying whether modules come before and after it.
 */
export function scopeCourse(course, moduleId) {
  if (moduleId === null) return { ...course, launch: null };
  const index = course.modules.findIndex((m) => m.id === moduleId);
  const pages = course.pages.filter((p) => p.module === moduleId);
  const pageIds = new Set(pages.map((p) => p.id));
  const quizzes = course.quizzes.filter((q) => pageIds.has(q.page));
  const questionIds = new Set(quizzes.flatMap((q) => q.questions));
  return {
    ...course,
    layout: course.modules[index].layout,
    modules: [course.modules[index]],
    pages,
    quizzes,
    questions: course.questions.filter((q) => questionIds.has(q.id)),
    surveys: (course.surveys ?? []).filter((s) => pageIds.has(s.page)),
    scenarios: (course.scenarios ?? []).filter((s) => pageIds.has(s.page)),
    launch: { module: moduleId, previous: index > 0, next: index < course.modules.length - 1 },
  };
}

/** The status of each module of `course` in `progress`: { id, complete, passed, score }. */
export function moduleStatuses(course, progress) {
  return course.modules.map((module) => {
    const seen = course.pages.flatMap((p, i) => (p.module === module.id ? [progress.seen[i]] : []));
    const part = scopeCourse(course, module.id);
    const { complete, passed, score } = courseStatus(part, { ...progress, seen });
    return { id: module.id, complete, passed, score };
  });
}

/** The share of pages viewed, 0 to 1. */
export function pagesMeasure(progress) {
  return progress.seen.length ? progress.seen.filter(Boolean).length / progress.seen.length : 1;
}
