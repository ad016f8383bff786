"""Draw the flagship's and the starter's illustrations as small, flat SVG files.

Run `python course_specs/art/draw.py` after changing a drawing; tests/test_art.py checks that
the committed files are what this script draws. Every picture uses the palette below, whole
numbers and no text, fonts or outside references, so each stays a few kilobytes and looks the
same in every browser. Scenes are 480x270, portraits 120x120.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLAGSHIP_DIR = HERE.parent / "img"
STARTER_DIR = HERE.parent.parent / "src" / "scormkit" / "starter" / "img"

# The palette: the theme's blue and teal, two warm accents and neutrals.
INK = "#23395b"
BLUE = "#1d4f91"
TEAL = "#0b7a75"
MINT = "#cfe9e4"
SKY = "#dbe8f6"
SAND = "#f5ecdc"
WOOD = "#c98b54"
CORAL = "#e07a5f"
SUN = "#f2c14e"
WHITE = "#fff"
GREY = "#c9d3df"
SLATE = "#7b8a9c"
SKINS = {"deep": "#8d5524", "brown": "#b9773e", "tan": "#e0ac69", "light": "#f6d2ad"}
HAIRS = {"black": "#26211e", "grey": "#9aa5b1", "brown": "#6b3e26", "auburn": "#a0522d"}

Shape = str


def svg(width: int, height: int, *shapes: Shape) -> str:
    """A standalone SVG document; the page's <img alt> names it, so it carries no text."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
        + "".join(shapes)
        + "</svg>\n"
    )


def rect(x: int, y: int, w: int, h: int, fill: str, r: int = 0) -> Shape:
    rounded = f' rx="{r}"' if r else ""
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}"{rounded} fill="{fill}"/>'


def circle(x: int, y: int, r: int, fill: str) -> Shape:
    return f'<circle cx="{x}" cy="{y}" r="{r}" fill="{fill}"/>'


def path(d: str, fill: str) -> Shape:
    return f'<path d="{d}" fill="{fill}"/>'


def line(d: str, colour: str, width: int = 3) -> Shape:
    return (
        f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )


def group(x: int, y: int, *shapes: Shape, scale: float = 1) -> Shape:
    zoom = f" scale({scale:g})" if scale != 1 else ""
    return f'<g transform="translate({x} {y}){zoom}">' + "".join(shapes) + "</g>"


def bars(x: int, y: int, widths: list[int], colour: str, gap: int = 10, h: int = 5) -> Shape:
    """Lines of text drawn as rounded bars, so no font is needed."""
    return "".join(rect(x, y + i * gap, w, h, colour, 2) for i, w in enumerate(widths))


# ---------------------------------------------------------------- people


def face(mood: str) -> Shape:
    """Eyes, brows and mouth on a head of radius 20 centred on 0,0."""
    brows = {
        "calm": "M-12 -7h7M5 -7h7",
        "worried": "M-12 -6l7 -3M5 -9l7 3",
        "angry": "M-12 -10l7 4M5 -6l7 -4",
        "relieved": "M-12 -8q4 -3 7 0M5 -8q4 -3 7 0",
    }[mood]
    mouth = {
        "calm": "M-6 9q6 4 12 0",
        "worried": "M-6 11q6 -4 12 0",
        "angry": "M-7 12q7 -6 14 0",
        "relieved": "M-8 8q8 8 16 0",
    }[mood]
    eyes = (
        line("M-11 -1q3 -3 6 0M5 -1q3 -3 6 0", INK, 2)
        if mood == "relieved"
        else circle(-8, -1, 2, INK) + circle(8, -1, 2, INK)
    )
    return line(brows, INK, 2) + eyes + line(mouth, INK, 2)


