// The player's DOM: pages, menu, navigation, notices, the resume prompt. Questions are drawn
// by questionview.js, surveys by surveyview.js; every word comes from text.js.
//
// Stable hooks (browser tests and template overrides rely on them; keep them when editing):
//   script#sk-course                  course data as JSON
//   section[data-page-id="<id>"]      one per page; the open page is the one not [hidden]
//   #sk-menu a[data-page="<id>"]      menu link to a page; the open one has aria-current="page";
//                                     the first module's are in the launch page, the others'
//                                     follow once the first page is shown
//   #sk-menu [data-menu-module="<id>"] a module in the menu
//   [data-module-progress="<id>"]     in the menu: pages of that module viewed
//   #sk-prev, #sk-next                previous/next page buttons; in a launch of one module,
//                                     also to the module before/after when the LMS can move
//   #sk-finish                        Finish button, shown on the last page
//   #sk-tracking                      "not being tracked" notice, shown when no LMS is found
//   #sk-saving                        "progress may not be saved" while the LMS refuses writes
//   #sk-offline, #sk-offline-retry    "could not be loaded" when a module file fails to load,
//                                     and its Try again button
//   #sk-learner                       the learner's name, when the LMS gives one
//   #sk-progress, #sk-progress-text   pages viewed
//   #sk-done                          message shown after Finish
//   #sk-resume                        "Continue where you left off?", shown on a resumed launch
//     #sk-resume-continue, #sk-resume-restart   its two buttons
//     #sk-restart-confirm, #sk-restart-yes, #sk-restart-no   the confirmation Start over needs
//   #sk-cover, #sk-start              the course cover, shown on a first launch of the whole
//                                     course above the first page; Start goes to that page
//   [data-card-progress="<id>"]       on the cover's module card: pages of that module viewed
//   #sk-certificate                   the certificate, shown once earned (hooks in
//                                     templates/certificate.html)
//   #sk-score, #sk-points, #sk-badges  points per dimension and badge shelf, only in courses
//                                      with scenarios; shown by view.showPoints(points, badges)
//   [data-question="<id>"]            a question, holding:
//     input[name="<id>"] / select[name="<id>"]   its inputs; value is the choice letter (a, b…
//                                      in spec order; true/false: t, f)
//     [data-action="check"]           Check answer button
//     [data-action="hint"], [data-hint]   hint button and hint text, when there is a hint
//     [data-feedback]                 feedback (aria-live)
//     [data-tries]                    tries left, when there is more than one
//   [data-quiz="<id>"]                a quiz, holding its questions, and:
//     [data-quiz-questions]           the questions; those a draw left out are [hidden]
//     [data-quiz-result]              score, once every question is answered
//     [data-quiz-review]              review of every answer, once the attempt is over
//     [data-action="retry"]           take the quiz again, while attempts are left
//   [data-survey="<id>"]              a survey, holding:
//     [data-survey-item="<survey id>-<item id>"]  one item; input[name=<same>] radio buttons
//                                      valued 1, 2… (base 36) or a textarea
//     [data-action="send"], [data-survey-status]  Send button and its message (aria-live)
//   [data-tabs]                       panels the player turns into tabs
//
// For the scenario player: view.showPoints(points, badges) fills the menu's points per
// dimension ({ name: number }) and badge shelf (badges: [{ id, title, description }] earned so far); it does
// nothing in a course without scenarios.

import { questionView } from "./questionview.js";
import { quizView } from "./quizview.js";
import { surveyView } from "./surveyview.js";
import { wordsOf } from "./text.js";

/**
 * The view of `course` in `doc`; `on` has go(pageIndex), check(questionId, response),
 * retry(quizId), send(surveyId, answers) and finish(). `moves` says whether Previous on the
 * first page and Next on the last lead out of the launch.
 */
