"""Loading specs that are right, and inputs no table of bad specs can hold."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from paths import TESTS

from scormkit import Course, SpecError, load_course
from scormkit.questions import FillIn
from scormkit.spec.activities import Quiz, Scenario, Survey
from scormkit.spec.blocks import Image

ASSETS = TESTS / "bad_specs" / "assets"

# Every kind of block, question and activity, with most optional fields set.
EVERYTHING = """\
id: kitchen-sink
title: Kitchen sink
description: Every feature of a spec, once.
language: es-MX
version: "2.1"
publisher: Example Org
authors:
  - name: Ana Ruiz
    email: ana@example.com
keywords: [safety, demo]
iri: https://example.com/courses
completion:
  all_pages: true
  passing_score: 70
theme:
  primary: "#112233"
  logo: assets/pixel.png
  logo_alt: Example Org
modules:
  - id: basics
    title: The basics
    description: Start here.
    pages:
      - id: welcome
        title: Welcome
        blocks:
          - type: text
            markdown: "Hello, *world* — ünïcödé ✓ 🔥"
          - type: image
            src: assets/pixel.png
            alt: A single pixel
            caption: Tiny
          - type: video
            src: assets/pixel.png
            captions: assets/captions.vtt
            title: Clip
            poster: assets/pixel.png
          - type: audio
            src: assets/beep.wav
            title: Sound
            transcript: A beep.
          - type: callout
            style: warning
            title: Careful
            markdown: Hot.
          - type: accordion
            panels:
              - {title: One, markdown: First}
          - type: tabs
            panels:
              - {title: A, markdown: a}
              - {title: B, markdown: b}
          - type: quote
            text: Safety first.
            attribution: Someone
      - id: check
        title: Check
        activity:
          type: quiz
          id: check-quiz
          title: Quick check
          passing_score: 50
          attempts: 3
          draw: 6
          shuffle: true
          review: false
          questions:
            - id: q-single
              type: single_choice
              prompt: Which?
              weight: 2
              hint: Think.
              correct_feedback: Yes.
              incorrect_feedback: No.
              attempts: 2
              shuffle: true
              choices:
                - {text: A, correct: true, feedback: Right}
                - {text: B}
            - id: q-multi
              type: multiple_choice
              prompt: Which ones?
              choices:
                - {text: A, correct: true}
                - {text: B, correct: true}
                - {text: C}
            - id: q-tf
              type: true_false
              prompt: Water is wet.
              answer: true
              true_feedback: Indeed.
              false_feedback: Hmm.
            - id: q-fill
              type: fill_in
              prompt: Is the lift safe in a fire? One word.
              accepted: [no, NO, off]
              case_sensitive: true
              normalize_whitespace: false
            - id: q-match
              type: matching
              prompt: Match.
              pairs:
                - {source: a, target: "1"}
                - {source: b, target: "2"}
            - id: q-seq
              type: sequencing
              prompt: Order.
              steps: [first, second, third]
            - id: q-num
              type: numeric
              prompt: How many?
              answer: 4.5
              tolerance: 0.5
              unit: minutes
            - id: q-range
              type: numeric
              prompt: Between?
              min: 1
              max: 3
  - id: practice
    title: Practice
    pages:
      - id: drill
        title: Drill
        activity:
          type: scenario
          id: fire-drill
          title: Fire drill
          start: smoke
          variables: {trust: 2}
          dimensions: [calm, speed]
          lives: 2
          pass_at: partial
          weight: 2
          badges:
            - id: cool-head
              title: Cool head
              description: Stayed calm.
              when: [{of: calm, at_least: 1}, {of: lives, at_least: 2}]
          scenes:
            - id: smoke
              speaker: Mrs. Alvarez
              line: I smell smoke!
              mood: anxious
              image: assets/pixel.png
              image_alt: Smoke in a hallway
              timer: 30
              timeout_goto: trapped
              choices:
                - id: alarm
                  text: Pull the alarm
                  goto: stairs
                  feedback: Good.
                  points: {calm: 1, speed: 1}
                  effects: {trust: 1}
                - id: lift
                  text: Take the lift
                  goto: trapped
                  lose_life: true
                  requires: [{of: trust, at_most: 5}]
            - id: stairs
              line: You reach the stairs.
              ending: success
              debrief: Well done.
            - id: trapped
              line: The lift stops.
              ending: partial
      - id: feedback
        title: Feedback
        activity:
          type: survey
          id: opinions
          title: Your view
          items:
            - {id: liked, kind: likert, prompt: I liked it., scale: [no, maybe, yes]}
            - {id: best, kind: single_choice, prompt: "Best part?", options: [on, off]}
            - {id: notes, kind: free_text, prompt: "Anything else?"}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A spec folder with the assets EVERYTHING names."""
    shutil.copytree(ASSETS, tmp_path / "assets")
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(SpecError) as caught:
        load_course(path)
    return str(caught.value).splitlines()


def test_a_spec_using_every_feature_loads(folder: Path) -> None:
    course = load_course(write(folder, "course.yaml", EVERYTHING))
    assert course.title == "Kitchen sink"
    assert course.language == "es-MX"
    assert [b.type for b in course.modules[0].pages[0].blocks] == [
        "text", "image", "video", "audio", "callout", "accordion", "tabs", "quote",
    ]  # fmt: skip
    assert isinstance(course.modules[0].pages[1].activity, Quiz)
    assert isinstance(course.modules[1].pages[0].activity, Scenario)
    assert isinstance(course.modules[1].pages[1].activity, Survey)


def test_the_json_and_yaml_forms_of_a_course_load_as_equal_courses(folder: Path) -> None:
    from_yaml = load_course(write(folder, "course.yaml", EVERYTHING))
    # Tab indentation, as JSON editors often write it; YAML does not allow tabs, JSON does.
    as_json = json.dumps(from_yaml.model_dump(mode="json"), indent="\t", ensure_ascii=False)
    from_json = load_course(write(folder, "course.json", as_json))
    assert from_json == from_yaml


def test_a_small_course_written_by_hand_in_json_and_yaml_loads_equal(tmp_path: Path) -> None:
    yaml_text = """\
