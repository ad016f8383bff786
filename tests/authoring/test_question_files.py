"""Question banks from GIFT, Aiken and Moodle XML files, and back to GIFT."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from paths import TESTS

from scormkit.bankfiles import bank_gift, import_bank, load_bank
from scormkit.cli import main
from scormkit.errors import SpecError
from scormkit.spec import load_course
from scormkit.spec.activities import Quiz

FILES = TESTS / "questionfiles"
GIFT = FILES / "every-kind.gift"


def test_a_gift_file_and_the_moodle_xml_export_of_it_import_to_equal_banks() -> None:
    gift, skipped = import_bank(GIFT, "gift", "geo")
    moodle, _ = import_bank(FILES / "every-kind.xml", "moodle-xml", "geo")
    assert skipped == []
    assert gift == moodle
    assert [(q.id, q.type, q.tags) for q in gift.questions] == [
        ("capital-fr", "single_choice", ["geography"]),
        ("primes", "multiple_choice", ["geography"]),
        ("earth-round", "true_false", ["geography"]),
        ("ocean", "fill_in", ["geography"]),
        ("match-capitals", "matching", ["geography", "capitals"]),
        ("pi", "numeric", ["geography", "capitals"]),
    ]
    primes = gift.questions[1]
    assert [(c.text, c.correct, c.feedback) for c in primes.choices] == [  # type: ignore[union-attr]
        ("Two", True, "2 is prime."),
        ("Three", True, None),
        ("Four", False, "4 is 2 times 2."),
    ]
    earth = gift.questions[2]
    assert (earth.true_feedback, earth.false_feedback) == ("Yes, round.", "It is not flat.")  # type: ignore[union-attr]
    pi = gift.questions[5]
    assert (pi.answer, pi.tolerance) == (3.14, 0.005)  # type: ignore[union-attr]


def test_a_bank_exported_to_gift_imports_back_equal(tmp_path: Path) -> None:
    bank, _ = import_bank(GIFT, "gift")
    ranges = tmp_path / "ranges.gift"
    ranges.write_text("::r:: Between one and \\{five\\}? {#1..5####Count: it.}\n\nA\\nB {=x\\#y}\n")
    for original in (bank, import_bank(ranges, "gift")[0]):
        text, lost = bank_gift(original)
        again = tmp_path / "again.gift"
        again.write_text(text)
        assert lost == []
        assert import_bank(again, "gift", original.id)[0] == original


def test_the_import_and_export_commands_round_trip_a_bank(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["import", "gift", str(GIFT), "-o", str(tmp_path / "b.yaml")])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {tmp_path / 'b.yaml'} (6 questions, 0 skipped)\n"
    out = tmp_path / "b.gift"
    result = runner.invoke(main, ["export", "gift", str(tmp_path / "b.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert import_bank(out, "gift", "every-kind")[0] == load_bank(tmp_path / "b.yaml")


def test_kinds_the_player_lacks_are_errors_at_their_line_unless_skipped(tmp_path: Path) -> None:
    source = tmp_path / "mixed.gift"
    source.write_text("Tell us more. {}\n\nA heading only.\n\n::ok:: Pick {=a ~b}\n")
    runner = CliRunner()
    out = tmp_path / "b.yaml"
    result = runner.invoke(main, ["import", "gift", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists()
    hint = "remove it, or skip such questions with --skip-unsupported"
    assert result.output == (
        f"{source}:1:1: an essay (an answer of free text) is not a question the player asks; "
        f"{hint}\n"
        f"{source}:3:1: a description (text without answers) is not a question the player asks; "
        f"{hint}\n2 problems\n"
    )
    result = runner.invoke(
        main, ["import", "gift", str(source), "-o", str(out), "--skip-unsupported"]
    )
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{source}:1:1: an essay (an answer of free text) is not a question the player asks: "
        "skipped",
        f"{source}:3:1: a description (text without answers) is not a question the player asks: "
        "skipped",
        f"wrote {out} (1 questions, 2 skipped)",
    ]


def test_a_syntax_error_in_one_question_does_not_hide_the_others(tmp_path: Path) -> None:
    source = tmp_path / "broken.gift"
    source.write_text("// two bad questions\n::a:: One {=x ~y\n\n::b:: Two {=x}}\n\nThree {}\n")
    with pytest.raises(SpecError) as caught:
        import_bank(source, "gift")
    assert str(caught.value).splitlines() == [
        f"{source}:2:16: not valid GIFT: the question ends before its '{{' is closed with '}}'",
        f"{source}:4:15: not valid GIFT: unexpected '}}'",
        f"{source}:6:1: an essay (an answer of free text) is not a question the player asks; "
        "remove it, or skip such questions with --skip-unsupported",
    ]


def test_moodle_xml_with_entities_is_refused_without_reading_them(tmp_path: Path) -> None:
    source = tmp_path / "evil.xml"
    source.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        "<quiz><question type='truefalse'><name><text>&x;</text></name></question></quiz>\n"
    )
    with pytest.raises(SpecError) as caught:
        import_bank(source, "moodle-xml")
    assert str(caught.value) == f"{source}:3:1: expected a Moodle <quiz> export without a DTD"


def test_aiken_questions_become_single_choice_and_mistakes_name_their_line(
    tmp_path: Path,
) -> None:
    source = tmp_path / "q.txt"
    source.write_text(
        "Which is a fruit?\nA. Apple\nB. Stone\nANSWER: A\n\nBad one\nA. x\nANSWER: C\n"
    )
    with pytest.raises(SpecError) as caught:
        import_bank(source, "aiken")
    assert str(caught.value) == f"{source}:8:1: a question needs two or more options"
    source.write_text("Which is a fruit?\nA. Apple\nB. Stone\nANSWER: A\n")
    bank, _ = import_bank(source, "aiken")
    assert bank.questions[0].model_dump(exclude_defaults=True) == {
        "id": "q1",
        "type": "single_choice",
        "prompt": "Which is a fruit?",
        "choices": [{"text": "Apple", "correct": True}, {"text": "Stone"}],
    }


def test_quizzes_draw_from_a_gift_bank_by_tag_each_with_its_own_ids() -> None:
    course = load_course(FILES / "drawn-from-banks.yaml")
    practice, final = (p.activity for m in course.modules for p in m.pages)
    assert isinstance(practice, Quiz) and isinstance(final, Quiz)
    assert [q.id for q in practice.questions] == ["practice-match-capitals", "practice-pi"]
    assert [q.id for q in final.questions][:2] == ["final-capital-fr", "final-primes"]
    assert len(final.questions) == 6 and final.draw == 5


def test_a_problem_in_an_included_gift_bank_points_into_that_file(tmp_path: Path) -> None:
    spec = (FILES / "drawn-from-banks.yaml").read_text()
    (tmp_path / "course.yaml").write_text(spec.replace("tags: [capitals]", "tags: [rivers]"))
    (tmp_path / "every-kind.gift").write_text(GIFT.read_text().replace("{#3.14:0.005}", "{#3.14"))
    with pytest.raises(SpecError) as caught:
        load_course(tmp_path / "course.yaml")
    assert str(caught.value).splitlines() == [
        f"{tmp_path / 'course.yaml'}:21:21: modules[0].pages[0].activity.banks[0].tags: "
        "bank 'geography' has no question tagged rivers",
        f"{tmp_path / 'every-kind.gift'}:28:38: not valid GIFT: the question ends before its "
        "'{' is closed with '}'",
    ]


def test_includes_that_leave_the_spec_folder_or_name_the_spec_are_refused(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "course"
    folder.mkdir()
    spec = (FILES / "drawn-from-banks.yaml").read_text()
    spec = spec.replace("include: every-kind.gift", "include: ../every-kind.gift")
    spec = spec.replace("modules:\n", "modules:\n  - include: course.yaml\n", 1)
    (folder / "course.yaml").write_text(spec)
    with pytest.raises(SpecError) as caught:
        load_course(folder / "course.yaml")
    assert str(caught.value).splitlines() == [
        f"{folder / 'course.yaml'}:8:14: banks[0].include: '../every-kind.gift' is outside the "
        "spec's folder; includes stay inside it",
        f"{folder / 'course.yaml'}:11:14: modules[0].include: 'course.yaml' is the spec itself: "
        "an include cycle",
    ]
