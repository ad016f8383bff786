"""Images and downloads named in Markdown, as the learner meets them in the player."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from paths import TESTS
from playwright.sync_api import expect

if TYPE_CHECKING:
    from collections.abc import Callable

    from scormkit.testing import LmsSession

SPEC = TESTS / "specs" / "text-links" / "course.yaml"


def test_a_markdown_image_shows_and_the_handout_and_resource_links_reach_their_files(
    lms: LmsSession, build_package: Callable[[Path], Path], tmp_path: Path
) -> None:
    frame = lms.launch(build_package(SPEC))
    page = frame.locator('section[data-page-id="plan"]')
    image = page.get_by_role("img", name="Floor plan of ward 3")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth") == 8
    downloads = page.locator(".sk-downloads")
    expect(downloads.get_by_role("heading", name="Downloads")).to_be_visible()
    expect(downloads.get_by_role("link")).to_have_text(["evacuation handout"])
    toggle = frame.locator("#sk-menu-toggle")
    if toggle.is_visible():  # narrow screens fold the menu away
        toggle.click()
    resource = frame.locator("#sk-menu").get_by_role("link", name="Shift rota (CSV)")
    expect(resource).to_be_visible()
    for link in (downloads.get_by_role("link").first, resource):
        href = str(link.get_attribute("href"))
        status = frame.evaluate("href => fetch(href).then(r => r.status)", href)
        assert status == 200, href
    for width in (320, 1280):
        frame.page.set_viewport_size({"width": width, "height": 900})
        frame.page.screenshot(path=str(tmp_path / f"text-links-{width}.png"), full_page=True)
    print(tmp_path)