def hair(style: str, colour: str) -> Shape:
    shapes = {
        "short": "M-21 -4q-2 -22 21 -22q23 0 21 22q-4 -12 -21 -12q-17 0 -21 12z",
        "bun": "M-21 -2q-2 -24 21 -24q23 0 21 24q-8 -14 -21 -14q-13 0 -21 14z",
        "long": "M-22 24q-6 -50 22 -50q28 0 22 50h-8q2 -30 -14 -41q-16 11 -14 41z",
        "bald": "M-21 -2q0 -6 3 -10l4 6zM21 -2q0 -6 -3 -10l-4 6z",
    }
    extra = circle(0, -27, 8, colour) if style == "bun" else ""
    return extra + path(shapes[style], colour)


def person(
    x: int,
    y: int,
    *,
    skin: str,
    hair_style: str,
    hair_colour: str,
    top: str,
    mood: str = "calm",
    scale: float = 1,
) -> Shape:
    """A figure from the waist up whose head is centred at x,y (head radius 20 at scale 1)."""
    body = path("M-34 70q0 -42 34 -42q34 0 34 42z", top) + rect(-7, 14, 14, 16, skin, 4)
    head = circle(0, 0, 20, skin) + circle(-20, 2, 4, skin) + circle(20, 2, 4, skin)
    return group(x, y, body, head, hair(hair_style, hair_colour), face(mood), scale=scale)


# Who appears in the pictures: each look used in more than one picture is named once.
OKAFOR = {"skin": SKINS["deep"], "hair_style": "short", "hair_colour": HAIRS["grey"], "top": BLUE}
KIM = {"skin": SKINS["light"], "hair_style": "bun", "hair_colour": HAIRS["black"], "top": TEAL}
DESK = {"skin": SKINS["tan"], "hair_style": "long", "hair_colour": HAIRS["brown"], "top": TEAL}
GUIDE = {"skin": SKINS["brown"], "hair_style": "long", "hair_colour": HAIRS["black"], "top": CORAL}
SUPERVISOR = {"skin": SKINS["light"], "hair_style": "short", "hair_colour": HAIRS["auburn"]}


def portrait(look: dict[str, str], mood: str) -> str:
    """A head-and-shoulders portrait on a round background whose colour follows the mood."""
    backdrop = {"calm": SKY, "worried": SAND, "angry": "#f6d5cc", "relieved": MINT}[mood]
    return svg(
        120,
        120,
        circle(60, 60, 60, backdrop),
        '<clipPath id="c"><circle cx="60" cy="60" r="60"/></clipPath><g clip-path="url(#c)">',
        person(60, 52, **look, mood=mood, scale=1.6),
        "</g>",
    )


# ---------------------------------------------------------------- things


def monitor(x: int, y: int, screen: str = SKY) -> Shape:
    return group(
        x,
        y,
        rect(0, 0, 64, 42, INK, 4),
        rect(4, 4, 56, 34, screen, 2),
        rect(28, 42, 8, 10, INK),
        rect(18, 50, 28, 4, INK, 2),
    )


def plant(x: int, y: int) -> Shape:
    leaves = path("M12 0q-22 -10 -10 -40q10 18 10 40zM12 0q20 -14 14 -44q-16 16 -14 44z", TEAL)
    return group(x, y, leaves, path("M0 0h24l-4 26h-16z", CORAL))


def clinic_sign(x: int, y: int) -> Shape:
    return group(
        x,
        y,
        circle(0, 0, 22, TEAL),
        rect(-5, -14, 10, 28, WHITE, 2),
        rect(-14, -5, 28, 10, WHITE, 2),
    )


def clock(x: int, y: int) -> Shape:
    return group(
        x,
        y,
        circle(0, 0, 16, WHITE),
        line("M0 -9v9l6 4", INK, 2),
        f'<circle r="16" fill="none" stroke="{INK}" stroke-width="3"/>',
    )


def star(x: int, y: int, fill: str) -> Shape:
    return group(x, y, path("M0 -10l3 7h8l-6 5 2 8-7-4-7 4 2-8-6-5h8z", fill))


def speech(x: int, y: int, w: int, h: int, fill: str, tail_left: bool = True) -> Shape:
    tail = f"M{14 if tail_left else w - 14} {h}l-6 12 16-12z"
    return group(x, y, rect(0, 0, w, h, fill, 12), path(tail, fill))


