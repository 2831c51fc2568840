"""Open comments in the bank and in answer files (docs/formats.md section 6.3): loading, checks, writing, reading back."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ontwikkelscan.analysis.comments import anonymous_writers
from ontwikkelscan.cli import app
from ontwikkelscan.errors import InputError
from ontwikkelscan.files.answers import dump_answers, parse_answer_text
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.files.comments import attach_comments, clean
from ontwikkelscan.models import AnswerSheet, CommentQuestion
from tests import roundkit
from tests.conftest import BankMaker, bank_outside_a_test

runner = CliRunner()
BANK = roundkit.rater_bank()
RATERS = """\
raters:
  anonymity_floor: 3
  groups:
    medewerkers: {name: "Medewerkers"}
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def validate(make_bank: BankMaker, raters: str) -> tuple[int, list[str]]:
    make_bank(questions=roundkit.with_observers(raters=raters))
    result = runner.invoke(app, ["validate", "--bank", "bank"], env={"NO_COLOR": "1"})
    return result.exit_code, result.stderr.splitlines()


def test_the_bank_asks_its_comments_and_the_floor_defaults_to_the_anonymity_floor() -> None:
    assert BANK.raters is not None
    assert BANK.raters.comments == (
        CommentQuestion("blijven", "Wat wilt u blijven doen?", "Wat moet zij blijven doen?"),
        CommentQuestion("anders", "Wat wilt u anders doen?", "Wat kan zij anders doen?"))
    assert BANK.raters.comment_floor == 3
    higher = bank_outside_a_test(roundkit.COMPETENCIES, roundkit.rater_questions(4) + "  comment_floor: 5\n")
    assert higher.raters is not None and (higher.raters.anonymity_floor, higher.raters.comment_floor) == (4, 5)


def test_the_shipped_bank_asks_what_to_keep_and_what_to_change() -> None:
    bank = bank_outside_a_test()
    assert bank.raters is not None
    assert [(c.id, c.text, c.observer) for c in bank.raters.comments] == [
        ("blijven", "Wat wilt u vooral blijven doen?", "Wat moet deze secretaris vooral blijven doen?"),
        ("anders", "Wat wilt u meer of anders doen?", "Wat zou deze secretaris meer of anders kunnen doen?")]
    assert bank.raters.comment_floor == bank.raters.anonymity_floor == 3


