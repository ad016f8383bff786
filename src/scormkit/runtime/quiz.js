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

/** What `answers` (by question id) add up to in `quiz`: points, percent and pass. */
export function quizResult(quiz, questionsById, answers) {
  let points = 0;
  let max = 0;
  let answered = 0;
  for (const id of quiz.questions) {
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
  return { answered, total: quiz.questions.length, points, max, percent, passed };
}

/** The record of one try at a question, in the shape every tracker reports. */
export function interaction(question, answer, { time, latency }) {
  return {
    id: question.id,
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