def room(wall: str = SAND, floor: str = GREY) -> Shape:
    return rect(0, 0, 480, 270, wall) + rect(0, 214, 480, 56, floor)


def counter(x: int, w: int, front: str = BLUE) -> Shape:
    return rect(x, 168, w, 12, WOOD, 3) + rect(x + 6, 180, w - 12, 90, front)


def chair(x: int) -> Shape:
    return group(
        x,
        170,
        rect(0, 0, 44, 40, SLATE, 6),
        rect(-4, 36, 52, 10, SLATE, 4),
        rect(2, 46, 5, 26, INK),
        rect(37, 46, 5, 26, INK),
    )


def document(x: int, y: int, w: int, h: int, lines: list[int], accent: str = BLUE) -> Shape:
    return group(
        x,
        y,
        rect(0, 0, w, h, WHITE, 4),
        rect(10, 10, w // 2, 7, accent, 3),
        bars(10, 28, lines, GREY, 12, 6),
    )


# ---------------------------------------------------------------- scenes


def reception() -> str:
    return svg(
        480,
        270,
        room(),
        clinic_sign(240, 56),
        plant(410, 188),
        rect(30, 40, 110, 70, SKY, 6),
        line("M85 40v70M30 75h110", WHITE, 4),
        person(300, 118, **DESK),
        counter(200, 200),
        monitor(212, 116),
        person(120, 140, **OKAFOR, mood="worried", scale=1.1),
    )


def phone_call() -> str:
    handset = path("M0 0q-10 22 0 44l8 -2q-2 -20 0 -40z", INK)
    cord = line("M4 44q10 20 -6 30q-14 10 0 22", INK, 2)
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, SKY),
        rect(0, 200, 480, 70, GREY),
        person(150, 100, **DESK, scale=1.3),
        group(172, 86, handset, cord),
        counter(40, 240, TEAL),
        monitor(56, 116),
        speech(250, 40, 180, 70, WHITE),
        bars(270, 60, [140, 110, 60], SLATE, 12, 6),
        speech(300, 126, 80, 40, SUN, tail_left=False),
        circle(322, 146, 4, INK),
        circle(340, 146, 4, INK),
        circle(358, 146, 4, INK),
    )


def waiting_room() -> str:
    return svg(
        480,
        270,
        room(MINT),
        clock(240, 50),
        rect(380, 70, 70, 144, BLUE, 4),
        circle(438, 146, 4, SUN),
        plant(24, 188),
        chair(80),
        chair(150),
        chair(220),
        chair(290),
        person(102, 134, **OKAFOR, mood="worried", scale=0.9),
        person(
            242,
            134,
            skin=SKINS["light"],
            hair_style="long",
            hair_colour=HAIRS["auburn"],
            top=SUN,
            scale=0.9,
        ),
        person(
            312, 134, skin=SKINS["tan"], hair_style="bald", hair_colour=INK, top=CORAL, scale=0.9
        ),
        rect(84, 96, 150, 10, WHITE, 5),
        rect(84, 96, 60, 10, TEAL, 5),
    )


def billing() -> str:
    coins = "".join(rect(380, 200 - i * 9, 50, 9, SUN if i % 2 else "#e2ab2f", 4) for i in range(5))
    return svg(
        480,
        270,
        room(SKY),
        rect(150, 30, 180, 120, WHITE, 6),
        rect(150, 30, 180, 18, BLUE, 6),
        person(240, 110, **KIM),
        counter(120, 240, INK),
        document(40, 90, 90, 120, [60, 70, 50, 70, 40], CORAL),
        rect(50, 186, 70, 12, TEAL, 4),
        coins,
        circle(405, 130, 24, SUN),
        circle(405, 130, 16, "#e2ab2f"),
        rect(399, 122, 12, 16, SUN, 3),
    )


