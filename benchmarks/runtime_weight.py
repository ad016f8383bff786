"""Benchmark: what the player weighs and how fast it shows the first page.

Builds the flagship course for SCORM 1.2 and prints the JS + CSS the package ships, raw and
gzipped (target: at most 28 KB gzipped with the redesigned look), then the time from starting
to load the launch page to the first page being shown, in headless Chromium
(/usr/bin/chromium, without an LMS), served from 127.0.0.1; median of 7 fresh loads.

Run:  python benchmarks/runtime_weight.py
"""

from __future__ import annotations

import functools
import gzip
import statistics
import tempfile
import threading
import time
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

import scormkit

ROOT = Path(__file__).resolve().parents[1]
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
CHROMIUM = "/usr/bin/chromium"
LOADS = 7


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the figures readable."""


def weight(package: Path) -> None:
    raw = packed = 0
    with zipfile.ZipFile(package) as archive:
        for name in sorted(archive.namelist()):
            if name.endswith((".js", ".css")):
                data = archive.read(name)
                raw += len(data)
                packed += len(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"player JS + CSS: {raw / 1024:.1f} KB raw, {packed / 1024:.1f} KB gzipped (target 28)")


def first_page_ms(folder: Path) -> list[float]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    times = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for _ in range(LOADS):
                context = browser.new_context()
                page = context.new_page()
                started = time.perf_counter()
                page.goto(url, wait_until="commit")
                page.wait_for_selector("section[data-page-id]:not([hidden])")
                times.append((time.perf_counter() - started) * 1000)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        package = scormkit.build(FLAGSHIP, "scorm12", Path(tmp))
        weight(package)
        unpacked = Path(tmp) / "unpacked"
        with zipfile.ZipFile(package) as archive:
            archive.extractall(unpacked)
        times = first_page_ms(unpacked)
    print(
        f"launch to first page shown: median {statistics.median(times):.0f} ms "
        f"(min {min(times):.0f}, max {max(times):.0f}, {LOADS} loads)"
    )


if __name__ == "__main__":
    main()
