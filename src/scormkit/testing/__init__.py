"""Learner-path tests for course authors: play a course in headless Chromium, read the LMS.

    from scormkit.testing import CoursePlayer

    with CoursePlayer() as player:
        run = player.launch("course.yaml")
        run.open(2)
        run.answer("q1", "b")
        saved = run.close()
        run = player.launch("course.yaml", saved=saved)   # relaunch: the course resumes

Needs the playwright package (pip install 'scormkit[testing]') and Chromium on the machine.
"""

from __future__ import annotations

from scormkit.testing.lms_session import ApiCall, LmsSession, TestLms
from scormkit.testing.player import CoursePlayer, CourseRun, chromium_path, launch_chromium

__all__ = [
    "ApiCall",
    "CoursePlayer",
    "CourseRun",
    "LmsSession",
    "TestLms",
    "chromium_path",
    "launch_chromium",
]