def phishing() -> str:
    hook = line("M0 0v34q0 14 -12 14q-12 0 -12 -12l6 4", INK, 4)
    warn = path("M0 -18l18 32h-36z", CORAL) + rect(-2, -8, 4, 12, WHITE) + rect(-2, 8, 4, 4, WHITE)
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, INK),
        rect(60, 20, 360, 220, GREY, 10),
        rect(72, 32, 336, 196, WHITE, 4),
        rect(72, 32, 336, 22, BLUE, 4),
        circle(84, 43, 4, CORAL),
        circle(98, 43, 4, SUN),
        circle(112, 43, 4, MINT),
        circle(104, 82, 14, CORAL),
        bars(128, 74, [120, 80], SLATE, 12, 6),
        bars(92, 112, [260, 240, 200], GREY, 14, 6),
        rect(92, 160, 120, 26, CORAL, 6),
        rect(104, 170, 96, 6, WHITE, 3),
        group(360, 170, warn, scale=1.4),
        group(300, 60, hook),
        rect(200, 240, 80, 16, GREY),
        rect(170, 254, 140, 8, GREY, 4),
    )


def observing() -> str:
    clipboard = group(
        0,
        0,
        rect(0, 0, 40, 52, WOOD, 4),
        rect(5, 8, 30, 40, WHITE, 2),
        rect(12, -3, 16, 8, INK, 3),
        line("M10 20l3 3 6 -7M10 34l3 3 6 -7", TEAL, 2),
        rect(22, 19, 9, 3, GREY),
        rect(22, 33, 9, 3, GREY),
    )
    return svg(
        480,
        270,
        room(),
        clinic_sign(60, 56),
        person(180, 118, **DESK),
        counter(80, 200),
        monitor(96, 116),
        person(370, 96, **SUPERVISOR, top=INK, scale=1.2),
        group(388, 150, clipboard),
        speech(300, 20, 46, 30, WHITE),
        line("M312 35l6 6 12 -12", TEAL, 4),
    )


def survey_card() -> str:
    faces = "".join(
        group(150 + i * 45, 176, circle(0, 0, 16, colour), face(mood), scale=0.8)
        for i, (colour, mood) in enumerate(
            [
                (CORAL, "angry"),
                (SAND, "worried"),
                (SKY, "calm"),
                (MINT, "relieved"),
                (SUN, "relieved"),
            ]
        )
    )
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, MINT),
        rect(120, 24, 240, 230, INK, 18),
        rect(132, 40, 216, 196, WHITE, 6),
        rect(150, 58, 120, 9, BLUE, 4),
        bars(150, 78, [180, 150], GREY, 12, 6),
        "".join(star(170 + i * 35, 128, SUN if i < 4 else GREY) for i in range(5)),
        faces,
        rect(222, 230, 36, 4, GREY, 2),
    )


def coaching() -> str:
    board = group(
        150,
        24,
        rect(0, 0, 180, 110, WHITE, 6),
        rect(-4, -4, 188, 8, SLATE, 3),
        rect(20, 70, 24, 26, TEAL),
        rect(56, 50, 24, 46, BLUE),
        rect(92, 34, 24, 62, CORAL),
        rect(128, 16, 24, 80, SUN),
    )
    return svg(
        480,
        270,
        room(SKY),
        board,
        person(110, 140, **GUIDE, mood="relieved"),
        person(370, 140, **DESK, mood="calm"),
        speech(40, 60, 56, 36, SUN),
        line("M56 78h24", INK, 3),
    )