def test_comment_errors_point_at_the_line(make_bank: BankMaker) -> None:
    raters = RATERS + """\
  comment_floor: 2
  comments:
    - {id: blijven, text: "Wat blijven?", observer: "Wat blijven?"}
    - {id: blijven, text: "Nog eens?", observer: "Nog eens?"}
    - {id: a-1, text: "Zelfde id?", observer: "Zelfde id?"}
    - {id: anders, text: "Wat anders?"}
    - {id: Leeg, text: "", observer: "x", extra: 1}
"""
    code, err = validate(make_bank, raters)
    assert code == 1
    assert err == [
        "bank/questions.yaml:22:18: raters.comment_floor: comment_floor 2 ligt onder de anonymity_floor (3); "
        "opmerkingen vragen minstens evenveel schrijvers: maak haar 3 of hoger, of laat haar weg (dan 3)",
        "bank/questions.yaml:25:12: raters.comments[1].id: dubbele id `blijven` (ook raters.comments[0]); geef elke "
        "open vraag een eigen id",
        "bank/questions.yaml:26:12: raters.comments[2].id: open vraag `a-1` heeft de id van een stelling; een kolom "
        "of sleutel met die id zou twee dingen betekenen: kies een andere id",
        "bank/questions.yaml:27:7: raters.comments[3]: open vraag `anders`: verplichte sleutel `observer` ontbreekt; "
        "de vraag voor anderen, bijv. `Wat moet deze secretaris vooral blijven doen?`",
        "bank/questions.yaml:28:12: raters.comments[4].id: `Leeg` is geen geldige id: gebruik kleine letters, "
        "cijfers en streepjes, bijv. `bps-1`",
        "bank/questions.yaml:28:24: raters.comments[4].text: tekst is leeg; vul hier iets in",
        "bank/questions.yaml:28:43: raters.comments[4].extra: onbekende sleutel `extra` (bedoelt u `text`?); toegestaan: id, text, "
        "observer",
        "7 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ]


ANSWER = "schema: ontwikkelscan/answers@1\nrater: medewerkers\nanswers: {a-1: 4}\n"


def test_comments_are_read_and_written_in_bank_order() -> None:
    text = ANSWER + 'comments:\n  anders: "Meer\\nluisteren."\n  blijven: "  Rust brengen.  "\n'
    sheet = parse_answer_text(text.encode(), "a.yaml", BANK)
    assert dict(sheet.comments) == {"anders": "Meer\nluisteren.", "blijven": "Rust brengen."}
    written = dump_answers(sheet, BANK)
    assert written.endswith('answers:\n  a-1: 4\ncomments:\n  blijven: "Rust brengen."\n'
                            '  anders: "Meer\\nluisteren."\n')
    assert parse_answer_text(written.encode(), "b.yaml", BANK).comments == sheet.comments


def test_an_empty_comment_is_no_comment() -> None:
    text = ANSWER + 'comments:\n  blijven: ""\n  anders:\n'
    sheet = parse_answer_text(text.encode(), "a.yaml", BANK)
    assert dict(sheet.comments) == {}
    assert "comments" not in dump_answers(sheet, BANK)


def test_bad_comments_name_file_line_and_what_is_allowed() -> None:
    text = ANSWER + "comments:\n  blijvn: \"x\"\n  anders: 12\n  blijven: \"" + "a" * 2001 + "\"\n"
    with pytest.raises(InputError) as caught:
        parse_answer_text(text.encode(), "a.yaml", BANK)
    assert [str(p) for p in caught.value.problems] == [
        "a.yaml:5:3: comments.blijvn: onbekende open vraag `blijvn` (bedoelt u `blijven`?); kies uit: blijven, anders",
        "a.yaml:6:11: comments.anders: opmerking bij `anders` is geen tekst; zet haar tussen aanhalingstekens, "
        "of laat haar leeg",
        "a.yaml:7:3: comments.blijven: opmerking bij `blijven` is 2001 tekens lang; hoogstens 2000 tekens: "
        "maak haar korter",
    ]


def test_a_bank_without_open_questions_says_so(bank_dir: Path) -> None:
    bank = load_bank(bank_dir)
    with pytest.raises(InputError) as caught:
        parse_answer_text(b"answers: {}\ncomments: {blijven: x}\n", "a.yaml", bank)
    assert [str(p) for p in caught.value.problems] == [
        "a.yaml:2:12: comments.blijven: onbekende open vraag `blijven`; deze vragenbank heeft geen open vragen "
        "(`raters.comments` in questions.yaml)"]


def test_a_template_lists_each_open_question_in_the_raters_wording() -> None:
    sheet = AnswerSheet("", {}, rater="medewerkers")
    text = dump_answers(sheet, BANK, with_questions=True)
    assert text.endswith('comments:  # open vragen: schrijf tussen de aanhalingstekens; leeg laten mag\n'
                         '  # Wat moet zij blijven doen?\n  blijven: ""\n  # Wat kan zij anders doen?\n  anders: ""\n')
    own = dump_answers(sheet._replace(rater="self"), BANK, with_questions=True)
    assert "  # Wat wilt u blijven doen?\n" in own
    assert parse_answer_text(text.encode(), "t.yaml", BANK).comments == {}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_reads_back_as_written(text: str) -> None:
    sheet = attach_comments(AnswerSheet("", {}, rater="medewerkers"), {"blijven": text}, BANK)
    back = parse_answer_text(dump_answers(sheet, BANK).encode(), "a.yaml", BANK)
    assert back.comments.get("blijven", "") == clean(text)


def test_hostile_text_is_kept_verbatim() -> None:
    hostile = "<script>alert(1)</script> [bold]x[/bold] **vet** \x1b[31mrood\x07 \u2028 \x85 \ufeff |a|b|"
    sheet = attach_comments(AnswerSheet("", {}, rater="medewerkers"), {"anders": hostile}, BANK)
    written = dump_answers(sheet, BANK)
    assert "\x1b" not in written and "\u2028" not in written
    assert parse_answer_text(written.encode(), "a.yaml", BANK).comments["anders"] == hostile.strip()


def test_attach_comments_checks_like_an_answer_file() -> None:
    sheet = AnswerSheet("", {}, rater="medewerkers", comments=MappingProxyType({"blijven": "oud"}))
    assert dict(attach_comments(sheet, {"anders": "nieuw", "blijven": " "}, BANK).comments) == {"anders": "nieuw"}
    with pytest.raises(ValueError, match="onbekende open vraag `nee`; kies uit: blijven, anders"):
        attach_comments(sheet, {"nee": "x"}, BANK)
    with pytest.raises(ValueError, match="is 2001 tekens lang"):
        attach_comments(sheet, {"anders": "é" * 2001}, BANK)


def test_anonymous_writers_per_question() -> None:
    def with_comments(rater: str, source: str, **comments: str) -> AnswerSheet:
        return attach_comments(roundkit.uniform(rater, 4, source=source), comments, BANK)

    sheets = [with_comments("self", "s.yaml", blijven="ik"), with_comments("burgemeester", "b.yaml", blijven="bm"),
              with_comments("medewerkers", "m1.yaml", blijven="m1", anders="m1"),
              with_comments("wethouders", "w1.yaml", anders="w1"), with_comments("directie", "d1.yaml")]
    assert anonymous_writers(BANK, sheets) == {"blijven": frozenset({"m1.yaml"}),
                                               "anders": frozenset({"m1.yaml", "w1.yaml"})}
