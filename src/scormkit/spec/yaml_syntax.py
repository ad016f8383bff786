"""Read YAML syntax and report every syntax problem of a file in one run.

PyYAML stops at the first syntax error. To find the next one, the broken part is blanked (its
lines kept empty, so every later line and column stays where it was) and the text is read
again, until it reads or MAX_SYNTAX_PROBLEMS are found (fewer in a file too large to read that
often: see SYNTAX_REREAD_CHARS). The broken part is the line where the mistake starts, with
every line indented under it; for a misplaced line (a wrong indentation) it is the whole entry
that holds it, since the mistake may be on the line above. So that one mistake is never
reported twice, a problem is kept only if reading still trips before it is past that
problem's broken part when every other broken part is blanked and its own is not.

The file is not checked against the spec then: what the blanked lines held is unknown, so the
checks would report it missing. `YamlSyntaxError.readable` is the text that reads, for the
files it includes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from scormkit.errors import Location, Problem, SpecError, YamlSyntaxError
from scormkit.limits import MAX_NODES, MAX_SYNTAX_PROBLEMS, SYNTAX_REREAD_CHARS
from scormkit.spec.document import line_column
from scormkit.spec.yaml_loader import SpecLoader, TooManyNodes
from scormkit.spec.yaml_messages import yaml_syntax_problem

# The line breaks PyYAML counts lines by (YAML 1.1 section 5.4), so its marks and lines agree.
_BREAK = re.compile("(\r\n|[\n\r\x85\u2028\u2029])")
# Scanning these, PyYAML finds the mistake where it gives up, lines after where it starts.
_SCANNED = ("simple key", "quoted scalar", "flow sequence", "flow mapping", "block scalar")
_COLON = "mapping values are not allowed here"


class _Loader(SpecLoader):
    """SpecLoader that remembers the last plain (unquoted) text it scanned."""

    last_plain: yaml.ScalarToken | None = None

    def scan_plain(self) -> yaml.ScalarToken:
        token = super().scan_plain()
        self.last_plain = token
        return token


@dataclass(frozen=True)
class _Step:
    """A syntax problem (None for one not worth reporting) and the lines blanked to step over
    it."""

    problem: Problem | None
    lines: range
    # The last line (from 0) where reading may still trip over this mistake; None for one only
    # the composer finds (an alias, a second document), which blanking elsewhere cannot cause.
    last: int | None


def compose_yaml(text: str, shown_as: str) -> tuple[yaml.Node | None, SpecLoader]:
    """The node tree of `text` and the loader that composed it; YamlSyntaxError listing every
    syntax problem when there is any (SpecError when reading had to stop: too many nodes)."""
    problems: list[Problem] = []
    for found in yaml.reader.Reader.NON_PRINTABLE.finditer(text):
        line, column = line_column(text, found.start())
        message = f"the character U+{ord(found[0]):04X} is not allowed in YAML; remove it"
        problems.append(Problem(Location(shown_as, line, column), "", message))
        if len(problems) == MAX_SYNTAX_PROBLEMS:
            break
    if problems:  # read on with spaces in their place, to find the syntax problems too
        text = yaml.reader.Reader.NON_PRINTABLE.sub(" ", text)
    lines = _BREAK.split(text)[0::2]
    steps: list[_Step] = []
    readable = None
    stopped = False
    # Each problem costs reading the file again: a large file gets fewer of them.
    most = min(MAX_SYNTAX_PROBLEMS, max(1, SYNTAX_REREAD_CHARS // max(1, len(text))))
    while len(problems) + len(steps) < most:
        read = _blanked(text, steps)
        loader = _Loader(read)
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            step = _step_over(exc, loader, read, lines, steps, shown_as)
            steps.append(step)
            if not step.lines:
                break
            continue
        except TooManyNodes as exc:
            where = Location(shown_as, exc.mark.line + 1, exc.mark.column + 1)
            message = f"more than {MAX_NODES} values; split the course or remove repeated parts"
            raise SpecError([*problems, Problem(where, "", message)]) from None
        except yaml.YAMLError as exc:
            problem = Problem(Location(shown_as), "", f"not valid YAML: {exc}")
            raise SpecError([*problems, problem]) from None
        except RecursionError:
            problem = Problem(Location(shown_as), "", "nested too deeply to read")
            raise SpecError([*problems, problem]) from None
        finally:
            loader.dispose()
        if not problems and not steps:
            return node, loader
        readable = read
        break
    else:
        stopped = True
    reported = [*problems, *_confirmed(text, steps)]
    if reported and stopped:
        last = max(problem.where for problem in reported)
        message = f"reading stopped after {len(reported)} problems; fix these and run again"
        reported.append(Problem(Location(shown_as, last.line + 1, 1), "", message))
    raise YamlSyntaxError(reported, readable)


def _step_over(
    exc: yaml.MarkedYAMLError, loader: _Loader, read: str, lines: list[str], steps: list[_Step],
    shown_as: str,
) -> _Step:  # fmt: skip
    """The problem `exc` reports reading `read`, and the lines of the broken part to blank."""
    problem: Problem | None = yaml_syntax_problem(exc, read, shown_as)
    alias = re.fullmatch(r"found undefined alias '(.*)'", exc.problem or "")
    if alias and steps:
        # The anchor may be on a line stepped over: then the alias is no mistake of its own.
        anchor = re.compile(rf"&{re.escape(alias[1])}(?=[\s,\[\]{{}}]|$)")
        blanked = (lines[number] for step in steps for number in step.lines)
        if any(anchor.search(line) for line in blanked):
            problem = None
    broken = _broken_part(exc, loader, lines)
    mark, plain = exc.problem_mark, loader.last_plain
    if problem and plain and mark and exc.problem == _COLON and broken.start < mark.line:
        # Found at a later line's ':', but the text that ran on to it starts here.
        where = Location(shown_as, broken.start + 1, plain.start_mark.column + 1)
        message = (
            f"this text runs on to the ':' on line {mark.line + 1}; write 'key: value' here, "
            "or put text that contains ': ' in quotes"
        )
        problem = Problem(where, "", f"not valid YAML: {message}")
    parsed = isinstance(exc, yaml.scanner.ScannerError | yaml.parser.ParserError)
    last = max(exc.problem_mark.line if exc.problem_mark else 0, broken.stop - 1)
    return _Step(problem, broken, last if parsed else None)


def _broken_part(exc: yaml.MarkedYAMLError, loader: _Loader, lines: list[str]) -> range:
    """The lines (from 0) to blank to step over the mistake `exc` reports; empty when it
    cannot be stepped over (it is at the end of the file, say)."""
    mark = exc.problem_mark
    if mark is None or mark.line >= len(lines):
        return range(0)
    problem = exc.problem or ""
    if exc.context == "expected a single document in the stream":
        return range(mark.line, len(lines))  # the second document, whole
    if problem.startswith("expected '<document start>'"):
        return range(mark.line, len(lines))  # the top level ended early: the rest cannot join
    plain = loader.last_plain
    if exc.context_mark and any(part in (exc.context or "") for part in _SCANNED):
        first = exc.context_mark.line
    elif problem == _COLON and plain and plain.end_mark:
        # Plain text that runs on from the line above (a `key value` without its colon, say)
        # is only found broken at the next ':'.
        between = loader.buffer[plain.end_mark.index : mark.index]
        joined = plain.end_mark.index <= mark.index and not between.strip()
        first = plain.start_mark.line if joined else mark.line
    elif problem.startswith("expected"):
        first = _parent(lines, mark.line)  # a misplaced line: its entry, whole
    else:
        first = mark.line
    if not lines[first].strip():
        return range(0)
    return range(first, _end_of_block(lines, first) + 1)


def _parent(lines: list[str], number: int) -> int:
    """The line of the entry that holds line `number`: the nearest above it indented less;
    `number` itself at the top level."""
    indent = _indent(lines[number])
    for above in range(number - 1, -1, -1):
        if _is_content(lines[above]) and _indent(lines[above]) < indent:
            return above
    return number


def _end_of_block(lines: list[str], first: int) -> int:
    """The last line of the block that starts at line `first`: the lines indented deeper."""
    indent, item = _indent(lines[first]), _is_item(lines[first])
    last = first
    for number in range(first + 1, len(lines)):
        line = lines[number]
        if not _is_content(line):
            continue
        # `key:` owns the `- item` lines under it even at its own indentation.
        owned = _indent(line) == indent and _is_item(line) and not item
        if _indent(line) <= indent and not owned:
            break
        last = number
    return last


def _confirmed(text: str, steps: list[_Step]) -> list[Problem]:
    """The problems of `steps` still found with every other broken part blanked."""
    found = [step.problem for step in steps if step.problem]
    if len(steps) < 2:
        return found
    kept = []
    for index, step in enumerate(steps):
        if step.problem is None:
            continue
        if step.last is None or _trips(_blanked(text, steps[:index] + steps[index + 1 :]), step):
            kept.append(step.problem)
    return kept


def _trips(text: str, step: _Step) -> bool:
    """Whether reading `text` fails before it is past the last line of `step`."""
    loader = _Loader(text)
    try:
        while loader.check_event():
            if loader.get_event().start_mark.line > (step.last or 0):  # type: ignore[no-untyped-call]
                return False
        return False
    except yaml.YAMLError:
        return True
    finally:
        loader.dispose()


def _blanked(text: str, steps: list[_Step]) -> str:
    """`text` with the lines of `steps` emptied, their line breaks kept."""
    numbers = {number for step in steps for number in step.lines}
    if not numbers:
        return text
    parts = _BREAK.split(text)
    for number in numbers:
        parts[2 * number] = ""
    return "".join(parts)


def _is_content(line: str) -> bool:
    text = line.strip()
    return bool(text) and not text.startswith("#")


def _indent(line: str) -> int:
    """The column a line's text starts at, a tab (a mistake in YAML) counted as one column,
    the least it may stand for, so that every line under it is taken as under it."""
    return len(line) - len(line.lstrip(" \t"))


def _is_item(line: str) -> bool:
    text = line.lstrip(" \t")
    return text == "-" or text.startswith(("- ", "-\t"))
