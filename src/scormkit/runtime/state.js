// Progress as one short string, for the LMS to keep between sessions. Pure.
//
// Format "1|<layout>|<page>|<seen>|<answers>[|<scenarios>]":
//   1        format version
//   layout   base-36 hash of the course's page and question ids; a republished course with
//            another layout starts afresh instead of misreading old progress
//   page     index of the open page, base 36
//   seen     pages viewed, 5 per character as a base-32 digit (bit 0 = first page of the five)
//   answers  one entry per question in course order, comma-separated, trailing empties left
//            out; an entry is the tries used (1-9) then the response: choice letters as they
//            are ("ac", "t", matching/sequencing one letter per slot), typed text
//            URI-encoded (so it never contains "|" or ",")
//   scenarios  only in courses with scenarios: scenario.js encodeScenarios() (format there;
//            worst case: scormkit.spec.scenariostate)
// 40 pages and 20 answered choice questions take about 100 characters.

import { isCorrect, isTyped } from "./quiz.js";
import { decodeScenarios, encodeScenarios } from "./scenario.js";

const VERSION = "1";
const BITS = 5;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** A short hash of the course's layout: page ids, question ids, types and option counts. */
export function layoutHash(course) {
  const parts = [
    ...course.pages.map((p) => p.id),
    ...course.questions.map((q) => `${q.id}:${q.type}:${q.options ?? ""}`),
    ...(course.scenarios ?? []).map(
      (s) => `${s.id}:${s.scenes.length}:${s.variables.length}:${s.dimensions.length}`,
    ),
  ];
  let hash = 0x811c9dc5; // FNV-1a, 32 bit
  for (const ch of parts.join("/")) {
    hash ^= ch.codePointAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
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

/** `progress` as a suspend string. */
export function encodeState(course, progress) {
  const answers = course.questions.map((q) => {
    const answer = progress.answers.get(q.id);
    if (!answer) return "";
    const body = isTyped(q) ? encodeURIComponent(answer.response[0]) : answer.response.join("");
    return `${answer.tries}${body}`;
  });
  while (answers.length && answers[answers.length - 1] === "") answers.pop();
  const page = progress.page.toString(36);
  const seen = encodeSeen(progress.seen);
  const fields = [VERSION, layoutHash(course), page, seen, answers.join(",")];
  if (course.scenarios?.length) fields.push(encodeScenarios(course, progress.scenarios));
  return fields.join("|");
}

function decodeAnswer(question, entry) {
  const tries = Number(entry[0]);
  if (!(tries >= 1 && tries <= 9)) return null;
  let response;
  if (isTyped(question)) {
    try {
      response = [decodeURIComponent(entry.slice(1))];
    } catch {
      return null;
    }
  } else {
    response = [...entry.slice(1)];
    const letters = question.type === "true_false" ? "tf" : LETTERS.slice(0, question.options);
    if (!response.every((letter) => letters.includes(letter))) return null;
  }
  return { response, tries, correct: isCorrect(question, response) };
}

/** The progress stored in `text`, or null when it is empty, damaged or for another layout. */
export function decodeState(course, text) {
  const fields = String(text ?? "").split("|");
  const sized = fields.length === 5 || fields.length === 6;
  if (!sized || fields[0] !== VERSION || fields[1] !== layoutHash(course)) return null;
  const page = parseInt(fields[2], 36);
  const seen = decodeSeen(fields[3], course.pages.length);
  if (!(page >= 0 && page < course.pages.length) || !seen) return null;
  const entries = fields[4] ? fields[4].split(",") : [];
  if (entries.length > course.questions.length) return null;
  const answers = new Map();
  for (const [i, entry] of entries.entries()) {
    if (!entry) continue;
    const answer = decodeAnswer(course.questions[i], entry);
    if (!answer) return null;
    answers.set(course.questions[i].id, answer);
  }
  const scenarios = decodeScenarios(course, fields[5] ?? "");
  if (!scenarios) return null;
  return { page, seen, answers, scenarios };
}
