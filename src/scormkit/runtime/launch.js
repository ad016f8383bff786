// What one launch of the package covers: the whole course, or one module when the package
// starts each module on its own (index.html?module=<id>); and the modules loaded so far. Pure.
//
// Modules the launch page does not carry (src/scormkit/plan/modules.py) are one JSON file each,
// `file` (modules/<id>.json), holding their pages (`html`) and their quizzes, questions,
// surveys and scenarios; the player loads one when it is opened. Before that the player knows
// from the launch page a module's pages, `slots` (its entries in the resume state's sections
// a, q, s and r) and `open` (scored questions and role-plays it leaves to do).

import { courseStatus } from "./progress.js";

const SECTIONS = ["quizzes", "questions", "surveys", "scenarios"];

/** The id of the module named in the launch URL's `search`, or null for the whole course. */
export function launchedModule(course, search) {
  const id = new URLSearchParams(search).get("module");
  return course.modules.some((m) => m.id === id) ? id : null;
}

/**
 * The course as one launch sees it: with a module id, only that module's pages, quizzes,
 * questions, surveys and scenarios (once loaded, when it is a module file), and
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


/** Mark the modules the launch page carries as loaded (there is one when the course is split). */
export function startModules(course) {
  const part = Object.fromEntries(SECTIONS.map((name) => [name, course[name] ?? []]));
  course.parts = new Map(course.modules.filter((m) => !m.file).map((m) => [m.id, part]));
}

/** Add a module's loaded data (its file: every section, and `html`) to `course`, in course order. */
export function addModule(course, id, data) {
  course.parts.set(id, data);
  for (const name of SECTIONS) {
    course[name] = course.modules.flatMap((m) => course.parts.get(m.id)?.[name] ?? []);
  }
}

/**
 * The course in groups the resume state is written by: each module with `part`, its data once
 * loaded, or the whole course as one loaded group when it has no module index.
 */
export function stateGroups(course) {
  if (!course.modules.every((m) => m.slots)) return [{ part: course }];
  return course.modules.map((m) => ({ ...m, part: course.parts.get(m.id) }));
}

/** Scored questions and role-plays the modules not loaded yet leave open: [questions, role-plays]. */
export function openElsewhere(course) {
  const open = [0, 0];
  for (const m of course.modules) {
    if (m.open && !course.parts.has(m.id)) m.open.forEach((n, i) => (open[i] += n));
  }
  return open;
}