export function createView(doc, course, on, moves = { previous: false, next: false }) {
  const say = wordsOf(course);
  const byId = (id) => doc.getElementById(id);
  // Pages of modules not loaded yet have no section (null) until addModule().
  // One pass over the document each (a query per page would scan it once per page).
  const byPage = (selector, key) => {
    const found = new Map([...doc.querySelectorAll(selector)].map((e) => [e.dataset[key], e]));
    return course.pages.map((p) => found.get(p.id) || null);
  };
  const findSections = () => byPage("section[data-page-id]", "pageId");
  let sections = findSections();
  // Menu links by page; the launch page lists the first module's pages, fillMenu() the rest.
  let links = byPage("#sk-menu a[data-page]", "page");
  let seenNow = [];
  const [prev, next, finish] = ["sk-prev", "sk-next", "sk-finish"].map(byId);
  const menuToggle = byId("sk-menu-toggle");
  // Questions, quizzes and surveys are drawn by one view per module loaded (launch.js).
  // question, quiz or survey id → the view of its module
  const parts = new Map();
  let current = 0;

  prev.addEventListener("click", () => on.go(current - 1));
  next.addEventListener("click", () => on.go(current + 1));
  finish.addEventListener("click", () => on.finish());
  byId("sk-menu").addEventListener("click", (event) => {
    const link = event.target.closest("a[data-page]");
    if (!link) return;
    event.preventDefault();
    setMenu(false);
    on.go(links.indexOf(link));
  });
  menuToggle?.addEventListener("click", () =>
    setMenu(menuToggle.getAttribute("aria-expanded") !== "true"),
  );
  doc.querySelectorAll("[data-tabs]").forEach(makeTabs);
  // A launch of one module lists only that module in the menu.
  for (const item of doc.querySelectorAll("#sk-menu [data-menu-module]")) {
    item.hidden = Boolean(course.launch) && item.dataset.menuModule !== course.launch.module;
  }
  addPart(course);
  // The page lists of the modules the launch page does not list, made once the first page is
  // on screen (or while the tracker waits on the network), so a long course's menu adds nothing
  // to its launch.
  afterPaint(doc.defaultView, fillMenu);
  function fillMenu() {
    for (const module of course.modules) {
      const item = doc.querySelector(`#sk-menu [data-menu-module="${module.id}"]`);
      if (!item || item.querySelector("ol")) continue;
      const list = item.appendChild(doc.createElement("ol"));
      for (const page of course.pages.filter((p) => p.module === module.id)) {
        const link = list.appendChild(doc.createElement("li")).appendChild(doc.createElement("a"));
        Object.assign(link, { href: `#page-${page.id}`, textContent: page.title });
        link.dataset.page = page.id;
      }
    }
    links = byPage("#sk-menu a[data-page]", "page");
    markLinks();
  }

  // The open page's link is marked current; viewed pages' links are ticked.
  function markLinks() {
    links.forEach((link, i) => {
      if (!link) return;
      if (i === current) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
      if (seenNow[i] && !link.querySelector(".sk-viewed")) {
        const tick = span("sk-viewed", "✓");
        tick.setAttribute("aria-hidden", "true");
        link.append(tick, span("sk-sr", ` (${say("viewed")})`));
      }
    });
  }

  function span(className, text) {
    const element = doc.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function addPart(part) {
    const scope = { ...course, ...part };
    const questions = questionView(doc, scope, on);
    const own = { ...questions, ...quizView(doc, scope, on, questions), ...surveyView(doc, scope, on) };
    for (const { id } of [...part.questions, ...part.quizzes, ...(part.surveys ?? [])]) parts.set(id, own);
  }

  function setMenu(open) {
    menuToggle?.setAttribute("aria-expanded", String(open));
    doc.body.classList.toggle("sk-menu-open", open);
  }

  return {
    // Each goes to the view of the module holding its question, quiz or survey (or its id).
    ...Object.fromEntries(
      "showAnswer askForAnswer resetQuestion arrangeQuiz showQuizResult focusQuiz showSurveyAnswers showSurveySent"
        .split(" ")
        .map((name) => [name, (item, ...rest) => parts.get(item.id ?? item)[name](item, ...rest)]),
    ),

    /** Say a module could not be loaded, with a Try again button calling `retry`. */
    showModuleFailed(retry) {
      const notice = byId("sk-offline");
      notice.hidden = false;
      byId("sk-offline-retry").onclick = () => {
        notice.hidden = true;
        retry();
      };
      byId("sk-offline-retry").focus();
    },

    /** Add a loaded module's pages (`part.html`, from its file; one is shown at a time, so
     * their place among the others does not matter) and wire its questions and surveys. */
    addModule(part) {
      const holder = doc.createElement("template");
      holder.innerHTML = part.html;
      const added = [...holder.content.children];
      byId("sk-done").before(...added);
      added.forEach((section) => section.querySelectorAll("[data-tabs]").forEach(makeTabs));
      addPart(part);
      sections = findSections();
    },


    /** Ask whether to continue or start over; resolves "continue" or "restart". */
    askResume() {
      const box = byId("sk-resume");
      const confirm = byId("sk-restart-confirm");
      const nav = doc.querySelector(".sk-nav");
      box.hidden = false;
      nav.hidden = true;
      byId("sk-resume-continue").focus();
      return new Promise((resolve) => {
        const close = (choice) => {
          box.hidden = true;
          nav.hidden = false;
          resolve(choice);
        };
        byId("sk-resume-continue").onclick = () => close("continue");
        byId("sk-resume-restart").onclick = () => {
          confirm.hidden = false;
          byId("sk-restart-no").focus();
        };
        byId("sk-restart-no").onclick = () => {
          confirm.hidden = true;
          byId("sk-resume-restart").focus();
        };
        byId("sk-restart-yes").onclick = () => close("restart");
      });
    },

    /** The cover, on a first launch of the whole course; Start goes to the first page. */
    showCover() {
      const cover = byId("sk-cover");
      if (!cover || course.launch) return;
      // The modules' minutes, given by the author or estimated at build time (cards.py).
      const minutes = course.modules.reduce((sum, module) => sum + (module.minutes ?? 0), 0);
      const meta = [say("duration", { n: Math.max(5, Math.ceil(minutes / 5) * 5) })];
      if (course.modules.length > 1) meta.push(say("module_count", { n: course.modules.length }));
      byId("sk-meta").textContent = meta.join(" · ");
      cover.hidden = false;
      const start = () => {
        cover.hidden = true;
        sections[current].querySelector("h2")?.focus();
      };
      byId("sk-start").addEventListener("click", start);
      cover.querySelectorAll("a[data-card]").forEach((card) =>
        card.addEventListener("click", (event) => {
          event.preventDefault();
          cover.hidden = true;
          const index = course.pages.findIndex((p) => p.id === card.dataset.card);
          if (index === current) start();
          else on.go(index);
        }),
      );
    },

    /** The certificate, with the learner's name from the LMS and today's date. */
    showCertificate(learner) {
      const box = byId("sk-certificate");
      if (!box) return;
      byId("sk-certificate-name").textContent = learner || say("certificate_no_name");
      const lang = doc.documentElement.lang || undefined;
      byId("sk-certificate-date").textContent = new Date().toLocaleDateString(lang, {
        year: "numeric",
        month: "long",
        day: "numeric",
      });
      box.hidden = false;
      byId("sk-certificate-print").onclick = () => {
        doc.body.classList.add("sk-printing-certificate");
        doc.defaultView.print();
        doc.body.classList.remove("sk-printing-certificate");
      };
    },

    /** Points per dimension and badges earned, in the menu of a course with scenarios. */
    showPoints(points, badges) {
      const shelf = byId("sk-score");
      if (!shelf) return;
      shelf.hidden = false;
      const parts = Object.entries(points).map(([name, n]) => [`${name} ${n}`]);
      byId("sk-points").replaceChildren(chips(doc, parts, ", "));
      byId("sk-points").parentElement.hidden = !parts.length;
      const items = badges.map((badge) => {
        const item = doc.createElement("li");
        item.className = "sk-badge";
        item.dataset.badge = badge.id;
        item.title = badge.description;
        item.textContent = badge.title;
        return item;
      });
      if (!items.length) {
        const none = doc.createElement("li");
        none.className = "sk-badge-none";
        none.textContent = say("no_badges");
        items.push(none);
      }
      byId("sk-badges").replaceChildren(...items);
    },

    /** Show page `index` alone; move focus to its heading when the learner navigated. */
    showPage(index, { focus }) {
      current = index;
      if (focus) byId("sk-cover")?.setAttribute("hidden", "");
      byId("sk-offline").hidden = true;
      sections.forEach((section, i) => {
        if (section) section.hidden = i !== index;
      });
      markLinks();
      const last = index === sections.length - 1;
      prev.disabled = index === 0 && !moves.previous;
      next.hidden = last && !moves.next;
      finish.hidden = !next.hidden;
      byId("sk-position").textContent = say("page_of", { n: index + 1, total: sections.length });
      if (focus) {
        doc.defaultView.scrollTo(0, 0);
        sections[index].querySelector("h2")?.focus();
        bringSceneUp(sections[index]);
      }
    },

    showProgress(seen) {
      const count = seen.filter(Boolean).length;
      const bar = byId("sk-progress");
      bar.max = seen.length;
      bar.value = count;
      byId("sk-progress-text").textContent = say("seen", { n: count, total: seen.length });
      seenNow = seen;
      markLinks();
      for (const module of course.modules) {
        const place = doc.querySelector(`[data-module-progress="${module.id}"]`);
        const done = course.pages.filter((p, i) => p.module === module.id && seen[i]).length;
        const text = say("module_progress", { n: done, total: module.pages.length });
        if (place) place.textContent = text;
        const card = doc.querySelector(`[data-card-progress="${module.id}"]`);
        if (card) {
          card.textContent = text;
          card.style.setProperty("--sk-done", `${(100 * done) / module.pages.length}%`);
        }
      }
    },

    /** Show the "not tracked" notice without an LMS, and the learner's name with one. */
    showSession({ tracked, learner }) {
      byId("sk-tracking").hidden = tracked;
      const name = byId("sk-learner");
      if (name && learner) {
        name.textContent = learner;
        name.hidden = false;
      }
    },

    /** Say, politely and once, that progress may not be saved while the LMS refuses it. */
    showSaving(ok) {
      const notice = byId("sk-saving");
      const text = ok ? "" : say("saving_refused");
      if (notice && notice.textContent !== text) {
        notice.textContent = text;
        notice.hidden = ok;
      }
    },

    /** After Finish: what the course status is and whether it was saved. */
    showDone(status, tracked) {
      const done = byId("sk-done");
      const needed = course.completion.passingScore;
      const left = [
        ["open_pages", status.unseen],
        ["open_questions", status.unanswered],
        ["unplayed", status.unplayed],
      ].filter(([, n]) => n > 0);
      const list = new Intl.ListFormat(course.language, { type: "conjunction" });
      const outcome = !status.complete
        ? say("open", { list: list.format(left.map(([key, n]) => say(key, { n }))) })
        : status.passed === null
          ? say("finished")
          : status.passed
            ? say("passed_course", { score: status.score })
            : say("failed_course", { score: status.score, needed });
      const lines = [outcome, say(tracked ? "saved" : "not_saved")];
      done.replaceChildren(
        ...lines.map((line) => {
          const p = doc.createElement("p");
          p.textContent = line;
          return p;
        }),
      );
      done.hidden = false;
      finish.disabled = true;
      done.focus();
    },
  };
}

/** Run `work` once the next frame is on screen and the page is idle, so it holds nothing back. */
export function afterPaint(win, work) {
  win.requestAnimationFrame(() =>
    win.requestIdleCallback ? win.requestIdleCallback(work, { timeout: 500 }) : win.setTimeout(work),
  );
}

/**
 * Chips in a span of class `className`: `parts` are [text, "up"|"down"?]; `separator` and
 * `label` are for screen readers and copy-paste, so the text reads as a sentence.
 */
export function chips(doc, parts, separator, className = "", label = "") {
  const box = doc.createElement("span");
  box.className = `sk-chips ${className}`.trim();
  if (label) box.append(label);
  parts.forEach(([text, trend], i) => {
    if (i) box.append(Object.assign(doc.createElement("span"), { className: "sk-sr", textContent: separator }));
    const chip = doc.createElement("span");
    chip.className = trend ? `sk-chip sk-chip-${trend}` : "sk-chip";
    chip.textContent = text;
    box.append(chip);
  });
  return box;
}

// A page that opens on a role-play scene whose first choice is below the fold starts at the
// scene, so a timed scene's choices are on screen from the start.
function bringSceneUp(section) {
  const stage = section.querySelector(":scope > h2 + .sk-scenario");
  const choice = stage?.querySelector("[data-scene]:not([hidden]) button[data-choice]:not([hidden])");
  if (choice && choice.getBoundingClientRect().top + 48 > section.ownerDocument.defaultView.innerHeight) {
    stage.querySelector("[data-status]").scrollIntoView({ block: "start" });
  }
}

function makeTabs(box) {
  const doc = box.ownerDocument;
  const panels = [...box.querySelectorAll(":scope > [data-tab-title]")];
  const list = doc.createElement("div");
  list.setAttribute("role", "tablist");
  const tabs = panels.map((panel, i) => {
    const tab = doc.createElement("button");
    tab.type = "button";
    tab.id = `${panel.id}-tab`;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", panel.id);
    tab.textContent = panel.dataset.tabTitle;
    tab.addEventListener("click", () => select(i, false));
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    panel.tabIndex = 0;
    panel.querySelector(".sk-tab-heading")?.setAttribute("hidden", "");
    return tab;
  });
  list.append(...tabs);
  box.prepend(list);
  list.addEventListener("keydown", (event) => {
    const at = tabs.indexOf(doc.activeElement);
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (at < 0 || !(event.key in moves)) return;
    event.preventDefault();
    select((moves[event.key] + tabs.length) % tabs.length, true);
  });

  function select(index, focus) {
    tabs.forEach((tab, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      panels[i].hidden = i !== index;
    });
    if (focus) tabs[index].focus();
  }
  select(0, false);
}
