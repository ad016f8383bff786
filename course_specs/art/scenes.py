"""The scenes of the flagship: places at the clinic with the people in them (480x270)."""

from __future__ import annotations

from shapes import (
    BLUE,
    CORAL,
    DESK,
    GREY,
    GUIDE,
    HAIRS,
    INK,
    KIM,
    MINT,
    OKAFOR,
    SAND,
    SKINS,
    SKY,
    SLATE,
    SUN,
    SUPERVISOR,
    TEAL,
    WHITE,
    WOOD,
    bars,
    chair,
    circle,
    clinic_sign,
    clock,
    counter,
    document,
    face,
    group,
    line,
    monitor,
    path,
    person,
    plant,
    rect,
    room,
    speech,
    star,
    svg,
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
        person(120, 136, **OKAFOR, mood="worried", scale=1.2, standing=True),
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
            312,
            134,
            skin=SKINS["tan"],
            hair_style="bald",
            hair_colour=HAIRS["grey"],
            top=CORAL,
            scale=0.9,
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
    hook = line("M0 -120v106q0 16 -14 16q-14 0 -14 -14l7 5", INK, 4)
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
        group(226, 174, hook),
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
        person(370, 96, **SUPERVISOR, top=INK, scale=1.2, standing=True),
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
        person(110, 140, **GUIDE, mood="relieved", standing=True),
        person(370, 140, **DESK, mood="calm", standing=True),
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
        person(100, 120, **DESK, mood="relieved", scale=1.2, standing=True),
    )