id: tiny
title: Tiny
modules:
  - id: only
    title: Only
    pages:
      - id: quiz
        title: Quiz
        activity:
          type: quiz
          id: check
          questions:
            - {type: numeric, id: big, prompt: "How big?", answer: 1.0e3, weight: 5e-1}
            - {type: fill_in, id: word, prompt: Say no., accepted: [no, off]}
"""
    json_text = """{
  "id": "tiny", "title": "Tiny",
  "modules": [{"id": "only", "title": "Only", "pages": [{"id": "quiz", "title": "Quiz",
    "activity": {"type": "quiz", "id": "check", "questions": [
      {"type": "numeric", "id": "big", "prompt": "How big?", "answer": 1e3, "weight": 5E-1},
      {"type": "fill_in", "id": "word", "prompt": "Say \\u006eo.", "accepted": ["no", "off"]}
    ]}}]}]
}
"""
    assert load_course(write(tmp_path, "tiny.json", json_text)) == load_course(
        write(tmp_path, "tiny.yaml", yaml_text)
    )


def test_yes_no_on_and_off_stay_text_where_text_is_wanted(folder: Path) -> None:
    course = load_course(write(folder, "course.yaml", EVERYTHING))
    quiz = course.modules[0].pages[1].activity
    assert isinstance(quiz, Quiz)
    fill_in = quiz.questions[3]
    assert isinstance(fill_in, FillIn)
    assert fill_in.accepted == ["no", "NO", "off"]
    survey = course.modules[1].pages[1].activity
    assert isinstance(survey, Survey)
    assert survey.items[0].scale == ["no", "maybe", "yes"]
    assert survey.items[1].options == ["on", "off"]


def test_every_problem_in_a_file_is_reported_at_once_in_file_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        "bad.yaml",
        """\
id: Bad
title: 7
colour: red
modules:
  - id: m
    title: M
    pages:
      - id: p
        title: P
        blocks:
          - type: txt
          - {type: image, src: a.png}
          - {type: callout, style: loud, markdown: x}
""",
    )
    lines = problems_of(Path("bad.yaml"))
    assert len(lines) == 6
    assert lines == [
        "bad.yaml:1:5: id: 'Bad' is not a valid id (e.g. 'bad'): use up to 64 lowercase "
        "letters, digits, '-' or '_', starting with a letter",
        "bad.yaml:2:8: title: expected text, got the number 7 (put it in quotes: '7')",
        "bad.yaml:3:1: colour: unknown field 'colour'; other fields here: authors, banks, "
        "certificate, completion, cover, cover_alt, description, iri, keywords, language, "
        "packaging, player_language, player_text, publisher, resources, theme, version",
        "bad.yaml:11:19: modules[0].pages[0].blocks[0].type: unknown type 'txt' (did you mean "
        "'text'?); expected one of text, image, video, audio, callout, accordion, tabs, quote",
        "bad.yaml:12:13: modules[0].pages[0].blocks[1].alt: missing required field 'alt'",
        "bad.yaml:13:36: modules[0].pages[0].blocks[2].style: 'loud' is not allowed; expected "
        "one of note, tip, warning, important",
    ]


def test_a_yaml_merge_key_fills_in_fields(tmp_path: Path) -> None:
    spec = write(
        tmp_path,
        "merge.yaml",
        """\
id: merge
title: Merge
modules:
  - id: m
    title: M
    pages:
      - id: p
        title: P
        activity:
          type: quiz
          id: q
          questions:
            - &true-or-false {type: true_false, id: one, prompt: One., answer: true, weight: 2}
            - <<: *true-or-false
              id: two
              answer: false
