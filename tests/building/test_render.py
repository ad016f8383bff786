"""The launch page and player files a course renders to."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import lxml.html
import pytest
from paths import REPO_ROOT

from scormkit.errors import BuildError
from scormkit.markdown import markdown
from scormkit.plan import make_plan
from scormkit.render import render_course, render_modules
from scormkit.runtime_files import read_runtime, runtime_files
from scormkit.spec import Course, load_course
from scormkit.spec.course_checks import asset_refs
from scormkit.targets import TARGETS

SPECS = sorted((REPO_ROOT / "course_specs").glob("*.yaml"))
RUNTIME = REPO_ROOT / "src" / "scormkit" / "runtime"


def hrefs_of(course: Course) -> dict[str, str]:
    return {ref: f"assets/{ref}" for _, ref in asset_refs(course)}


def render(course: Course, templates: Path | None = None) -> dict[str, bytes]:
    """The launch page, module files and player files of `course` as a SCORM 1.2 package
    holds them."""
    plan = make_plan(course, TARGETS["scorm12"])
    page = render_course(plan, asset_hrefs=hrefs_of(course), templates=templates)
    modules = render_modules(plan, asset_hrefs=hrefs_of(course), templates=templates)
    return {f.href: f.data for f in [page, *modules, *read_runtime(plan.runtime)]}


def every_page_of(files: dict[str, bytes]) -> lxml.html.HtmlElement:
    """The launch page with every module file's pages placed as the player places them."""
    html = files["index.html"].decode()
    for href in sorted(h for h in files if h.startswith("modules/")):
        pages = json.loads(files[href])["html"]
        html = html.replace('<section id="sk-done"', pages + '<section id="sk-done"')
    return lxml.html.fromstring(html)


def page_of(files: dict[str, bytes]) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(files["index.html"])


def data_of(files: dict[str, bytes]) -> dict[str, object]:
    script = page_of(files).get_element_by_id("sk-course")
    data: dict[str, object] = json.loads(script.text)
    return data


def write_spec(folder: Path, body: str) -> Course:
    spec = folder / "course.yaml"
    spec.write_text(textwrap.dedent(body))
    return load_course(spec)


@pytest.fixture
def small_course(tmp_path: Path) -> Course:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "desk.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return write_spec(
        tmp_path,
        """
        id: small
        title: "Small </script><b>course</b>"
        language: es-MX
        completion: {passing_score: 50}
        theme: {primary: "#123456"}
        modules:
          - id: m1
            title: One
            pages:
              - id: p1
                title: Welcome
                blocks:
                  - type: text
                    markdown: |
                      # Big heading
                      Hello <script>alert(1)</script> <b onclick="steal()">there</b>
                      <iframe src="https://evil.example/"></iframe><style>body{}</style>
                      [docs](https://example.org/docs) [top](#p1)
                  - type: image
                    src: images/desk.png
                    alt: A front desk
              - id: p2
                title: Check
                activity:
                  type: quiz
                  id: quiz1
                  questions:
                    - id: q1
                      type: single_choice
                      prompt: Which?
                      choices:
                        - {text: "No", feedback: "Not this one."}
                        - {text: "**Yes**", correct: true}
                    - id: q2
                      type: true_false
                      prompt: True?
                      answer: false
                      weight: 2
        """,
    )


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
def test_a_course_renders_its_launch_page_and_only_its_trackers_player_files(spec: Path) -> None:
    files = render(load_course(spec))
    shipped = sorted(f"runtime/{p.name}" for p in RUNTIME.iterdir() if p.suffix in (".js", ".css"))
    # The tracker and the module it imports from its folder (shared with the 2004 tracker).
    tracker = ["runtime/track/scorm12.js", "runtime/track/scormapi.js"]
    modules = [f"modules/{m.id}.json" for m in load_course(spec).modules[1:]]
    assert sorted(files) == sorted(["index.html", *modules, *shipped, *tracker])
    assert "runtime/package.json" not in files, "it is only there for node --test"


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
def test_the_same_course_renders_to_the_same_bytes(spec: Path) -> None:
    assert render(load_course(spec)) == render(load_course(spec))


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
def test_rendered_files_request_nothing_from_another_host(spec: Path) -> None:
    course = load_course(spec)
    for href, data in render(course).items():
        urls = re.findall(rb"(?:https?:)?//[\w.-]+", data)
        assert urls == [], f"{href} names {urls}"


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
def test_every_page_and_question_has_the_hooks_the_player_and_tests_use(spec: Path) -> None:
    course = load_course(spec)
    page = every_page_of(render(course))
    for number, module in enumerate(course.modules):
        item = page.xpath(f'//*[@id="sk-menu"]//li[@data-menu-module="{module.id}"]')
        assert len(item) == 1
        # The launch page lists the first module's pages; the player lists the others'.
        links = [a.get("data-page") for a in item[0].xpath(".//a")]
        assert links == ([p.id for p in module.pages] if number == 0 else [])
        for p in module.pages:
            assert len(page.xpath(f'//section[@data-page-id="{p.id}"][@hidden]')) == 1
    for question in page.xpath("//*[@data-question]"):
        qid = question.get("data-question")
        assert question.xpath('.//button[@data-action="check"]'), qid
        assert question.xpath(".//*[@data-feedback][@aria-live]"), qid
        assert question.xpath(f'.//*[@name="{qid}"]'), qid
    for hook in ("sk-next", "sk-prev", "sk-finish", "sk-tracking", "sk-course"):
        assert page.get_element_by_id(hook) is not None


