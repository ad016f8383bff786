"use strict";
// Opening and closing the course as an LMS does, shared by every LMS page of scormkit (the
// preview, and the test pages over scormkit's LMS side or scorm-again). The course opens in an
// iframe named "course" (in #course-area, else the body) or, with newWindow, in a window of its
// own (SCORM 1.2 RTE 3.2: LMSs launch either way).

// Resolves once an iframe has loaded; at once for a window.
window.openCourse = function (launchUrl, newWindow) {
  if (newWindow) {
    window.courseWindow = window.open(launchUrl, "course");
    return Promise.resolve();
  }
  const old = document.getElementById("course");
  if (old) old.remove();
  const frame = document.createElement("iframe");
  frame.id = "course";
  frame.name = "course";
  frame.title = "Course";
  const loaded = new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
  frame.src = launchUrl;
  (document.getElementById("course-area") || document.body).append(frame);
  return loaded;
};

// The learner closes the course: its window goes away, so the course gets pagehide/unload.
window.closeCourse = function () {
  if (window.courseWindow) {
    window.courseWindow.close();
  } else {
    const frame = document.getElementById("course");
    if (frame) frame.src = "about:blank";
  }
};
