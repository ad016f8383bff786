// What the SCORM 1.2 and SCORM 2004 trackers share: finding the LMS's API object and calling
// it without ever letting an LMS error stop the course. The two standards name the object and
// its functions differently (1.2: API, LMSGetValue…; 2004: API_1484_11, GetValue…).

function apiIn(win, name, maxParents) {
  for (let level = 0, w = win; w && level <= maxParents; level++) {
    try {
      if (w[name]) return w[name];
    } catch {
      // A frame from another origin: its API is out of reach, its parent may not be.
    }
    if (!w.parent || w.parent === w) break;
    w = w.parent;
  }
  return null;
}

/** The LMS's object called `name`: up from `win` through its parents, then from its opener. */
export function findApiNamed(win, name, maxParents) {
  let opener = null;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return apiIn(win, name, maxParents) ?? (opener ? apiIn(opener, name, maxParents) : null);
}

/**
 * call/get/put/failed on the API `getApi()` returns, its functions named in `names` (getValue,
 * setValue, lastError, errorString); failures are logged as warnings, never thrown, and put
 * says whether the LMS took the value.
 */
export function scormCalls(getApi, names) {
  function call(name, ...args) {
    try {
      return String(getApi()[name](...args));
    } catch (error) {
      console.warn(`scormkit: ${name} threw`, error);
      return "";
    }
  }

  function failed(what) {
    const code = call(names.lastError);
    if (code !== "0" && code !== "") {
      console.warn(`scormkit: ${what} failed: ${code} ${call(names.errorString, code)}`);
      return true;
    }
    return false;
  }

  function get(element) {
    const value = call(names.getValue, element);
    return failed(`${names.getValue}("${element}")`) ? "" : value;
  }

  function put(element, text) {
    const ok = call(names.setValue, element, text) === "true";
    return !failed(`${names.setValue}("${element}")`) && ok;
  }

  return { call, failed, get, put };
}