def test_the_launch_page_speaks_the_course_language_in_its_theme(small_course: Course) -> None:
    files = render(small_course)
    page = page_of(files)
    assert page.get("lang") == "es-MX"
    assert "--sk-primary: #123456;" in page.xpath("//style")[0].text
    assert page.xpath("//h1")[0].text_content() == "Small </script><b>course</b>"


def test_course_data_carries_answers_weights_and_rules_as_sorted_json(small_course: Course) -> None:
    files = render(small_course)
    script = files["index.html"].split(b'id="sk-course">')[1].split(b"</script>")[0]
    assert b"<" not in script, "a '<' in the JSON could close or reopen the script element"
    data = data_of(files)
    assert list(data) == sorted(data)
    assert data["title"] == "Small </script><b>course</b>"
    assert data["completion"] == {"allPages": True, "passingScore": 50}
    assert data["pages"] == [
        {"id": "p1", "module": "m1", "title": "Welcome"},
        {"id": "p2", "module": "m1", "title": "Check"},
    ]
    q1, q2 = data["questions"]  # type: ignore[misc]
    assert (q1["correct"], q1["feedback"], q1["options"]) == (["b"], {"a": "Not this one."}, 2)
    assert (q2["correct"], q2["weight"], q2["quiz"]) == (["f"], 2, "quiz1")


def test_choices_are_inputs_whose_values_are_letters_in_spec_order(small_course: Course) -> None:
    page = page_of(render(small_course))
    assert [i.get("value") for i in page.xpath('//input[@name="q1"]')] == ["a", "b"]
    assert [i.get("value") for i in page.xpath('//input[@name="q2"]')] == ["t", "f"]
    assert page.xpath('//input[@name="q1"][@value="b"]/..//strong')


def test_images_use_the_packaged_href_of_their_asset(small_course: Course) -> None:
    page = page_of(render(small_course))
    (image,) = page.xpath('//figure[@class="sk-image"]/img')
    assert (image.get("src"), image.get("alt")) == ("assets/images/desk.png", "A front desk")


def test_an_asset_without_a_packaged_href_is_a_build_error(small_course: Course) -> None:
    with pytest.raises(BuildError, match="asset 'images/desk.png' was not packaged"):
        render_course(make_plan(small_course, TARGETS["scorm12"]), asset_hrefs={})


def test_markdown_keeps_formatting_and_drops_scripts_styles_frames_and_handlers(
    small_course: Course,
) -> None:
    text = page_of(render(small_course)).xpath('//div[@class="sk-text"]')[0]
    html = lxml.html.tostring(text, encoding="unicode")
    for gone in ("<script", "alert(1)", "onclick", "<iframe", "evil.example", "<style"):
        assert gone not in html
    assert text.xpath(".//b")[0].text == "there"


def test_markdown_headings_start_below_the_page_title() -> None:
    assert markdown("# One\n\n## Two").startswith("<h3>One</h3>\n<h4>Two</h4>")
    assert markdown("### Three\n\n#### Four").startswith("<h3>Three</h3>\n<h4>Four</h4>")


def test_links_keep_the_course_open_and_the_opener_unreachable() -> None:
    html = markdown("[docs](https://example.org/x) [next](#p2) ![pic](https://example.org/a.png)")
    assert (
        '<a href="https://example.org/x" target="_blank" rel="noopener noreferrer">docs</a>' in html
    )
    assert '<a href="#p2" rel="noopener noreferrer">next</a>' in html
    assert "<img" not in html


def test_a_templates_folder_overrides_single_templates_and_keeps_the_rest(tmp_path: Path) -> None:
    course = write_spec(
        tmp_path,
        """
        id: tip
        title: Tip
        modules:
          - id: m
            title: M
            pages:
              - id: p
                title: P
                blocks:
                  - {type: callout, style: tip, markdown: Breathe.}
                  - {type: quote, text: Hello}
        """,
    )
    plain = page_of(render(course))
    overridden = page_of(render(course, templates=REPO_ROOT / "templates"))
    assert plain.xpath("//aside[@class='sk-callout sk-callout-tip']")
    assert not plain.xpath("//details")
    (callout,) = overridden.xpath("//details[@class='sk-callout sk-callout-custom sk-callout-tip']")
    assert callout.xpath("summary")[0].text == "Tip"
    assert overridden.xpath("//figure[@class='sk-quote']"), "templates not overridden stay built-in"


def test_a_broken_override_is_a_build_error_naming_the_template(tmp_path: Path) -> None:
    (tmp_path / "blocks").mkdir()
    (tmp_path / "blocks" / "text.html").write_text("{{ block.markdown | markdown }\n")
    course = load_course(SPECS[0])
    with pytest.raises(BuildError, match=r"blocks/text\.html:1: template error: "):
        render(course, templates=tmp_path)


def test_an_unknown_tracker_is_a_build_error_listing_the_known_ones() -> None:
    with pytest.raises(
        BuildError, match="no player tracker 'scorm3'; known: cmi5, scorm12, scorm2004, xapi"
    ):
        runtime_files("scorm3")


def test_runtime_files_ship_without_their_comments_but_with_all_their_code(
    small_course: Course,
) -> None:
    runtime = REPO_ROOT / "src" / "scormkit" / "runtime"
    files = {href: data.decode() for href, data in render(small_course).items()}
    shipped = files["runtime/state.js"]
    source = (runtime / "state.js").read_text()
    assert not [line for line in shipped.splitlines() if line.startswith(("//", "/*", "*"))]
    assert len(shipped) < len(source)
    code = [line.strip() for line in source.splitlines()]
    code = [line for line in code if line and not line.startswith(("//", "/*", "*"))]
    assert shipped.splitlines() == code
