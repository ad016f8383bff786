// Branching scenarios on the page, as a conversation: one scene at a time, choices, feedback,
// lives (hearts), points per dimension, the timer (a ring that runs only while the choices are
// on screen), endings, badges and "Try again". The rules are in scenario.js.
//
// Stable hooks (templates/activities/scenario.html; browser tests rely on them):
//   [data-scenario="<id>"]               one scenario, holding:
//     [data-scene="<id>"]                a scene; the current one is not [hidden];
//                                        [data-ending="success|partial|failure"] on endings
//       button[data-choice="<id>"]       a choice; choices whose `requires` fail are hidden
//       [data-debrief]                   an ending's debrief
//     [data-out-of-lives]                shown instead of a scene when the last life is lost
//     [data-reply]                       the learner's choice, echoed as their reply
//     [data-feedback]                    feedback on the last choice (aria-live), its points
//                                        as chips per dimension
//     [data-action="continue"]           goes on to the next scene after feedback
//     [data-lives], [data-points]        lives left, points per dimension
//     [data-timer] [data-time-left]      countdown of a timed scene; [data-time-announce] is
//                                        what screen readers hear (at the start, half time,
//                                        10 and 5 seconds)
//     [data-action="more-time"]          adds the scene's time again (WCAG 2.2.1)
//     [data-action="timer-off"]          turns timers off for the rest of the scenario, also
//                                        after relaunching
//     [data-result]                      how the run ended
//     [data-badge-shelf] li[data-badge="<id>"]   badges earned, shown once earned
//     [data-action="replay"]             "Try again", at an ending when the spec allows
//
// Player text comes from the course-wide table (src/scormkit/player_text.py, runtime/text.js).

import {
  TIMEOUT,
  advance,
  choiceInteraction,
  moveFor,
  offered,
  passes,
  recordRun,
  startRun,
  startScenario,
} from "./scenario.js";
import { wordsOf } from "./text.js";
import { chips } from "./view.js";


/**
 * Plays the course's scenarios in `doc`; `on` has save(), answer(record) for a choice, and
 * played(event) for a timeout ({ kind: "timeout", scenario, scene, lostLife, time }) or an
 * ending ({ kind: "ending", scenario, passAt, run, time }).
 */
export function playScenarios(doc, course, progress, on) {
  progress.scenarios ??= new Map();
  for (const scenario of course.scenarios ?? []) {
    const box = doc.querySelector(`[data-scenario="${scenario.id}"]`);
    if (box) playScenario(box, scenario, progress, on, wordsOf(course));
  }
}

