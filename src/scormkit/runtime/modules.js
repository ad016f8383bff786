// Modules the launch page does not carry (src/scormkit/plan/modules.py): each is one JSON file,
// modules/<id>.json, holding its pages (`html`) and its quizzes, questions, surveys and
// scenarios; the player loads it when the module is opened. Pure: the caller fetches.
//
// Before loading a module the player knows from the launch page its pages, `slots` (its
// entries in the resume state's sections a, q, s and r), `open` (scored questions and
// role-plays it leaves to do) and `file`; a module the launch page carries has no file.

const SECTIONS = ["quizzes", "questions", "surveys", "scenarios"];

/** Mark the modules the launch page carries as loaded (there is one when the course is split). */
export function startModules(course) {
  const part = Object.fromEntries(SECTIONS.map((name) => [name, course[name] ?? []]));
  course.parts = new Map(course.modules.filter((m) => !m.file).map((m) => [m.id, part]));
}

/** Whether the module `id` is loaded (courses built in tests without files always are). */
export function isLoaded(course, id) {
  return !course.parts || course.parts.has(id);
}

/** The module holding page `index`. */
export function moduleOfPage(course, index) {
  const id = course.pages[index]?.module;
  return course.modules.find((m) => m.id === id) ?? course.modules[0];
}

/** Add a module's loaded data to `course`, its parts kept in course order. */
export function addModule(course, id, data) {
  const part = Object.fromEntries(SECTIONS.map((name) => [name, data[name] ?? []]));
  course.parts.set(id, part);
  for (const name of SECTIONS) {
    course[name] = course.modules.flatMap((m) => course.parts.get(m.id)?.[name] ?? []);
  }
  return part;
}

/**
 * The course in groups the resume state is written by: each module with its part when loaded
 * (null when not), or the whole course as one loaded group when it has no module index.
 */
export function stateGroups(course) {
  if (!course.modules.every((m) => m.slots)) return [{ id: null, part: course, slots: null }];
  return course.modules.map((m) => ({
    id: m.id,
    part: course.parts?.get(m.id) ?? null,
    slots: m.slots,
  }));
}

/** Scored questions and role-plays the modules not loaded yet leave open. */
export function openElsewhere(course) {
  const unloaded = course.modules.filter((m) => m.open && !isLoaded(course, m.id));
  return {
    questions: unloaded.reduce((n, m) => n + m.open[0], 0),
    scenarios: unloaded.reduce((n, m) => n + m.open[1], 0),
  };
}

/** Pages of a module file as elements, for the view to place in the page. */
export function moduleSections(doc, html) {
  const holder = doc.createElement("template");
  holder.innerHTML = html;
  return [...holder.content.querySelectorAll("section[data-page-id]")];
}