def calendar() -> str:
    cells = "".join(
        rect(196 + (i % 5) * 50, 76 + (i // 5) * 42, 42, 34, TEAL if i in (1, 8, 13) else SKY, 4)
        for i in range(15)
    )
    slots = "".join(
        bars(202 + (i % 5) * 50, 86 + (i // 5) * 42, [28, 20], WHITE, 9, 4) for i in (1, 8, 13)
    )
    return svg(
        480,
        270,
        room(MINT),
        rect(184, 30, 266, 176, WHITE, 10),
        rect(184, 30, 266, 34, CORAL, 10),
        rect(184, 54, 266, 10, CORAL),
        cells,
        slots,
        clock(420, 232),
        person(100, 120, **DESK, mood="relieved", scale=1.2),
    )


# ---------------------------------------------------------------- module cards and cover


def card_touchpoints() -> str:
    icons = [
        (80, CORAL, rect(-10, -14, 20, 28, WHITE, 4) + rect(-4, 8, 8, 3, CORAL)),
        (190, SUN, rect(-11, -14, 22, 28, WHITE, 3) + bars(-6, -8, [12, 12, 8], SLATE, 7, 3)),
        (300, TEAL, rect(-12, -12, 24, 24, WHITE, 3) + rect(-12, -12, 24, 7, CORAL, 3)),
        (410, MINT, rect(-10, -14, 20, 28, WHITE, 2) + circle(0, 2, 6, SUN)),
    ]
    dots = line("M80 150C130 60 240 240 300 150S390 90 410 150", WHITE, 4).replace(
        "/>", ' stroke-dasharray="2 10"/>'
    )
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, BLUE),
        dots,
        "".join(group(x, 150, circle(0, 0, 34, c), icon) for x, c, icon in icons),
        group(
            240, 60, path("M0 12l-18 -18a10 10 0 0 1 18 -10a10 10 0 0 1 18 10z", CORAL), scale=1.8
        ),
    )


def card_choice() -> str:
    building = rect(0, 0, 110, 90, WHITE, 4) + rect(40, 50, 30, 40, BLUE) + clinic_sign(55, 24)
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, SUN),
        rect(0, 220, 480, 50, SAND),
        group(30, 130, building),
        group(340, 130, building),
        rect(180, 40, 120, 210, INK, 16),
        rect(190, 56, 100, 170, WHITE, 4),
        "".join(star(206 + i * 17, 80, SUN if i < 2 else GREY) for i in range(5)),
        bars(200, 98, [80, 60], GREY, 10, 5),
        "".join(star(206 + i * 17, 150, SUN) for i in range(5)),
        bars(200, 168, [80, 70, 40], GREY, 10, 5),
    )


def card_observe() -> str:
    glass = group(
        310,
        130,
        f'<circle r="44" fill="{SKY}" stroke="{INK}" stroke-width="10"/>',
        line("M32 32l40 40", INK, 14),
        face("relieved"),
    )
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, MINT),
        rect(90, 40, 150, 200, WOOD, 10),
        rect(104, 62, 122, 166, WHITE, 4),
        rect(135, 30, 60, 22, INK, 6),
        line("M118 92l8 8 14 -16M118 140l8 8 14 -16M118 188l8 8 14 -16", TEAL, 4),
        bars(152, 90, [60, 50], GREY, 12, 6),
        bars(152, 138, [60, 40], GREY, 12, 6),
        bars(152, 186, [60, 54], GREY, 12, 6),
        glass,
    )


def card_training() -> str:
    calendar = group(
        60,
        50,
        rect(0, 0, 150, 160, WHITE, 10),
        rect(0, 0, 150, 36, CORAL, 10),
        rect(0, 26, 150, 10, CORAL),
        "".join(
            rect(14 + (i % 4) * 32, 50 + (i // 4) * 34, 24, 24, TEAL if i == 6 else SKY, 4)
            for i in range(12)
        ),
    )
    coins = "".join(
        rect(280, 200 - i * 14, 90, 14, SUN if i % 2 else "#e2ab2f", 7) for i in range(6)
    )
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, SKY),
        rect(0, 228, 480, 42, GREY),
        calendar,
        coins,
        line("M260 120l50 -40 30 20 60 -60", TEAL, 8),
        path("M388 36l26 -6 -6 26z", TEAL),
    )


