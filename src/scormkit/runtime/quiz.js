// Quiz logic: whether a response is complete and right, quiz results, and the record of an
// answer that trackers report. Pure: no DOM, no window.
//
// A response is an array of strings: the chosen letters (choice, true/false as "t"/"f"), one
// letter per slot (matching: the target for each source; sequencing: the step at each
// position) or the typed text as its only item (fill-in, numeric).

const TYPED = new Set(["fill_in", "numeric"]);

// The interaction types of IEEE 1484.11.1, which SCORM and xAPI both use.
const INTERACTION_TYPES = {
  single_choice: "choice",
  multiple_choice: "choice",
  true_false: "true-false",
  fill_in: "fill-in",
  numeric: "numeric",
  matching: "matching",
  sequencing: "sequencing",
};

/** Whether the question keeps what was typed (true) or letters (false). */
export function isTyped(question) {
  return TYPED.has(question.type);
}

/** The number typed in `text`, accepting a decimal comma; NaN when it is not a number. */
export function parseNumber(text) {
  const clean = String(text).trim().replace(",", ".");
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean) ? Number(clean) : NaN;
}

/** Whether `response` is a full answer that can be checked. */
export function isComplete(question, response) {
  if (question.type === "numeric") return !Number.isNaN(parseNumber(response[0] ?? ""));
  if (question.type === "fill_in") return (response[0] ?? "").trim() !== "";
  if (question.type === "matching" || question.type === "sequencing") {
    return response.length === question.correct.length && response.every((letter) => letter);
  }
  return response.length > 0;
}

function normalise(question, text) {
  let out = question.normalizeWhitespace ? text.trim().replace(/\s+/g, " ") : text;
  if (!question.caseSensitive) out = out.toLowerCase();
  return out;
}

/** Whether `response` answers `question` right. */
export function isCorrect(question, response) {
  if (!isComplete(question, response)) return false;
  switch (question.type) {
    case "fill_in":
      const given = normalise(question, response[0]);
      return question.accepted.some((accepted) => normalise(question, accepted) === given);
    case "numeric": {
      const value = parseNumber(response[0]);
      // A small allowance so 0.1 + 0.2 style rounding never turns a right answer wrong.
      const slack = 1e-9;
      if (question.answer !== null) {
        return Math.abs(value - question.answer) <= question.tolerance + slack;
      }
      return value >= question.min - slack && value <= question.max + slack;
    }
    case "single_choice":
    case "multiple_choice":
    case "true_false":
      return sameItems([...response].sort(), [...question.correct].sort());
    default:
      return sameItems(response, question.correct);
  }
}

function sameItems(a, b) {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Whether the question takes no more answers: it is right, or its tries are used up. */
export function isLocked(question, answer) {
  return answer !== null && (answer.correct || answer.tries >= question.attempts);
}

/** The question's answer after one more try with `response`. */
export function answerWith(question, previous, response) {
  return {
    response: [...response],
    tries: (previous?.tries ?? 0) + 1,
    correct: isCorrect(question, response),
  };
}

/** The feedback written for the choices in `response`, in choice order. */
export function choiceFeedback(question, response) {
  const feedback = question.feedback ?? {};
  return Object.keys(feedback)
    .sort()
    .filter((letter) => response.includes(letter))
    .map((letter) => feedback[letter]);
}

/** A learner's go at a quiz: which attempt it is and the seed of its shuffles and draw. */
export function firstRun(seed) {
  return { attempt: 1, seed };
}

/** `count` indexes in an order that looks random, the same for the same seed (mulberry32). */
export function seededOrder(count, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** The ids of the questions `run` of `quiz` asks, in the order it asks them. */
export function quizQuestions(quiz, run) {
  if (!run || (!quiz.shuffle && !quiz.draw)) return quiz.questions;
  let picked = seededOrder(quiz.questions.length, run.seed);
  if (quiz.draw) picked = picked.slice(0, quiz.draw);
  if (!quiz.shuffle) picked.sort((a, b) => a - b);
  return picked.map((i) => quiz.questions[i]);
}

/** The choice letters of `question` in the order shown in `run` (shuffled when it says so). */
export function choiceOrder(question, run, position) {
  const letters = "abcdefghijklmnopqrstuvwxyz".slice(0, question.options).split("");
  if (!question.shuffle || !run) return letters;
  return seededOrder(letters.length, run.seed + 7919 * (position + 1)).map((i) => letters[i]);
}

/** Whether every question of the run is answered for good (right, or out of tries). */
export function isQuizDone(ids, questionsById, answers) {
  return ids.every((id) => isLocked(questionsById.get(id), answers.get(id) ?? null));
}

/** Whether a finished run may be taken again: not passed, and attempts are left. */
export function canRetry(quiz, result, run) {
  const attemptsLeft = quiz.attempts === null || run.attempt < quiz.attempts;
  const better = result.passed === false || (result.passed === null && result.percent < 100);
  return attemptsLeft && better;
}

/** What `answers` (by question id) add up to in `quiz`: points, percent and pass. */
export function quizResult(quiz, questionsById, answers, ids = quiz.questions) {
  let points = 0;
  let max = 0;
  let answered = 0;
  for (const id of ids) {
    const question = questionsById.get(id);
    const answer = answers.get(id) ?? null;
    max += question.weight;
    if (answer) {
      answered += 1;
      if (answer.correct) points += question.weight;
    }
  }
  const percent = max > 0 ? Math.round((points / max) * 100) : null;
  const passed =
    quiz.passingScore === null || percent === null ? null : percent >= quiz.passingScore;
  return { answered, total: ids.length, points, max, percent, passed };
}

/** The record of one try at a question, in the shape every tracker reports. */
export function interaction(question, answer, { time, latency }) {
  return {
    id: question.id,
    activity: ["question", question.id],
    type: INTERACTION_TYPES[question.type],
    // A number as typed ("14,5") is reported as the decimal it means.
    response:
      question.type === "numeric" ? [String(parseNumber(answer.response[0]))] : answer.response,
    correct: correctResponse(question),
    result: answer.correct ? "correct" : "wrong",
    weight: question.weight,
    description: question.prompt ?? "",
    matchCase: question.caseSensitive ?? false,
    time,
    latency,
  };
}

/** A right response to `question`, as a response array (numeric ranges give [min, max]). */
export function correctResponse(question) {
  if (question.type === "fill_in") return [question.accepted[0]];
  if (question.type === "numeric") {
    if (question.answer !== null) return [String(question.answer)];
    return [String(question.min), String(question.max)];
  }
  return question.correct;
}
