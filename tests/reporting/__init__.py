"""Closing the loop: statements from Python, observations, `scormkit report`, its xAPI Profile."""
