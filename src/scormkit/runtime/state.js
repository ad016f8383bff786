// Progress as one short string, for the LMS to keep between sessions. Pure.
//
// Format "2|<layout>|<page>|<seen>|<section>|<section>…":
//   2        format version
//   layout   base-36 hash of the course's page, question and survey ids; a republished course
//            with another layout starts afresh instead of misreading old progress
//   page     index of the open page, base 36
//   seen     pages viewed, 5 per character as a base-32 digit (bit 0 = first page of the five)
//   section  one letter naming it, then its body; empty sections are left out. Sections:
//     a  answers: one entry per question in course order, comma-separated, trailing empties
//        left out; an entry is the tries used (1-9) then the response: choice letters as they
//        are ("ac", "t", matching/sequencing one letter per slot), typed text escaped
//     q  quiz runs: one entry per quiz in course order, the same way, empty unless the quiz
//        `keepsRun` (it shuffles, draws or limits attempts): the attempt (base 36, one digit,
//        at most z) then the seed of its shuffles and draw (four base-36 digits)
//     s  survey answers: one entry per survey item in course order, the same way: the chosen
//        option as one base-36 digit from 1, or "~" then the text typed, escaped
//     r  role-plays: one entry per scenario in course order, comma-separated, trailing empties
//        left out: scenario.js encodeScenarios() (format there; worst case:
//        scormkit.scenario.state)
//   Sections a player does not know are kept as they are, so a newer section survives an
//   older reader. To add a section, add an entry to SECTIONS with a new letter.
// Escaped text keeps every character but the four the format uses, which become two
// characters each: "~" → "~~", "|" → "~p", "," → "~c", "%" → "~e". src/scormkit/state.py
// mirrors these rules to compute the longest state a course can need; keep the two in step.
// 40 pages and 20 answered choice questions take about 100 characters.

import { isCorrect, isTyped } from "./quiz.js";
import { stateGroups } from "./launch.js";
import { decodeScenarios, encodeScenarios } from "./scenario.js";

const VERSION = "2";
const BITS = 5;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const SEED_DIGITS = 4;
/** Seeds of quiz runs are below this, so they fit their four digits. */
export const SEED_LIMIT = 36 ** SEED_DIGITS;
const ESCAPES = { "~": "~~", "|": "~p", ",": "~c", "%": "~e" };
const UNESCAPES = Object.fromEntries(Object.entries(ESCAPES).map(([k, v]) => [v[1], k]));

/** `text` with the format's own characters escaped. */
export function escapeText(text) {
  return text.replace(/[~|,%]/g, (ch) => ESCAPES[ch]);
}

/** The text `escapeText` made `text` from; null when it is damaged. */
export function unescapeText(text) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "~") out += text[i];
    else if (UNESCAPES[text[i + 1]] === undefined) return null;
    else out += UNESCAPES[text[++i]];
  }
  return out;
}

/**
 * A short hash of the course's layout: page ids, question ids, types and option counts. A
 * launch page gives it (`layout`, made at build time by plan/modules.py, as it does not hold
 * every module's questions).
 */
