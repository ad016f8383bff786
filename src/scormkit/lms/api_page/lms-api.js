"use strict";
// scormkit's own LMS side for previews and tests: the SCORM 1.2 `API` (RTE 3.3) and the SCORM
// 2004 `API_1484_11` (RTE 3.1) objects over one flattened data model, with every call
// recorded. It is lenient where LMSs differ and reports errors where the standards require
// them; it is a preview, not a conformance test (tests verify against scorm-again).
//
// Page contract, shared with the scorm-again test page (scormkit/testing/lms_page/lms.html):
//   startLms({launchUrl, data, newWindow})  load `data` (flattened elements), open the course
//   lmsCalls                                every call: {name, args, result, error}
//   lmsDataModel()                          the data model now, flattened
//   closeCourse()                           close the course window (course-frame.js)
//   onLmsCall = fn                          optional: called after each call (the inspector)
// Needs course-frame.js loaded first.
(function () {
  window.lmsCalls = [];
  let model = {};
  let phase = "new"; // "running", then "ended"
  let lastError = "0";

  const MESSAGES = {
    "0": "No error", "101": "General exception", "103": "Already initialized",
    "104": "Content instance terminated", "112": "Termination before initialization",
    "113": "Termination after termination", "122": "Retrieve data before initialization",
    "123": "Retrieve data after termination", "132": "Store data before initialization",
    "133": "Store data after termination", "142": "Commit before initialization",
    "143": "Commit after termination", "201": "Invalid argument error",
    "301": "Not initialized", "401": "Not implemented / undefined element",
    "403": "Element is read only", "404": "Element is write only",
  };
  // Read-only elements (1.2 RTE 3.4; 2004 RTE 4.2) and the write-only ones of 1.2.
  const READ_ONLY = /^(cmi\.core\.(student_id|student_name|credit|entry|total_time|lesson_mode)|cmi\.launch_data|cmi\.student_data\..*|cmi\.(learner_id|learner_name|credit|entry|mode|total_time|launch_data|completion_threshold|scaled_passing_score|time_limit_action|max_time_allowed)|.*\._(children|count|version))$/;
  const WRITE_ONLY = /^(cmi\.core\.(exit|session_time)|cmi\.(exit|session_time))$/;

  function count(prefix) {
    const indexes = new Set();
    for (const key of Object.keys(model)) {
      if (key.startsWith(prefix)) indexes.add(key.slice(prefix.length).split(".")[0]);
    }
    return String(indexes.size);
  }

  function getValue(element, dialect) {
    if (typeof element !== "string" || element === "") return fail(dialect === "2004" ? "301" : "201", "");
    if (element.endsWith("._count")) return ok(count(element.slice(0, -"_count".length)));
    if (element === "cmi._version") return ok("1.0");
    if (WRITE_ONLY.test(element)) return fail(dialect === "2004" ? "405" : "404", "");
    if (element in model) return ok(model[element]);
    return fail(dialect === "2004" ? "403" : "0", "");
  }

  function setValue(element, value, dialect) {
    if (typeof element !== "string" || !element.startsWith("cmi.") && !element.startsWith("adl.")) {
      return fail(dialect === "2004" ? "401" : "201", "false");
    }
    if (READ_ONLY.test(element)) return fail(dialect === "2004" ? "404" : "403", "false");
    model[element] = String(value);
    return ok("true");
  }

  function ok(result) { lastError = "0"; return result; }
  function fail(code, result) { lastError = code; return result; }

  // The functions of one API object; `codes` are the state errors of its standard.
  function makeApi(names, dialect, codes) {
    const api = {};
    const methods = {
      initialize(arg) {
        if (arg !== "") return fail("201", "false");
        if (phase === "running") return fail(codes.already, "false");
        if (phase === "ended") return fail(codes.terminated, "false");
        phase = "running";
        return ok("true");
      },
      terminate(arg) {
        if (arg !== "") return fail("201", "false");
        if (phase === "new") return fail(codes.endBefore, "false");
        if (phase === "ended") return fail(codes.endAfter, "false");
        phase = "ended";
        return ok("true");
      },
      getValue(element) {
        if (phase !== "running") return fail(phase === "new" ? codes.getBefore : codes.getAfter, "");
        return getValue(element, dialect);
      },
      setValue(element, value) {
        if (phase !== "running") return fail(phase === "new" ? codes.setBefore : codes.setAfter, "false");
        return setValue(element, value, dialect);
      },
      commit(arg) {
        if (arg !== "") return fail("201", "false");
        if (phase !== "running") return fail(phase === "new" ? codes.commitBefore : codes.commitAfter, "false");
        return ok("true");
      },
    };
    const wrap = (name, fn, recordError) => function (...args) {
      const result = fn(...args);
      window.lmsCalls.push({ name, args, result, error: recordError ? lastError : "0" });
      if (typeof window.onLmsCall === "function") window.onLmsCall();
      return result;
    };
    api[names[0]] = wrap(names[0], methods.initialize, true);
    api[names[1]] = wrap(names[1], methods.terminate, true);
    api[names[2]] = wrap(names[2], methods.getValue, true);
    api[names[3]] = wrap(names[3], methods.setValue, true);
    api[names[4]] = wrap(names[4], methods.commit, true);
    // Error functions never change the last error (1.2 RTE 3.3.3; 2004 RTE 3.1.4).
    const keep = (fn) => (...args) => { const saved = lastError; const r = fn(...args); lastError = saved; return r; };
    api[names[5]] = wrap(names[5], keep(() => lastError), false);
    api[names[6]] = wrap(names[6], keep((code) => MESSAGES[String(code)] || ""), false);
    api[names[7]] = wrap(names[7], keep((code) => MESSAGES[String(code || lastError)] || ""), false);
    return api;
  }

  const CODES_12 = { already: "101", terminated: "101", endBefore: "301", endAfter: "301",
    getBefore: "301", getAfter: "301", setBefore: "301", setAfter: "301",
    commitBefore: "301", commitAfter: "301" };
  const CODES_2004 = { already: "103", terminated: "104", endBefore: "112", endAfter: "113",
    getBefore: "122", getAfter: "123", setBefore: "132", setAfter: "133",
    commitBefore: "142", commitAfter: "143" };

  window.startLms = function (config) {
    window.lmsCalls = [];
    model = { ...config.data };
    phase = "new";
    lastError = "0";
    window.API = makeApi(["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue",
      "LMSCommit", "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"], "1.2", CODES_12);
    window.API_1484_11 = makeApi(["Initialize", "Terminate", "GetValue", "SetValue", "Commit",
      "GetLastError", "GetErrorString", "GetDiagnostic"], "2004", CODES_2004);
    return window.openCourse(config.launchUrl, config.newWindow);
  };

  window.lmsDataModel = function () {
    return { ...model };
  };
})();