""",
    )
    quiz = load_course(spec).modules[0].pages[0].activity
    assert isinstance(quiz, Quiz)
    assert [(q.id, q.prompt, q.weight) for q in quiz.questions] == [
        ("one", "One.", 2),
        ("two", "One.", 2),
    ]


def test_an_asset_link_that_leaves_the_spec_folder_is_refused(tmp_path: Path) -> None:
    shutil.copytree(ASSETS, tmp_path / "outside")
    course = tmp_path / "course"
    (course / "assets").mkdir(parents=True)
    (course / "assets" / "escape.png").symlink_to(tmp_path / "outside" / "pixel.png")
    spec = write(
        course,
        "course.yaml",
        "id: c\ntitle: C\nmodules:\n  - id: m\n    title: M\n    pages:\n      - id: p\n"
        "        title: P\n        blocks:\n"
        "          - {type: image, src: assets/escape.png, alt: x}\n",
    )
    assert problems_of(spec) == [
        f"{spec}:10:32: modules[0].pages[0].blocks[0].src: 'assets/escape.png' is a link to a "
        "file outside the spec's folder"
    ]


def test_an_asset_link_that_stays_inside_the_spec_folder_is_fine(folder: Path) -> None:
    (folder / "assets" / "same.png").symlink_to(folder / "assets" / "pixel.png")
    text = EVERYTHING.replace("src: assets/pixel.png", "src: assets/same.png")
    image = load_course(write(folder, "course.yaml", text)).modules[0].pages[0].blocks[1]
    assert isinstance(image, Image)
    assert image.src == "assets/same.png"


def test_a_missing_spec_file_and_a_folder_are_spec_errors(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}:1:1: no such file"]
    assert problems_of(tmp_path) == [f"{tmp_path}:1:1: is a folder, not a spec file"]


def test_aliases_that_multiply_are_refused_without_expanding_them(tmp_path: Path) -> None:
    lines = ["lol: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    spec = write(tmp_path, "laughs.yaml", "\n".join(lines) + "\n")
    assert any("more than 100000 values; are aliases repeating?" in p for p in problems_of(spec))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.yaml", "id: " + "[" * 5000 + "]" * 5000 + "\n"),
        ("deep.json", '{"id": ' + "[" * 5000 + "]" * 5000 + "}\n"),
    ],
    ids=["yaml", "json"],
)
def test_absurdly_deep_nesting_is_a_spec_error(tmp_path: Path, name: str, text: str) -> None:
    assert problems_of(write(tmp_path, name, text)) == [
        f"{tmp_path / name}:1:1: nested too deeply to read"
    ]


# Random damage: every input either loads or raises SpecError, one problem per line.

SHAPES: list[Any] = [
    None, [], {}, 0, -1, 1.5, 10**30, float("inf"), True, "", " ", "yes", "no", "ünï✓😀",
    "line\nbreak", "a" * 300, "1.0", "quiz", "text", "single_choice", "../x", "/abs", "C:\\x",
    "assets", [None], [[]], [{}], {"type": None}, {"type": []}, {"type": "quiz"}, {"": 1},
    {"of": "x"}, [1, "a", None], {"type": {"type": "text"}},
]  # fmt: skip


def _damage(data: Any, rng: random.Random) -> Any:
    """`data` with one to three values replaced, removed, added or repeated at random."""
    data = json.loads(json.dumps(data))
    for _ in range(rng.randint(1, 3)):
        places = list(_places(data))
        path = rng.choice(places)
        if not path:
            return rng.choice(SHAPES)
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        roll = rng.random()
        if roll < 0.6:
            parent[path[-1]] = rng.choice(SHAPES)
        elif roll < 0.8:
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[rng.choice(["titel", "type", "id", "choices", "ending", "lives"])] = 1
        else:
            parent.append(parent[path[-1]])
    return data


def _places(node: Any, path: tuple[Any, ...] = ()) -> Any:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*path, index))


def _damaged_text(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(chars))
        chars.insert(at, rng.choice(["\t", ":", "- ", "[", "{", "'", '"', "&a ", "*a", "\n"]))
    return "".join(chars)


def test_random_damage_to_a_valid_spec_only_ever_raises_spec_error(folder: Path) -> None:
    rng = random.Random(20240229)
    good = load_course(write(folder, "good.yaml", EVERYTHING)).model_dump(mode="json")
    for attempt in range(240):
        kind = attempt % 3
        if kind == 0:
            spec = write(folder, "damaged.json", json.dumps(_damage(good, rng), indent=2))
        elif kind == 1:
            damaged = yaml.safe_dump(_damage(good, rng), allow_unicode=True)
            spec = write(folder, "damaged.yaml", damaged)
        else:
            spec = write(folder, "damaged.yaml", _damaged_text(EVERYTHING, rng))
        try:
            course = load_course(spec)
        except SpecError as error:
            lines = str(error).splitlines()
            assert lines and len(lines) == len(error.problems)
            assert all(line.startswith(f"{spec}:") for line in lines)
        else:
            assert isinstance(course, Course)
