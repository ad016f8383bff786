// The DOM of questions: reading responses, showing feedback and locking answered questions.
// Hooks are listed at the top of view.js.

import { choiceFeedback, correctResponse, isTyped } from "./quiz.js";
import { wordsOf } from "./text.js";

/** Question methods of the view; `on.check(questionId, response)` gets every Check press. */
export function questionView(doc, course, on) {
  const say = wordsOf(course);
  const boxes = new Map(
    course.questions.map((q) => [q.id, doc.querySelector(`[data-question="${q.id}"]`)]),
  );

  for (const question of course.questions) {
    const box = boxes.get(question.id);
    if (!box) continue;
    box.querySelector('[data-action="check"]')?.addEventListener("click", () =>
      on.check(question.id, readResponse(box, question)),
    );
    const hintButton = box.querySelector('[data-action="hint"]');
    hintButton?.addEventListener("click", () => {
      const hint = box.querySelector("[data-hint]");
      hint.hidden = !hint.hidden;
      hintButton.setAttribute("aria-expanded", String(!hint.hidden));
      hintButton.textContent = hint.hidden ? say("show_hint") : say("hide_hint");
    });
  }

  /** What `response` to `question` says, in the words shown on its controls. */
  function describeResponse(question, response) {
    const box = boxes.get(question.id);
    if (isTyped(question)) return response[0] || say("no_answer");
    const words = response.map((letter) => {
      const option = box.querySelector(`option[value="${letter}"]`);
      const input = box.querySelector(`[data-choice="${letter}"] label`);
      return (option ?? input)?.textContent.trim() ?? letter;
    });
    return words.join("; ") || say("no_answer");
  }

  function triesLeft(n) {
    return n === 1 ? say("tries_left_one") : say("tries_left", { n });
  }

  function paragraph(text, className) {
    const p = doc.createElement("p");
    p.textContent = text;
    if (className) p.className = className;
    return p;
  }

  function mark(parent, text, className) {
    const span = doc.createElement("span");
    span.className = `sk-mark ${className}`;
    span.textContent = text;
    parent.append(span);
  }

  function optionText(box, letter) {
    return box.querySelector(`option[value="${letter}"]`)?.textContent ?? letter;
  }

  function showMarks(box, question, answer) {
    const right = correctResponse(question);
    box.querySelectorAll("[data-choice]").forEach((item) => {
      const letter = item.dataset.choice;
      if (right.includes(letter)) mark(item, `✓ ${say("correct_choice")}`, "sk-right");
      else if (answer.response.includes(letter)) mark(item, `✗ ${say("your_choice")}`, "sk-wrong");
    });
    box.querySelectorAll("select").forEach((select, i) => {
      const slot = select.parentElement;
      if (answer.response[i] === right[i]) mark(slot, `✓ ${say("right")}`, "sk-right");
      else mark(slot, `✗ ${say("right_answer", { answer: optionText(box, right[i]) })}`, "sk-wrong");
    });
  }

  function typedAnswer(question) {
    if (question.type === "fill_in") return question.accepted[0];
    if (question.answer !== null) return String(question.answer);
    return say("range", { min: question.min, max: question.max });
  }

  return {
    /** Show `answer` in its question (also restoring inputs), locked when no tries are left. */
    showAnswer(question, answer, locked) {
      const box = boxes.get(question.id);
      if (!box) return;
      writeResponse(box, question, answer.response);
      const verdict = say(answer.correct ? "right" : locked ? "wrong" : "try_again");
      const lines = [paragraph(verdict, "sk-verdict")];
      const general = answer.correct ? question.correctFeedback : question.incorrectFeedback;
      if (general) lines.push(paragraph(general));
      for (const text of choiceFeedback(question, answer.response)) lines.push(paragraph(text));
      if (locked && !answer.correct && isTyped(question)) {
        lines.push(paragraph(say("right_answer", { answer: typedAnswer(question) })));
      }
      const feedback = box.querySelector("[data-feedback]");
      feedback.replaceChildren(...lines);
      feedback.className = `sk-feedback ${answer.correct ? "sk-right" : "sk-wrong"}`;
      const tries = box.querySelector("[data-tries]");
      if (tries) tries.textContent = locked ? "" : triesLeft(question.attempts - answer.tries);
      if (locked) {
        // The Check button goes away; keep keyboard focus in the question, on its feedback.
        const hadFocus = box.contains(doc.activeElement);
        const controls = box.querySelectorAll("input, select, button");
        for (const control of controls) control.disabled = true;
        box.querySelectorAll("[data-action]").forEach((button) => (button.hidden = true));
        box.querySelectorAll(".sk-mark").forEach((old) => old.remove());
        showMarks(box, question, answer);
        feedback.tabIndex = -1;
        if (hadFocus) feedback.focus();
      }
    },

    /** Ask for an answer when Check was pressed without one. */
    askForAnswer(questionId) {
      const feedback = boxes.get(questionId)?.querySelector("[data-feedback]");
      feedback?.replaceChildren(paragraph(say("missing"), "sk-verdict"));
    },

    /** Empty the question for a new attempt at its quiz: no answer, no marks, tries restored. */
    resetQuestion(question) {
      const box = boxes.get(question.id);
      if (!box) return;
      writeResponse(box, question, isTyped(question) ? [""] : []);
      box.querySelectorAll("input, select, button").forEach((control) => (control.disabled = false));
      box.querySelectorAll("[data-action]").forEach((button) => (button.hidden = false));
      box.querySelectorAll(".sk-mark").forEach((old) => old.remove());
      const feedback = box.querySelector("[data-feedback]");
      feedback.replaceChildren();
      feedback.className = "sk-feedback";
      const tries = box.querySelector("[data-tries]");
      if (tries) tries.textContent = say("tries", { n: question.attempts });
    },

    describeResponse,

    /** The right answer to `question`, in the words shown on its controls. */
    describeRightAnswer(question) {
      if (isTyped(question)) return typedAnswer(question);
      return describeResponse(question, correctResponse(question));
    },
  };
}

/** What the learner has entered in the question `box`, as a response array (see quiz.js). */
export function readResponse(box, question) {
  const controls = [...box.querySelectorAll(`[name="${question.id}"]`)];
  if (isTyped(question)) return [controls[0]?.value ?? ""];
  if (controls[0]?.tagName === "SELECT") return controls.map((select) => select.value);
  return controls
    .filter((input) => input.checked)
    .map((input) => input.value)
    .sort();
}

function writeResponse(box, question, response) {
  const controls = [...box.querySelectorAll(`[name="${question.id}"]`)];
  controls.forEach((control, i) => {
    if (isTyped(question)) control.value = response[0];
    else if (control.tagName === "SELECT") control.value = response[i] ?? "";
    else control.checked = response.includes(control.value);
  });
}
