"""Building packages: the CLI, each target's files and manifests, budgets, batches, LMS profiles."""
