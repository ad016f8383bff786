// Survey logic: what an answer is and the record trackers report for it. Pure: never scored.
//
// An answer is the chosen option as one base-36 digit from "1" (likert, single choice) or the
// text typed (free text); "" or no entry means unanswered.

// The interaction type each kind of item is reported as (IEEE 1484.11.1 types).
const INTERACTION_TYPES = { likert: "likert", single_choice: "choice", free_text: "fill-in" };

/** The answer to `item` read from what was entered: a digit, or text cut to its limit. */
export function surveyAnswer(item, entered) {
  if (item.kind === "free_text") return entered.trim().slice(0, item.maxLength);
  const index = parseInt(entered, 36);
  return entered.length === 1 && index >= 1 && index <= item.options ? entered : "";
}

/** The record of one survey answer, in the shape quiz.js interaction() gives for questions. */
export function surveyInteraction(item, answer, { time, latency }) {
  return {
    id: item.key,
    activity: ["item", item.survey, item.id],
    type: INTERACTION_TYPES[item.kind],
    description: item.prompt ?? "",
    // Options are reported by their digit, a single character as SCORM 1.2 choices need.
    response: [answer],
    correct: [],
    result: "neutral",
    weight: 0,
    time,
    latency,
  };
}
