"""Learners playing packages: headless Chromium against scorm-again and the real test LRS, what
the LMS and LRS record, what the learner sees, and the player's JavaScript units."""
