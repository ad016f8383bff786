// The DOM of surveys: reading answers, restoring them and confirming they were sent.
// Hooks are listed at the top of view.js.

import { wordsOf } from "./text.js";

/** Survey methods of the view; `on.send(surveyId, entered)` gets every Send press. */
export function surveyView(doc, course, on) {
  const say = wordsOf(course);
  const boxes = new Map(
    (course.surveys ?? []).map((s) => [s.id, doc.querySelector(`[data-survey="${s.id}"]`)]),
  );

  for (const survey of course.surveys ?? []) {
    const box = boxes.get(survey.id);
    box?.querySelector('[data-action="send"]')?.addEventListener("click", () => {
      const entered = new Map(survey.items.map((item) => [item.key, readItem(box, item)]));
      on.send(survey.id, entered);
    });
  }

  function status(surveyId, key) {
    const place = boxes.get(surveyId)?.querySelector("[data-survey-status]");
    const p = doc.createElement("p");
    p.textContent = say(key);
    place?.replaceChildren(p);
  }

  return {
    /** Put saved survey answers back into their inputs. */
    showSurveyAnswers(survey, answers) {
      const box = boxes.get(survey.id);
      if (!box) return;
      for (const item of survey.items) {
        const value = answers.get(item.key) ?? "";
        for (const input of box.querySelectorAll(`[name="${item.key}"]`)) {
          if (input.type === "radio") input.checked = input.value === value;
          else input.value = value;
        }
      }
    },

    /** Confirm the answers were recorded (or ask for one when none was given). */
    showSurveySent(surveyId, sent) {
      status(surveyId, sent ? "survey_thanks" : "survey_missing");
    },
  };
}

function readItem(box, item) {
  const inputs = [...box.querySelectorAll(`[name="${item.key}"]`)];
  if (item.kind === "free_text") return inputs[0]?.value ?? "";
  return inputs.find((input) => input.checked)?.value ?? "";
}
