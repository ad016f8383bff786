"""Writing a course: loading and validating specs, banks, includes, translations, the proof."""
