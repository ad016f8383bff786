"""The shapes every picture is made of: the palette, primitives, people and things.

Drawings (draw.py) compose these; nothing here knows which picture it ends up in.
"""

from __future__ import annotations

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
        "bald": "M-21 4q-1 -10 4 -14q0 8 3 14zM21 4q1 -10 -4 -14q0 8 -3 14z",
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
    standing: bool = False,
) -> Shape:
    """A figure from the waist up whose head is centred at x,y (head radius 20 at scale 1).

    A standing figure's body runs on past the picture's lower edge, so it never floats.
    """
    down = 150 if standing else 22
    body = (
        path(f"M-36 {48 + down}v-{down}q0 -20 22 -20h28q22 0 22 20v{down}z", top)
        + rect(-7, 14, 14, 16, skin, 4)
        + path("M-9 27l9 11 9 -11z", skin)
    )
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
