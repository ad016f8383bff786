"""Read the Aiken format: a question line, lettered options, then `ANSWER: X`."""

from __future__ import annotations

import re

from scormkit.errors import Location, Problem
from scormkit.spec.questionfile import QuestionFile, QuestionMaker

_OPTION = re.compile(r"^([A-Z])[.)]\s+(.*)$")
_ANSWER = re.compile(r"^ANSWER:\s*([A-Z])\s*$")


def read_aiken(text: str, shown_as: str) -> QuestionFile:
    """The single-choice questions of Aiken `text`; each mistake is a problem at its line."""
    found = QuestionFile()
    maker = QuestionMaker(found, shown_as, skip_unsupported=False)
    prompt: tuple[int, str] | None = None
    options: list[tuple[str, str]] = []
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        option, answer = _OPTION.match(line), _ANSWER.match(line)
        if prompt is None:
            prompt, options = (number, line), []
        elif option:
            options.append((option[1], option[2]))
        elif answer:
            letters = [letter for letter, _ in options]
            where = Location(shown_as, number, raw.index("ANSWER") + 1)
            if len(options) < 2:
                found.problems.append(Problem(where, "", "a question needs two or more options"))
            elif answer[1] not in letters:
                message = f"answer {answer[1]} is not one of the options {', '.join(letters)}"
                found.problems.append(Problem(where, "", message))
            else:
                choices = [{"text": t, "correct": letter == answer[1]} for letter, t in options]
                data = {"type": "single_choice", "prompt": prompt[1], "choices": choices}
                maker.add(data, [], prompt[0], 1)
            prompt = None
        elif options:
            message = "expected an option 'B. ...' or 'ANSWER: B' after the options"
            found.problems.append(Problem(Location(shown_as, number, 1), "", message))
        else:
            prompt = (prompt[0], f"{prompt[1]} {line}")
    if prompt is not None:
        message = "this question has no 'ANSWER: X' line"
        found.problems.append(Problem(Location(shown_as, prompt[0], 1), "", message))
    return found
