"""Rater groups and observer texts in the bank (docs/formats.md section 6): loading, defaults and `validate` errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.files.answers import dump_answers, parse_answer_text
from ontwikkelscan.files.bank import load_bank
from ontwikkelscan.models import AnswerSheet, RaterGroup
from tests import roundkit
from tests.conftest import QUESTIONS, BankMaker

runner = CliRunner()

RATERS = """\
raters:
  groups:
    burgemeester: {name: "Burgemeester", anonymous: false}
    medewerkers: {name: "Medewerkers"}
"""


def with_observers(questions: str = QUESTIONS, raters: str = RATERS) -> str:
    return roundkit.with_observers(questions, raters)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def validate(make_bank: BankMaker, questions: str) -> tuple[int, list[str]]:
    make_bank(questions=questions)
    result = runner.invoke(app, ["validate", "--bank", "bank"], env={"NO_COLOR": "1"})
    return result.exit_code, result.stderr.splitlines()


def test_rater_groups_and_observer_texts_load(make_bank: BankMaker) -> None:
    bank = load_bank(make_bank(questions=with_observers()))
    assert bank.raters is not None
    assert bank.raters.anonymity_floor == 3
    assert dict(bank.raters.groups) == {"burgemeester": RaterGroup("burgemeester", "Burgemeester", False),
                                        "medewerkers": RaterGroup("medewerkers", "Medewerkers", True)}
    assert bank.question_index["a-1"].observer == "Doet A-1."
    assert bank.question_index["a-4"].observer is None


def test_a_bank_without_raters_has_none(bank_dir: Path) -> None:
    bank = load_bank(bank_dir)
    assert bank.raters is None
    assert all(q.observer is None for q in bank.questions)


def test_a_floor_of_two_is_allowed(make_bank: BankMaker) -> None:
    bank = load_bank(make_bank(questions=with_observers(raters=RATERS.replace("  groups:", "  anonymity_floor: 2\n  groups:"))))
    assert bank.raters is not None and bank.raters.anonymity_floor == 2


def test_raters_errors_all_at_once(make_bank: BankMaker) -> None:
    raters = """\
raters:
  anonymity_floor: 1
  groups:
    self: {name: "Ikzelf"}
    wethouders: {naam: "Wethouders", anonymous: "ja"}
"""
    code, err = validate(make_bank, with_observers(raters=raters).replace(", observer: \"Doet B-2.\"", ""))
    assert code == 1
    assert err == [
        "bank/questions.yaml:13:5: questions[5]: vraag `b-2`: verplichte sleutel `observer` ontbreekt; in een bank "
        "met `raters` heeft elke vraag er een: de tekst voor anderen, zonder onderwerp (\"Geeft ...\"), of "
        "`observer: null` als anderen dit gedrag niet kunnen zien",
        "bank/questions.yaml:19:20: raters.anonymity_floor: gevonden `1`; moet minstens 2 zijn",
        "bank/questions.yaml:21:5: raters.groups.self: `self` is geen groep: de eigen scan is altijd een groep "
        "apart; geef deze groep een andere id",
        "bank/questions.yaml:22:17: raters.groups.wethouders: verplichte sleutel `name` ontbreekt; naam van de "
        "groep in formulieren en rapport, bijv. `Wethouders`",
        "bank/questions.yaml:22:18: raters.groups.wethouders.naam: onbekende sleutel `naam` (bedoelt u `name`?); "
        "toegestaan: name, anonymous",
        "bank/questions.yaml:22:49: raters.groups.wethouders.anonymous: verwacht true of false, gevonden tekst (\"ja\")",
        "6 fouten in de vragenbank in bank; de bank is niet bruikbaar.",
    ]


def test_an_empty_observer_text_is_an_error(make_bank: BankMaker) -> None:
    code, err = validate(make_bank, with_observers().replace('observer: "Doet B-1."', 'observer: ""'))
    assert code == 1
    assert err[0] == "bank/questions.yaml:12:63: questions[4].observer: tekst is leeg; vul hier iets in"


def test_a_competency_nobody_else_can_see_is_a_warning(make_bank: BankMaker) -> None:
    questions = with_observers()
    for qid in ("G-1", "G-2", "G-3"):
        questions = questions.replace(f'observer: "Doet {qid}."', "observer: null")
    code, err = validate(make_bank, questions)
    assert code == 0
    assert err == ["bank/competencies.yaml:11:9: competencies[2].id: waarschuwing: competentie `gamma` heeft geen "
                   "vraag met een `observer:`-tekst; anderen kunnen haar in een feedbackronde niet beoordelen",
                   "1 waarschuwing in de vragenbank in bank."]


def test_the_round_key_of_an_answer_file_round_trips(make_bank: BankMaker) -> None:
    bank = load_bank(make_bank(questions=with_observers()))
    text = "schema: ontwikkelscan/answers@1\nrater: medewerkers\nround: 2027-voorjaar-jansen\nanswers: {a-1: 4}\n"
    sheet = parse_answer_text(text.encode(), "a.yaml", bank)
    assert (sheet.rater, sheet.round) == ("medewerkers", "2027-voorjaar-jansen")
    assert "round: 2027-voorjaar-jansen\n" in dump_answers(sheet, bank)
    assert "round:" not in dump_answers(AnswerSheet("x.yaml", {}), bank)


def test_a_round_id_must_be_kebab_case(make_bank: BankMaker) -> None:
    from ontwikkelscan.errors import InputError

    bank = load_bank(make_bank(questions=with_observers()))
    with pytest.raises(InputError) as caught:
        parse_answer_text(b"round: Voorjaar 2027\nanswers: {}\n", "a.yaml", bank)
    assert [str(p) for p in caught.value.problems] == [
        "a.yaml:1:8: round: `Voorjaar 2027` is geen geldige id: gebruik kleine letters, cijfers en streepjes, "
        "bijv. `bps-1`"]
