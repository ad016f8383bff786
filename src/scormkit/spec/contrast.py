"""WCAG 2.1 contrast of the theme's colours, as the player pairs them (runtime/player.css).

The player draws every colour from the theme's four (primary, accent, background, text), some
mixed with the background the way CSS `color-mix(in srgb, ...)` mixes them; a pair under the
WCAG AA minimum (SC 1.4.3: 4.5:1 for text; SC 1.4.11: 3:1 for controls and progress) is a spec
problem, reported on the theme colour to change.
"""

from __future__ import annotations

import math
from typing import NamedTuple

Rgb = tuple[float, float, float]
WHITE = "#ffffff"


class Pair(NamedTuple):
    field: str  # theme field to change
    foreground: str  # what is drawn, in words
    background: str
    minimum: float
    ratio: float


def _rgb(colour: str) -> Rgb:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _mix(colour: str, share: float, other: str) -> Rgb:
    """`share` of `colour` in `other`, as CSS color-mix(in srgb, ...) makes it."""
    a, b = _rgb(colour), _rgb(other)
    return (
        a[0] * share + b[0] * (1 - share),
        a[1] * share + b[1] * (1 - share),
        a[2] * share + b[2] * (1 - share),
    )


def _luminance(rgb: Rgb) -> float:
    """Relative luminance, WCAG 2.1 definition."""

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: Rgb, two: Rgb) -> float:
    """Contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def weak_pairs(primary: str, accent: str, background: str, text: str) -> list[Pair]:
    """Every pair of colours the player draws that is under its WCAG AA minimum."""
    bg = _rgb(background)
    soft = _mix(primary, 0.06, background)
    tint = _mix(primary, 0.12, background)
    muted = _mix(text, 0.78, background)
    pairs = [
        ("text", f"text {text}", "background", _rgb(text), bg, 4.5),
        ("text", f"text {text}", "tinted panels", _rgb(text), soft, 4.5),
        ("text", "secondary text (text mixed 78% into background)", "background", muted, bg, 4.5),
        ("primary", f"headings and links {primary}", "background", _rgb(primary), bg, 4.5),
        ("primary", f"links {primary}", "the menu's tint", _rgb(primary), tint, 4.5),
        ("primary", f"labels {WHITE}", f"buttons {primary}", _rgb(WHITE), _rgb(primary), 4.5),
        ("accent", f"progress bars and focus rings {accent}", "background", _rgb(accent), bg, 3.0),
    ]
    weak = []
    for field, fore, back, one, two, minimum in pairs:
        ratio = contrast(one, two)
        if ratio < minimum:
            where = f"background {background}" if back == "background" else back
            weak.append(Pair(field, fore, where, minimum, ratio))
    return weak


def contrast_message(pair: Pair) -> str:
    """What is wrong with `pair`, in words, with its ratio (rounded down, never up)."""
    ratio = math.floor(pair.ratio * 100) / 100
    need = "text (WCAG 1.4.3)" if pair.minimum > 3 else "controls (WCAG 1.4.11)"
    return (
        f"{pair.foreground} on {pair.background} has contrast {ratio:.2f}:1; "
        f"{pair.minimum:g}:1 is the least for {need}"
    )
