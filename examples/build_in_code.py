"""Build a small course from Python code instead of a YAML file.

Run:  python examples/build_in_code.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import scormkit
from scormkit.model import (
    Callout,
    Choice,
    Completion,
    Module,
    Page,
    Quiz,
    SingleChoice,
    Text,
    TrueFalse,
)


def greeting_course() -> scormkit.Course:
    """A one-module course on greeting patients, made entirely in code."""
    welcome = Page(
        id="greeting",
        title="The first ten seconds",
        blocks=[
            Text(
                markdown="Patients decide how a visit feels before they reach the desk.\n\n"
                "Look up, smile, and say your name.",
            ),
            Callout(
                style="tip",
                markdown="Use the patient's name once you have confirmed it.",
            ),
        ],
    )
    check = Page(
        id="greeting-check",
        title="Check your understanding",
        activity=Quiz(
            id="greeting-quiz",
            passing_score=50,
            questions=[
                SingleChoice(
                    id="first-thing",
                    prompt="A patient walks up while you are on the phone. What do you do first?",
                    choices=[
                        Choice(
                            text="Make eye contact and signal you will be right with them",
                            correct=True,
                        ),
                        Choice(text="Finish the call without looking up"),
                    ],
                ),
                TrueFalse(
                    id="name-badge",
                    prompt="Introducing yourself by name helps patients trust you.",
                    answer=True,
                ),
            ],
        ),
    )
    return scormkit.Course(
        id="greeting-patients",
        title="Greeting Patients",
        completion=Completion(all_pages=True, passing_score=50),
        modules=[Module(id="greeting-module", title="Greeting patients", pages=[welcome, check])],
    )


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dist")
    zip_path = scormkit.build(greeting_course(), target="scorm12", out_dir=out_dir)
    print(f"built {zip_path}")


if __name__ == "__main__":
    main()
