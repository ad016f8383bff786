"""Benchmark: what the player weighs and how fast it shows the first page.

Builds the flagship course for SCORM 1.2 and prints the JS + CSS the package ships, raw and
gzipped (target: at most 28 KB gzipped with the redesigned look), then the time from navigation
start to the first frame painted with a page shown (the page's own clock), in headless Chromium
(/usr/bin/chromium, without an LMS), served from 127.0.0.1; median of 7 fresh loads.

Run:  python benchmarks/runtime_weight.py
"""

from __future__ import annotations

import functools
import gzip
import os
import statistics
import sys
import tempfile
import threading
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


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser context closed mid-reply (a prefetch cut short) is no error of ours."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def weight(package: Path) -> None:
    raw = packed = 0
    with zipfile.ZipFile(package) as archive:
        for name in sorted(archive.namelist()):
            if name.endswith((".js", ".css")):
                data = archive.read(name)
                raw += len(data)
                packed += len(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"player JS + CSS: {raw / 1024:.1f} KB raw, {packed / 1024:.1f} KB gzipped (target 28)")


# Set before the page's own scripts: the time, on the page's clock (0 = navigation start), of
# the first frame painted after a page section is shown.
SHOWN = """
new MutationObserver((_, observer) => {
  if (!document.querySelector("section[data-page-id]:not([hidden])")) return;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => { window.skShown = performance.now(); }));
}).observe(document, {
  subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"],
});
"""


def first_page_ms(*folders: Path, loads: int = LOADS) -> list[list[float]]:
    """Per folder, `loads` times from navigation start to the first page painted, in fresh
    browser contexts; the folders take turns, so a busy moment of the machine falls on each."""
    root = Path(os.path.commonpath([str(f) for f in folders])) if len(folders) > 1 else folders[0]
    handler = functools.partial(QuietHandler, directory=str(root))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [
        f"{base}/{f.relative_to(root).as_posix()}/index.html".replace("/./", "/") for f in folders
    ]
    times: list[list[float]] = [[] for _ in folders]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for _ in range(loads):
                for url, found in zip(urls, times, strict=True):
                    context = browser.new_context()
                    context.add_init_script(SHOWN)
                    page = context.new_page()
                    page.goto(url, wait_until="commit")
                    page.wait_for_function("window.skShown !== undefined")
                    found.append(page.evaluate("window.skShown"))
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
        (times,) = first_page_ms(unpacked)
    print(
        f"launch to first page shown: median {statistics.median(times):.0f} ms "
        f"(min {min(times):.0f}, max {max(times):.0f}, {LOADS} loads)"
    )


if __name__ == "__main__":
    main()
