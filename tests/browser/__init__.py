"""Browser tests: packages played in headless Chromium against scorm-again, a real LMS runtime."""
