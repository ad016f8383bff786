"""Draw the flagship's and the starter's illustrations as small, flat SVG files.

Run `python course_specs/art/draw.py` after changing a drawing; tests/authoring/test_art.py checks that
the committed files are what this script draws. Every picture uses the palette of shapes.py,
whole numbers and no text, fonts or outside references, so each stays a few kilobytes and
looks the same in every browser. Scenes are 480x270, portraits 120x120.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder is on sys.path (tests/authoring/test_art.py puts it there too).
from scenes import (
    billing,
    calendar,
    coaching,
    observing,
    phishing,
    phone_call,
    reception,
    survey_card,
    waiting_room,
)
from shapes import (
    BLUE,
    CORAL,
    DESK,
    GREY,
    GUIDE,
    INK,
    KIM,
    MINT,
    OKAFOR,
    SAND,
    SKY,
    SLATE,
    SUN,
    TEAL,
    WHITE,
    WOOD,
    bars,
    circle,
    clinic_sign,
    counter,
    face,
    group,
    line,
    monitor,
    path,
    person,
    plant,
    portrait,
    rect,
    speech,
    star,
    svg,
)

HERE = Path(__file__).resolve().parent
FLAGSHIP_DIR = HERE.parent / "img"
STARTER_DIR = HERE.parent.parent / "src" / "scormkit" / "starter" / "img"

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
        rect(0, 0, 480, 270, SKY),
        rect(0, 210, 480, 60, GREY),
        rect(36, 28, 120, 80, WHITE, 8),
        line("M96 28v80M36 68h120", SKY, 4),
        circle(410, 50, 80, TEAL),
        clinic_sign(410, 50),
        plant(26, 186),
        person(300, 98, **DESK, mood="relieved", scale=1.3),
        counter(190, 240, TEAL),
        monitor(204, 116),
        person(120, 112, **OKAFOR, mood="relieved", scale=1.45, standing=True),
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
        person(90, 140, **GUIDE, mood="relieved", standing=True),
        speech(20, 40, 70, 40, SUN),
        line("M38 60h34", INK, 3),
    )


# ---------------------------------------------------------------- the files


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
