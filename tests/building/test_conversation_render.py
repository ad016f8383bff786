"""The launch page's conversation look and certificate, as rendered: avatars with initials and
a mood cue, badge icons or the author's badge pictures, the certificate only when asked for."""

from __future__ import annotations

from typing import Any

import yaml
from paths import TESTS

from scormkit.plan import make_plan
from scormkit.render import render_course
from scormkit.spec import Course
from scormkit.targets import TARGETS

TIMED = TESTS / "specs" / "scenario-timer.yaml"


def page_of(spec: dict[str, Any], assets: dict[str, str] | None = None) -> str:
    plan = make_plan(Course.model_validate(spec), TARGETS["scorm12"])
    return render_course(plan, asset_hrefs=assets or {}).data.decode()


def timed(**scenario: Any) -> dict[str, Any]:
    spec = yaml.safe_load(TIMED.read_text(encoding="utf-8"))
    spec["modules"][0]["pages"][0]["activity"].update(scenario)
    return dict(spec)


BADGE = {
    "id": "quick",
    "title": "Quick",
    "description": "Helped fast.",
    "when": [{"of": "calm", "at_least": 1}],
}


def test_a_speaker_gets_an_avatar_of_initials_ringed_by_the_tone_of_their_mood() -> None:
    page = page_of(timed())
    # "A patient", impatient, then angry: both tense; the narrator's ending has no avatar.
    assert page.count('<span class="sk-avatar sk-tone-tense" aria-hidden="true">AP<svg') == 2
    assert page.count('class="sk-avatar') == 2


def test_a_badge_shows_the_players_icon_or_the_authors_picture() -> None:
    assert "<svg" in page_of(timed(badges=[BADGE])).split('data-badge="quick"')[1][:300]
    pictured = timed(badges=[{**BADGE, "image": "img/quick.png"}])
    page = page_of(pictured, {"img/quick.png": "assets/img/quick.png"})
    shelf = page.split('data-badge="quick"')[1][:300]
    assert '<img src="assets/img/quick.png" alt="">' in shelf and "<svg" not in shelf


def test_the_certificate_is_on_the_page_only_when_the_spec_asks_for_it() -> None:
    assert 'id="sk-certificate"' not in page_of(timed())
    page = page_of(
        {**timed(), "certificate": {"signer": "Dana Whitfield", "condition": "completed"}}
    )
    assert 'data-condition="completed"' in page
    assert "<strong>Dana Whitfield</strong>" in page
    assert "Certificate of completion" in page
