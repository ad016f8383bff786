"""Checking packages before upload: `scormkit check`, and real LMSs' own parsers."""