def card_privacy() -> str:
    shield = path("M0 -90l76 28q0 110 -76 150q-76 -40 -76 -150z", TEAL)
    lock = (
        rect(-30, -10, 60, 50, SUN, 8)
        + line("M-18 -10v-14q0 -18 18 -18q18 0 18 18v14", SUN, 10)
        + circle(0, 12, 7, INK)
    )
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, INK),
        "".join(rect(30 + (i % 6) * 72, 30 + (i // 6) * 60, 40, 6, BLUE, 3) for i in range(24)),
        group(240, 140, shield, lock),
    )


def card_roleplay() -> str:
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, SAND),
        group(60, 50, circle(60, 60, 60, SKY), person(60, 52, **OKAFOR, mood="worried", scale=1.6)),
        speech(190, 40, 110, 54, WHITE),
        bars(206, 56, [76, 50], GREY, 12, 6),
        speech(220, 150, 110, 54, TEAL, tail_left=False),
        bars(236, 166, [76, 60], WHITE, 12, 6),
        group(320, 110, circle(60, 60, 60, MINT), person(60, 52, **DESK, mood="calm", scale=1.6)),
    )


def cover() -> str:
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, BLUE),
        rect(0, 210, 480, 60, INK),
        circle(410, 50, 80, TEAL),
        clinic_sign(410, 50),
        plant(26, 186),
        person(300, 98, **DESK, mood="relieved", scale=1.3),
        counter(190, 240, TEAL),
        monitor(204, 116),
        person(120, 112, **OKAFOR, mood="relieved", scale=1.45),
        speech(356, 96, 60, 36, WHITE, tail_left=True),
        path("M386 124l-10 -10a6 6 0 0 1 10 -6a6 6 0 0 1 10 6z", CORAL),
    )


def starter_welcome() -> str:
    return svg(
        480,
        270,
        rect(0, 0, 480, 270, MINT),
        rect(0, 220, 480, 50, GREY),
        rect(170, 60, 200, 130, INK, 8),
        rect(180, 70, 180, 110, WHITE, 4),
        rect(196, 86, 90, 10, BLUE, 5),
        bars(196, 106, [140, 120, 80], GREY, 14, 6),
        rect(150, 190, 240, 12, SLATE, 6),
        person(90, 140, **GUIDE, mood="relieved"),
        speech(20, 40, 70, 40, SUN),
        line("M38 60h34", INK, 3),
    )


# ---------------------------------------------------------------- the files

Drawing = Callable[[], str]


def flagship_files() -> dict[str, str]:
    """File name -> SVG text of every picture the flagship uses."""
    files = {
        "cover.svg": cover(),
        "reception.svg": reception(),
        "phone-call.svg": phone_call(),
        "waiting-room.svg": waiting_room(),
        "billing.svg": billing(),
        "phishing.svg": phishing(),
        "observing.svg": observing(),
        "survey.svg": survey_card(),
        "coaching.svg": coaching(),
        "calendar.svg": calendar(),
        "module-touchpoints.svg": card_touchpoints(),
        "module-choice.svg": card_choice(),
        "module-observe.svg": card_observe(),
        "module-training.svg": card_training(),
        "module-privacy.svg": card_privacy(),
        "module-roleplay.svg": card_roleplay(),
    }
    for name, look in (("okafor", OKAFOR), ("kim", KIM)):
        for mood in ("calm", "worried", "angry", "relieved"):
            files[f"{name}-{mood}.svg"] = portrait(look, mood)
    return files


def starter_files() -> dict[str, str]:
    """File name -> SVG text of every picture the `scormkit init` starter uses."""
    return {
        "welcome.svg": starter_welcome(),
        "guide-calm.svg": portrait(GUIDE, "calm"),
        "guide-relieved.svg": portrait(GUIDE, "relieved"),
    }


def write_all() -> None:
    for folder, files in ((FLAGSHIP_DIR, flagship_files()), (STARTER_DIR, starter_files())):
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8", newline="\n")
            print(f"{folder.name}/{name}: {len(text.encode())} bytes", file=sys.stderr)


if __name__ == "__main__":
    write_all()
