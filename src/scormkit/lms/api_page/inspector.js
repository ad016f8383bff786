"use strict";
// The preview's side panel: launches the package the server offers, shows the data model and
// every API call live, and closes, relaunches (resuming), resets or rebuilds for a target.
// What an LMS keeps between sessions lives in localStorage, so a relaunch resumes.
(function () {
  const $ = (id) => document.getElementById(id);
  // What an LMS keeps between sessions (1.2 RTE 3.4; 2004 RTE 4.2): what the course may read.
  const KEPT = /^cmi\.(core\.(student_id|student_name|lesson_location|credit|lesson_status|score\..*|total_time|lesson_mode)|suspend_data|launch_data|comments|objectives\..*|student_data\..*|student_preference\..*|learner_id|learner_name|location|credit|mode|completion_status|success_status|score\..*|progress_measure|total_time|learner_preference\..*)$/;
  const LEARNER = {
    scorm12: { "cmi.core.student_id": "learner-1", "cmi.core.student_name": "Learner, Preview",
      "cmi.core.credit": "credit", "cmi.core.lesson_mode": "normal",
      "cmi.core.lesson_status": "not attempted" },
    scorm2004: { "cmi.learner_id": "learner-1", "cmi.learner_name": "Learner, Preview",
      "cmi.credit": "credit", "cmi.mode": "normal", "cmi.completion_status": "unknown",
      "cmi.success_status": "unknown" },
  };
  let state = null;
  let open = false;

  const storeKey = () => `scormkit-preview:${state.source}`;
  const saved = () => JSON.parse(localStorage.getItem(storeKey()) || "null");

  async function launch() {
    $("notice").textContent = state.error || "";
    $("statements-section").hidden = !state.statements;
    const response = await fetch("/api/launch", { method: "POST" });
    const { url } = await response.json();
    if (!url) return;
    const entryKey = state.standard === "scorm12" ? "cmi.core.entry" : "cmi.entry";
    const before = saved();
    const data = { ...LEARNER[state.standard], ...state.data, [entryKey]: "ab-initio", ...(before || {}) };
    open = true;
    window.startLms({ launchUrl: url, data, newWindow: false });
    render();
  }

  // xAPI and cmi5 courses send statements to the preview's endpoint: list them, newest first.
  async function showStatements() {
    if (state && state.statements) {
      const response = await fetch("/xapi/statements", { cache: "no-store" });
      const { statements } = await response.json();
      $("statements").replaceChildren(...statements.map((statement) => {
        const item = document.createElement("li");
        const verb = statement.verb || {};
        const name = (verb.display && Object.values(verb.display)[0]) || verb.id || "?";
        item.dataset.verb = name;
        item.textContent = `${name} ${(statement.object || {}).id || ""}`;
        item.title = JSON.stringify(statement, null, 2);
        return item;
      }));
      $("statement-count").textContent = `(${statements.length})`;
    }
  }
  function close() {
    if (!open) return;
    window.closeCourse();
    open = false;
    // Let the course's pagehide handler finish before reading what it saved.
    setTimeout(() => {
      const model = window.lmsDataModel();
      const exitKey = state.standard === "scorm12" ? "cmi.core.exit" : "cmi.exit";
      const entryKey = state.standard === "scorm12" ? "cmi.core.entry" : "cmi.entry";
      const kept = Object.fromEntries(Object.entries(model).filter(([k]) => KEPT.test(k)));
      kept[entryKey] = model[exitKey] === "suspend" ? "resume" : "";
      localStorage.setItem(storeKey(), JSON.stringify(kept));
      render();
    }, 200);
  }

  function render() {
    const body = $("data-model").tBodies[0];
    body.replaceChildren(...Object.entries(window.lmsDataModel()).sort().map(([key, value]) => {
      const row = document.createElement("tr");
      row.dataset.element = key;
      for (const text of [key, value]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }));
    $("calls").replaceChildren(...window.lmsCalls.map((call) => {
      const item = document.createElement("li");
      item.dataset.call = call.name;
      const args = call.args.map((a) => JSON.stringify(a)).join(", ");
      item.textContent = `${call.name}(${args}) → ${JSON.stringify(call.result)}` +
        (call.error !== "0" ? ` [error ${call.error}]` : "");
      if (call.error !== "0") item.className = "error";
      return item;
    }));
    $("call-count").textContent = `(${window.lmsCalls.length})`;
  }

  async function fetchState() {
    const response = await fetch("/api/state", { cache: "no-store" });
    return response.json();
  }

  function showTargets() {
    $("package-label").textContent = state.label;
    $("target-switch").hidden = state.targets.length < 2;
    $("target").replaceChildren(...state.targets.map((name) => {
      const option = new Option(name, name, false, name === state.target);
      return option;
    }));
  }

  async function poll() {
    try {
      await showStatements();
      const next = await fetchState();
      if (next.version !== state.version) {
        // Rebuilt (watch or target switch): start the new package where the learner was.
        close();
        state = next;
        showTargets();
        setTimeout(launch, 250);
      }
    } catch (error) {
      $("notice").textContent = "The preview server has stopped.";
      return;
    }
    setTimeout(poll, 500);
  }

  window.onLmsCall = render;
  $("close").addEventListener("click", close);
  $("relaunch").addEventListener("click", () => { close(); setTimeout(launch, 250); });
  $("reset").addEventListener("click", () => {
    close();
    setTimeout(async () => {
      localStorage.removeItem(storeKey());
      await fetch("/api/reset", { method: "POST" });
      launch();
    }, 250);
  });
  $("target").addEventListener("change", async () => {
    $("notice").textContent = `Building for ${$("target").value}…`;
    await fetch("/api/target", { method: "POST", body: $("target").value });
  });

  fetchState().then((first) => {
    state = first;
    showTargets();
    launch();
    setTimeout(poll, 500);
  });
})();
