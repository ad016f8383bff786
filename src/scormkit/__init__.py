"""scormkit: compile declarative course specs into e-learning packages any LMS can run."""
