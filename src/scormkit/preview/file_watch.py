"""Polling files for changes: no dependency, works on every file system."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.3
MAX_FILES = 5_000  # a spec folder larger than this is a mistake (a home folder?): stop there


class Watch:
    """Calls `changed()` from a thread whenever a file under `paths()` changes, until `stop()`."""

    def __init__(self, paths: Callable[[], list[Path]], changed: Callable[[], None]) -> None:
        self._paths = paths
        self._changed = changed
        self._stopping = threading.Event()
        self._last = self._snapshot()
        self._thread = threading.Thread(target=self._run, name="preview-watch", daemon=True)
        self._thread.start()

    def _snapshot(self) -> dict[Path, int]:
        seen: dict[Path, int] = {}
        for path in self._paths():
            files = [path] if path.is_file() else sorted(path.rglob("*"))
            for file in files:
                if len(seen) >= MAX_FILES:
                    return seen
                if any(part.startswith(".") for part in file.parts[-2:]):
                    continue
                try:
                    seen[file] = file.stat().st_mtime_ns
                except OSError:
                    continue
        return seen

    def _run(self) -> None:
        while not self._stopping.wait(POLL_SECONDS):
            try:
                now = self._snapshot()
                if now != self._last:
                    self._last = now
                    self._changed()
            except Exception as exc:  # a folder changing under the walk: keep watching
                print(f"scormkit watch: {exc!r}; still watching", file=sys.stderr)

    def stop(self) -> None:
        """Stop polling and wait for the thread."""
        self._stopping.set()
        self._thread.join()
