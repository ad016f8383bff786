// The DOM of whole quizzes: the questions an attempt asks and in what order, the score, the
// review of every answer and the retry button. Hooks are listed at the top of view.js.

import { choiceOrder } from "./quiz.js";
import { wordsOf } from "./text.js";

/**
 * Quiz methods of the view; `on.retry(quizId)` gets every retry press. `questions` is the
 * question part of the view (questionview.js), used to describe answers in the review.
 */
export function quizView(doc, course, on, questions) {
  const say = wordsOf(course);
  const byId = new Map(course.questions.map((q) => [q.id, q]));
  const parts = (quiz) => {
    const box = doc.querySelector(`[data-quiz="${quiz.id}"]`);
    return {
      box,
      list: box?.querySelector("[data-quiz-questions]"),
      result: box?.querySelector("[data-quiz-result]"),
      review: box?.querySelector("[data-quiz-review]"),
      retry: box?.querySelector('[data-action="retry"]'),
    };
  };

  for (const quiz of course.quizzes) {
    parts(quiz).retry?.addEventListener("click", () => on.retry(quiz.id));
  }

  function paragraph(text) {
    const p = doc.createElement("p");
    p.textContent = text;
    return p;
  }

  return {
    /** Show the questions `ids` of the quiz in that order, each one's choices in `run` order. */
    arrangeQuiz(quiz, ids, run) {
      const { list } = parts(quiz);
      if (!list) return;
      for (const id of quiz.questions) {
        list.querySelector(`[data-question="${id}"]`).hidden = !ids.includes(id);
      }
      ids.forEach((id, position) => {
        const box = list.querySelector(`[data-question="${id}"]`);
        list.append(box);
        const choices = box.querySelector(".sk-choices");
        if (!choices || !byId.get(id).shuffle) return;
        for (const letter of choiceOrder(byId.get(id), run, position)) {
          choices.append(choices.querySelector(`[data-choice="${letter}"]`));
        }
      });
    },

    /**
     * The quiz's score once every question has an answer; once it is done, the review of
     * every answer and, when `retriesLeft` is not 0, the retry button (null: no limit).
     */
    showQuizResult(quiz, result, { done = false, retriesLeft = 0, ids = [], answers } = {}) {
      const { result: place, review, retry } = parts(quiz);
      if (!place) return;
      if (retry) retry.hidden = !(done && retriesLeft !== 0);
      if (review) review.hidden = !done;
      if (result.answered < result.total) return place.replaceChildren();
      const lines = [say("score", result)];
      if (result.passed === true) lines.push(say("quiz_passed"));
      if (result.passed === false) lines.push(say("quiz_not_passed", { needed: quiz.passingScore }));
      if (done && retriesLeft > 0) {
        lines.push(retriesLeft === 1 ? say("attempts_left_one") : say("attempts_left", { n: retriesLeft }));
      }
      place.replaceChildren(paragraph(lines.join(" ")));
      if (quiz.passingScore !== null) {
        // The score against the pass mark, drawn; the sentence above says it in words.
        const meter = doc.createElement("span");
        meter.className = `sk-meter ${result.passed ? "sk-right" : "sk-wrong"}`;
        meter.setAttribute("aria-hidden", "true");
        meter.style.setProperty("--sk-score", `${result.percent}%`);
        meter.style.setProperty("--sk-pass", `${quiz.passingScore}%`);
        place.append(meter);
      }
      if (!review || !done) return;
      const items = ids.map((id) => {
        const question = byId.get(id);
        const answer = answers.get(id);
        const item = doc.createElement("li");
        const prompt = doc.querySelector(`#sk-q-${id}`)?.textContent.trim() ?? id;
        const verdict = say(answer?.correct ? "right" : "wrong");
        const given = questions.describeResponse(question, answer?.response ?? []);
        item.append(paragraph(prompt), paragraph(say("review_item", { verdict, given })));
        if (!answer?.correct) {
          const right = questions.describeRightAnswer(question);
          item.append(paragraph(say("review_right_answer", { answer: right })));
        }
        item.className = answer?.correct ? "sk-right" : "sk-wrong";
        return item;
      });
      review.querySelector("ol").replaceChildren(...items);
    },

    /** After a retry: bring keyboard focus back to the quiz's first question. */
    focusQuiz(quiz, ids) {
      const first = doc.querySelector(`[data-question="${ids[0]}"] input, [data-question="${ids[0]}"] select`);
      first?.focus();
    },
  };
}
