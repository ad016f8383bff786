"""Property: any spec document gives a message or a zip, never a traceback.

Documents are the flagship and the every-question spec with random parts replaced, removed
or duplicated, and random documents of spec-like keys. Each is written as YAML or JSON,
validated, and built for a random target when it validates.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import MINIMAL_SPEC, REPO_ROOT

from scormkit import build, load_course
from scormkit.errors import ScormkitError
from scormkit.targets import TARGETS

SEEDS = [
    yaml.safe_load((MINIMAL_SPEC).read_text()),
    yaml.safe_load((REPO_ROOT / "tests" / "specs" / "every-question.yaml").read_text()),
]
KEYS = (
    "id title type modules pages blocks activity questions choices correct scenes goto points "
    "markdown src alt passing_score completion packaging theme language scenario start lives timer"
).split()
TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True), TEXT, st.sampled_from(["", "a", "q1", "-1"]),
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | TEXT, inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*here, index))
    return found


@st.composite
def mutated_specs(draw: st.DrawFn) -> Any:
    """A seed spec with a few random parts replaced, removed or duplicated."""
    data = json.loads(json.dumps(draw(st.sampled_from(SEEDS))))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "remove", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(VALUES)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, list):
            parent.append(json.loads(json.dumps(parent[path[-1]])))
    return data


def _outcome(document: Any, as_json: bool, target: str) -> str:
    with tempfile.TemporaryDirectory() as temp:
        spec = Path(temp) / ("course.json" if as_json else "course.yaml")
        text = json.dumps(document) if as_json else yaml.safe_dump(document, allow_unicode=True)
        spec.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_course(spec)
            build(spec, target, Path(temp) / "out")
        except ScormkitError:
            return "message"
        return "zip"


EXAMPLES = int(os.environ.get("SCORMKIT_FUZZ_EXAMPLES", "60"))  # more for a long local run
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


@FUZZ
@given(mutated_specs(), st.booleans(), st.sampled_from(sorted(TARGETS)))
def test_a_mutated_spec_gives_a_message_or_a_zip(document: Any, as_json: bool, target: str) -> None:
    assert _outcome(document, as_json, target) in ("message", "zip")


@FUZZ
@given(VALUES, st.booleans())
def test_a_random_document_gives_a_message_or_a_zip(document: Any, as_json: bool) -> None:
    assert _outcome(document, as_json, "scorm12") in ("message", "zip")
