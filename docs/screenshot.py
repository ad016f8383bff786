"""Regenerate docs/screenshot.png: the flagship course's role-play, as a learner sees it.

Builds course_specs/healthcare-customer-service.yaml for SCORM 1.2, serves the unzipped package
on 127.0.0.1 (no LMS: the player runs untracked), opens the role-play page from the menu in
headless Chromium (/usr/bin/chromium) at 1024 x 640 and saves a PNG of the viewport.

Run:  python docs/screenshot.py
"""

from __future__ import annotations

import functools
import tempfile
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

import scormkit

ROOT = Path(__file__).resolve().parents[1]
FLAGSHIP = ROOT / "course_specs" / "healthcare-customer-service.yaml"
SHOT = ROOT / "docs" / "screenshot.png"
CHROMIUM = "/usr/bin/chromium"
PAGE = "rp-scenario"  # the page the screenshot shows


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Print nothing per request."""


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        package = scormkit.build(FLAGSHIP, target="scorm12", out_dir=Path(work) / "dist")
        folder = Path(work) / "package"
        with zipfile.ZipFile(package) as archive:
            archive.extractall(folder)
        handler = functools.partial(QuietHandler, directory=str(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM)
                page = browser.new_page(viewport={"width": 1024, "height": 640})
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
                page.locator(f'#sk-menu a[data-page="{PAGE}"]').click()
                page.locator(f'section[data-page-id="{PAGE}"]').wait_for(state="visible")
                page.screenshot(path=str(SHOT))
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    print(f"wrote {SHOT.relative_to(ROOT)} ({SHOT.stat().st_size / 1024:.1f} KB)")


if __name__ == "__main__":
    main()
