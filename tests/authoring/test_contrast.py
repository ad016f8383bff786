"""Theme contrast, WCAG 2.1 AA: the ratios match WCAG's own figures and the default theme
passes every pair the player draws."""

from __future__ import annotations

import pytest

from scormkit.spec.contrast import contrast, contrast_message, weak_pairs
from scormkit.spec.models import Theme


@pytest.mark.parametrize(
    ("one", "two", "ratio"),
    [
        ((0, 0, 0), (255, 255, 255), 21.0),
        ((255, 255, 255), (255, 255, 255), 1.0),
        ((0x76, 0x76, 0x76), (255, 255, 255), 4.54),  # the lightest grey passing on white
        ((0x77, 0x77, 0x77), (255, 255, 255), 4.48),
    ],
)
def test_contrast_ratios_are_wcags(
    one: tuple[int, int, int], two: tuple[int, int, int], ratio: float
) -> None:
    assert round(contrast(one, two), 2) == ratio


def test_the_default_theme_passes_every_pair() -> None:
    theme = Theme()
    assert weak_pairs(theme.primary, theme.accent, theme.background, theme.text) == []


def test_text_that_passes_alone_can_fail_as_the_secondary_text_mixed_from_it() -> None:
    # #595959 on white is 7:1, but mixed 78% into white for captions it is 4.08:1.
    (pair,) = weak_pairs("#1d4f91", "#0b7a75", "#ffffff", "#595959")
    assert pair.field == "text"
    assert contrast_message(pair) == (
        "secondary text (text mixed 78% into background) on background #ffffff has contrast "
        "4.08:1; 4.5:1 is the least for text (WCAG 1.4.3)"
    )