function playScenario(box, scenario, progress, on, say) {
  const doc = box.ownerDocument;
  const win = doc.defaultView;
  const find = (selector) => box.querySelector(selector);
  const page = box.closest("[data-page-id]");
  const state = () => progress.scenarios.get(scenario.id) ?? startScenario(scenario);
  let shownAt = Date.now();
  let clock = null;
  // the run to show after the learner reads the feedback
  let pending = null;

  find('[data-action="more-time"]').textContent = say("scenario_more_time");
  find('[data-action="timer-off"]').textContent = say("scenario_timer_off");
  find('[data-action="continue"]').textContent = say("scenario_continue");
  find('[data-action="replay"]').textContent = say("scenario_replay");
  find("[data-badge-heading]").textContent = say("scenario_badges");
  if (!find("[data-out-of-lives] [data-line]").textContent.trim()) {
    find("[data-out-of-lives] [data-line]").textContent = say("scenario_out_of_lives");
  }

  box.querySelectorAll("button[data-choice]").forEach((button) =>
    button.addEventListener("click", () => take(button.dataset.choice)),
  );
  find('[data-action="continue"]').addEventListener("click", () => {
    const run = pending;
    pending = null;
    show(run, true);
  });
  find('[data-action="replay"]').addEventListener("click", () => {
    progress.scenarios.set(scenario.id, { ...state(), run: startRun(scenario) });
    on.save();
    show(state().run, true);
  });
  find('[data-action="more-time"]').addEventListener("click", () => {
    if (clock) clock.left += sceneOf(state().run).timer;
    tick(false);
  });
  find('[data-action="timer-off"]').addEventListener("click", () => {
    progress.scenarios.set(scenario.id, { ...state(), timerOff: true });
    on.save();
    stopClock();
    currentScene()?.querySelector("[data-line]")?.focus();
  });

  show(state().run, false);

  function sceneOf(run) {
    return scenario.scenes.find((scene) => scene.id === run.scene);
  }

  function currentScene() {
    return box.querySelector("[data-scene]:not([hidden]), [data-out-of-lives]:not([hidden])");
  }

  function take(step) {
    const before = state();
    const move = moveFor(scenario, before.run, step);
    if (!move || pending) return;
    stopClock();
    const run = advance(scenario, before.run, move);
    progress.scenarios.set(scenario.id, recordRun(before, run));
    const now = Date.now();
    const time = new Date(now);
    if (step !== TIMEOUT) {
      const latency = now - shownAt;
      on.answer(choiceInteraction(scenario, before.run.scene, move, { time, latency }));
    } else {
      const lostLife = Boolean(move.loseLife) && before.run.lives !== null;
      const scene = before.run.scene;
      on.played({ kind: "timeout", scenario: scenario.id, scene, lostLife, time });
    }
    if (run.ending) {
      on.played({ kind: "ending", scenario: scenario.id, passAt: scenario.passAt, run, time });
    }
    on.save();
    const scene = box.querySelector(`[data-scene="${before.run.scene}"]`);
    const template =
      step === TIMEOUT
        ? scene.querySelector("template[data-timeout-feedback]")
        : scene.querySelector(`template[data-choice-feedback="${step}"]`);
    const summary = outcome(move, run);
    // A choice with nothing to tell (no feedback, no points, no life) goes straight on.
    if (!template && !summary && step !== TIMEOUT) return show(run, true);
    scene.querySelectorAll("button[data-choice]").forEach((button) => {
      button.disabled = true;
      button.classList.toggle("sk-chosen", button.dataset.choice === step);
      if (button.dataset.choice === step) echo(scene, button);
    });
    const group = scene.querySelector(".sk-scene-choices");
    if (group && step !== TIMEOUT) group.hidden = true;
    const feedback = find("[data-feedback]");
    feedback.replaceChildren(...(template ? [template.content.cloneNode(true)] : []));
    if (summary) feedback.prepend(summary);
    if (step === TIMEOUT) feedback.prepend(paragraph(say("scenario_time_up"), "sk-verdict"));
    pending = run;
    showStatus(run);
    find('[data-action="continue"]').hidden = false;
    feedback.focus();
  }

  function paragraph(text, className = "") {
    const p = doc.createElement("p");
    p.textContent = text;
    if (className) p.className = className;
    return p;
  }

  /** The learner's choice, said back as their reply in the conversation. */
  function echo(scene, button) {
    const reply = paragraph(button.textContent, "sk-reply");
    reply.dataset.reply = "";
    scene.querySelector("[data-reply]")?.remove();
    scene.querySelector(".sk-scene-choices")?.after(reply);
  }

  /** What a move changed: a chip per dimension won or lost, and a life. */
  function outcome(move, run) {
    const parts = Object.entries(move.points)
      .filter(([, n]) => n !== 0)
      .map(([name, n]) => [`${n > 0 ? "+" : "−"}${Math.abs(n)} ${name}`, n > 0 ? "up" : "down"]);
    if (move.loseLife && run.lives !== null) {
      parts.push([say("scenario_lost_life", { left: run.lives }), "down"]);
    }
    return parts.length ? chips(doc, parts, " ", "sk-verdict") : null;
  }

  function showStatus(run) {
    const lives = find("[data-lives]");
    if (lives) {
      lives.textContent = say("scenario_lives", { n: run.lives, of: scenario.lives });
      lives.dataset.hearts = "♥".repeat(run.lives);
      lives.dataset.lost = "♡".repeat(scenario.lives - run.lives);
    }
    const points = find("[data-points]");
    if (points) {
      const [label, rest] = say("scenario_points", { parts: "\u0000" }).split("\u0000");
      const parts = scenario.dimensions.map((name) => [`${name} ${run.points[name]}`]);
      points.replaceChildren(chips(doc, parts, ", ", "", label), rest);
    }
  }

  function show(run, focus) {
    const { best, earned } = state();
    find("[data-feedback]").replaceChildren();
    find('[data-action="continue"]').hidden = true;
    box.querySelectorAll("[data-scene]").forEach((scene) => {
      scene.hidden = run.outOfLives || scene.dataset.scene !== run.scene;
    });
    find("[data-out-of-lives]").hidden = !run.outOfLives;
    const open = new Set(offered(scenario, run).map((choice) => choice.id));
    box.querySelectorAll("[data-reply]").forEach((reply) => reply.remove());
    box.querySelectorAll(".sk-scene-choices").forEach((group) => (group.hidden = false));
    box.querySelectorAll(`[data-scene="${run.scene}"] button[data-choice]`).forEach((button) => {
      button.hidden = !open.has(button.dataset.choice);
      button.disabled = false;
      button.classList.remove("sk-chosen");
    });
    showStatus(run);
    const result = find("[data-result]");
    result.replaceChildren();
    if (run.ending) {
      const passed = passes(scenario, best) ? say("scenario_passed") : say("scenario_not_passed");
      result.append(paragraph(`${say(`scenario_ending_${run.ending}`)} ${passed}`));
      const parts = scenario.dimensions.map((name) => [`${name} ${run.points[name]}`]);
      if (parts.length) result.append(chips(doc, parts, ", ", "sk-ending-points"));
    }
    box.querySelectorAll("li[data-badge]").forEach((item) => {
      item.hidden = !earned.includes(item.dataset.badge);
    });
    find("[data-badge-shelf]").hidden = earned.length === 0;
    find('[data-action="replay"]').hidden = !(run.ending && scenario.replay);
    shownAt = Date.now();
    stopClock();
    const timer = sceneOf(run).timer;
    if (timer && !run.ending && !state().timerOff) startClock(timer);
    if (focus) {
      // The scene starts under the header, so its line and first choice fit one screen.
      find("[data-status]").scrollIntoView({ block: "start" });
      currentScene()?.querySelector("[data-line]")?.focus({ preventScroll: true });
    }
  }

  function startClock(seconds) {
    clock = { left: seconds, total: seconds, id: win.setInterval(() => tick(true), 1000) };
    // The clock starts once the choices are on screen, so reading the scene is never timed.
    const choices = currentScene()?.querySelector(".sk-scene-choices");
    if (choices && win.IntersectionObserver) {
      const watch = new win.IntersectionObserver(([seen]) => {
        if (!seen.isIntersecting || !clock) return;
        clock.seen = true;
        watch.disconnect();
      });
      watch.observe(choices);
      clock.watch = watch;
    } else clock.seen = true;
    find("[data-timer]").hidden = false;
    find("[data-time-announce]").textContent = say("scenario_time_announce", { s: seconds });
    tick(false);
  }

  function stopClock() {
    if (clock) win.clearInterval(clock.id);
    clock?.watch?.disconnect();
    clock = null;
    find("[data-timer]").hidden = true;
  }

  function tick(elapsed) {
    if (!clock) return;
    // The clock waits while the learner is on another page.
    if (elapsed && !page?.hidden && clock.seen) clock.left -= 1;
    if (clock.left <= 0) return take(TIMEOUT);
    find("[data-time-left]").textContent = say("scenario_time_left", { s: clock.left });
    find("[data-timer]").style.setProperty("--sk-left", `${(100 * clock.left) / clock.total}%`);
    const half = Math.floor(clock.total / 2);
    if (elapsed && [half, 10, 5].includes(clock.left)) {
      find("[data-time-announce]").textContent = say("scenario_time_announce", { s: clock.left });
    }
  }
}