export function layoutHash(course) {
  if (course.layout) return course.layout;
  const parts = [
    ...course.pages.map((p) => p.id),
    ...course.questions.map((q) => `${q.id}:${q.type}:${q.options ?? ""}`),
    ...surveyItems(course).map((item) => `${item.key}:${item.kind}:${item.options}`),
    ...(course.scenarios ?? []).map(
      (s) => `${s.id}:${s.scenes.length}:${s.variables.length}:${s.dimensions.length}`,
    ),
  ];
  // FNV-1a, 32 bit
  let hash = 0x811c9dc5;
  for (const ch of parts.join("/")) {
    hash ^= ch.codePointAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** Every survey item of the course in order, keyed "<survey id>-<item id>". */
export function surveyItems(course) {
  return (course.surveys ?? []).flatMap((survey) => survey.items);
}

function encodeSeen(seen) {
  let out = "";
  for (let i = 0; i < seen.length; i += BITS) {
    let digit = 0;
    for (let bit = 0; bit < BITS; bit++) if (seen[i + bit]) digit |= 1 << bit;
    out += digit.toString(32);
  }
  return out;
}

function decodeSeen(text, pages) {
  if (text.length !== Math.ceil(pages / BITS) || !/^[0-9a-v]*$/.test(text)) return null;
  const seen = [];
  for (let i = 0; i < pages; i++) {
    const digit = parseInt(text[Math.floor(i / BITS)], 32);
    seen.push(Boolean((digit >> i % BITS) & 1));
  }
  return seen;
}

// Entries in a fixed order, comma-separated, trailing empties left out.
function joinEntries(entries) {
  while (entries.length && entries[entries.length - 1] === "") entries.pop();
  return entries.join(",");
}

function splitEntries(text) {
  return text ? text.split(",") : [];
}

function encodeAnswer(question, answer) {
  if (!answer) return "";
  const body = isTyped(question) ? escapeText(answer.response[0]) : answer.response.join("");
  return `${answer.tries}${body}`;
}

function decodeAnswer(question, entry) {
  const tries = Number(entry[0]);
  if (!(tries >= 1 && tries <= 9)) return null;
  let response;
  if (isTyped(question)) {
    const text = unescapeText(entry.slice(1));
    if (text === null) return null;
    response = [text];
  } else {
    response = [...entry.slice(1)];
    const letters = question.type === "true_false" ? "tf" : LETTERS.slice(0, question.options);
    if (!response.every((letter) => letters.includes(letter))) return null;
  }
  return { response, tries, correct: isCorrect(question, response) };
}

function encodeSurveyAnswer(item, value) {
  if (value === undefined || value === "") return "";
  return item.kind === "free_text" ? `~${escapeText(value)}` : value;
}

function decodeSurveyAnswer(item, entry) {
  if (item.kind === "free_text") return entry[0] === "~" ? unescapeText(entry.slice(1)) : null;
  const index = parseInt(entry, 36);
  return entry.length === 1 && index >= 1 && index <= item.options ? entry : null;
}

/**
 * The sections of the state, in the order of a module's `slots`: a letter, the entries a
 * loaded part of the course (a module, or the whole course) writes for `progress`, and how to
 * read such entries back into `progress` (returning false when the text is damaged).
 */
export const SECTIONS = [
  {
    key: "a",
    entries: (part, progress) => part.questions.map((q) => encodeAnswer(q, progress.answers.get(q.id))),
    read(part, entries, progress) {
      for (const [i, entry] of entries.entries()) {
        if (!entry) continue;
        const answer = decodeAnswer(part.questions[i], entry);
        if (!answer) return false;
        progress.answers.set(part.questions[i].id, answer);
      }
      return true;
    },
  },
  {
    key: "q",
    entries: (part, progress) =>
      part.quizzes.map((quiz) => {
        const run = progress.runs.get(quiz.id);
        if (!run || !quiz.keepsRun) return "";
        const seed = run.seed.toString(36).padStart(SEED_DIGITS, "0");
        return Math.min(run.attempt, 35).toString(36) + seed;
      }),
    read(part, entries, progress) {
      for (const [i, entry] of entries.entries()) {
        if (!entry) continue;
        if (!/^[1-9a-z][0-9a-z]{4}$/.test(entry)) return false;
        const [attempt, seed] = [parseInt(entry[0], 36), parseInt(entry.slice(1), 36)];
        progress.runs.set(part.quizzes[i].id, { attempt, seed });
      }
      return true;
    },
  },
  {
    key: "s",
    entries: (part, progress) =>
      surveyItems(part).map((item) => encodeSurveyAnswer(item, progress.survey.get(item.key))),
    read(part, entries, progress) {
      const items = surveyItems(part);
      for (const [i, entry] of entries.entries()) {
        if (!entry) continue;
        const value = decodeSurveyAnswer(items[i], entry);
        if (value === null) return false;
        progress.survey.set(items[i].key, value);
      }
      return true;
    },
  },
  {
    key: "r",
    entries(part, progress) {
      const text = encodeScenarios(part, progress.scenarios);
      const entries = text ? text.split(",") : [];
      return [...entries, ...Array((part.scenarios ?? []).length - entries.length).fill("")];
    },
    read(part, entries, progress) {
      const scenarios = decodeScenarios(part, entries.join(","));
      if (!scenarios) return false;
      progress.scenarios ??= new Map();
      for (const [id, state] of scenarios) progress.scenarios.set(id, state);
      return true;
    },
  },
];

// Entries of `section` in a group; a course without a module index is one loaded group.
function slotsOf({ slots, part }, section, progress) {
  return slots ? slots[SECTIONS.indexOf(section)] : section.entries(part, progress).length;
}

/**
 * Read the entries a module not loaded yet left in the state, now that it is: `group` is
 * { id, part } (launch.js). Its entries are dropped when damaged, so the module starts afresh.
 */
export function adoptPending(group, progress) {
  const pending = progress.pending?.get(group.id);
  if (!pending) return;
  progress.pending.delete(group.id);
  for (const section of SECTIONS) {
    if (pending[section.key]) section.read(group.part, pending[section.key], progress);
  }
}

/** `progress` as a suspend string. */
export function encodeState(course, progress) {
  const page = progress.page.toString(36);
  const fields = [VERSION, layoutHash(course), page, encodeSeen(progress.seen)];
  const groups = stateGroups(course);
  for (const section of SECTIONS) {
    const entries = groups.flatMap((group) =>
      group.part
        ? section.entries(group.part, progress)
        : (progress.pending?.get(group.id)?.[section.key] ?? Array(slotsOf(group, section, progress)).fill("")),
    );
    const body = joinEntries(entries);
    if (body) fields.push(section.key + body);
  }
  fields.push(...(progress.unknown ?? []));
  return fields.join("|");
}

/**
 * The progress stored in `text`, or null when it is empty, damaged or for another layout.
 * `fresh` makes the progress of a learner who has not started (progress.js startProgress).
 */
export function decodeState(course, text, fresh) {
  const fields = String(text ?? "").split("|");
  if (fields.length < 4 || fields[0] !== VERSION || fields[1] !== layoutHash(course)) return null;
  const page = parseInt(fields[2], 36);
  const seen = decodeSeen(fields[3], course.pages.length);
  if (!(page >= 0 && page < course.pages.length) || !seen) return null;
  const progress = { ...fresh(course), page, seen, unknown: [] };
  const groups = stateGroups(course);
  for (const field of fields.slice(4)) {
    const section = SECTIONS.find((s) => s.key === field[0]);
    if (!section) {
      progress.unknown.push(field);
      continue;
    }
    const entries = splitEntries(field.slice(1));
    let at = 0;
    for (const group of groups) {
      const size = slotsOf(group, section, progress);
      const own = entries.slice(at, at + size);
      at += size;
      if (group.part && !section.read(group.part, own, progress)) return null;
      if (!group.part && own.some(Boolean)) {
        // Read when the module is loaded (adoptPending), kept as they are until then.
        const pending = progress.pending.get(group.id) ?? {};
        pending[section.key] = [...own, ...Array(size - own.length).fill("")];
        progress.pending.set(group.id, pending);
      }
    }
    if (entries.length > at) return null;
  }
  return progress;
}
