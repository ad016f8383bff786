"""A Spanish build of the flagship, made from a translation file, played as the English one is.

The catalog is written by `scormkit translate` and pseudo-translated (every string marked
`es· `), so the learner meets nothing but translated text wherever the course has text.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install -e '.[test]'")

from playwright.sync_api import expect
from translations import MARK, copy_specs, pseudo_translate

from scormkit import build, load_course
from scormkit.spec import Course
from scormkit.spec.activities import Survey
from scormkit.testing.learner import Learner, questions_of
from scormkit.translation import catalog_path, translate_course

if TYPE_CHECKING:
    from scormkit.testing.lms_session import LmsSession


def spanish_flagship(tmp_path: Path) -> tuple[Course, Path]:
    specs = copy_specs(tmp_path)
    spec = specs / "healthcare-customer-service.yaml"
    made = subprocess.run([sys.executable, "-m", "scormkit", "translate", str(spec), "--locale",
                           "es"], capture_output=True, text=True, check=False)  # fmt: skip
    assert made.returncode == 0, made.stderr
    pseudo_translate(catalog_path(spec, "es"))
    translation = translate_course(load_course(spec), catalog_path(spec, "es"), "es")
    assert translation.untranslated == [] and translation.stale == []
    return translation.course, specs


@pytest.mark.parametrize("per_module", [False, True], ids=["per-course", "per-module"])
def test_the_spanish_flagship_completes_and_passes_under_scorm_2004(
    per_module: bool, lms: LmsSession, tmp_path: Path
) -> None:
    course, specs = spanish_flagship(tmp_path)
    zip_path = build(course, "scorm2004", tmp_path / "dist", base_dir=specs,
                     launch_per_module=per_module)  # fmt: skip
    modules = course.modules if per_module else [None]
    described = 0
    for module in modules:
        item = {"item": f"item-{module.id}"} if module else {}
        frame = lms.launch(zip_path, **item)
        part = course.model_copy(update={"modules": [module]}) if module else course
        expect(frame.locator("html")).to_have_attribute("lang", "es")
        expect(frame.locator("h1, h2").first).to_contain_text(MARK)
        learner = Learner(frame, part)
        learner.work_through()
        surveys = [p.activity for p in learner.pages if isinstance(p.activity, Survey)]
        for survey in surveys:
            kinds = {"likert": "4", "single_choice": "1", "free_text": "Claro, gracias."}
            learner.fill_survey(survey, {i.id: kinds[i.kind] for i in survey.items})
        if module and module != course.modules[-1]:
            frame.locator("#sk-next").click()
        else:
            learner.finish()
        lms.wait_for_finish()
        values = {c.args[0]: c.args[1] for c in lms.calls() if c.name == "SetValue"}
        assert values["cmi.completion_status"] == "completed", module
        if values.get("cmi.success_status", "unknown") != "unknown":
            assert values["cmi.success_status"] == "passed", module
        descriptions = [v for k, v in values.items()
                        if re.fullmatch(r"cmi\.interactions\.\d+\.description", k)]  # fmt: skip
        assert all(d.startswith(MARK) for d in descriptions), descriptions
        described += len(descriptions)
        assert lms.problems() == []
    assert described >= len(questions_of(course))  # every question reported its Spanish prompt
