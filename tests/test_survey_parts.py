"""The pure parts of the survey import: header matching, cell values, dates, the --columns file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontwikkelscan.errors import InputError
from ontwikkelscan.files.survey.columns import match_columns, norm
from ontwikkelscan.files.survey.mapping import read_mapping
from ontwikkelscan.files.survey.values import Cells, iso_date, municipality_type

from .conftest import bank_outside_a_test

BANK = bank_outside_a_test()  # the shipped bank, without touching the user's cache
TEXT = BANK.question_index["bps-1"].text  # "Ik stem de timing van een voorstel af op de politieke verhoudingen in de raad."


@pytest.mark.parametrize("header", [
    "bps-1", "BPS-1", "bps_1", TEXT, TEXT.upper().rstrip("."), f"Hoe vaak doet u het volgende? [{TEXT}]",
    f"Hoe vaak doet u het volgende? - {TEXT}", f"G01Q01[SQ001]. Hoe vaak? [{TEXT}]", f"<p>{TEXT}</p>",
    "  ik stem de timing van een voorstel af, op de politieke verhoudingen in de raad  ",
])
def test_a_header_matches_a_question(header: str) -> None:
    [column] = match_columns([(header,)], BANK).columns
    assert (column.role, column.question) == ("bps-1", True)


@pytest.mark.parametrize(("header", "role"), [
    ("ID", "response_id"), ("Completion time", "date"), ("Tijd van voltooien", "date"), ("Name", "respondent"),
    ("Naam", "respondent"), ("E-mailadres", "email"), ("Tijdstempel", "date"), ("submitdate", "date"),
    ("Date submitted", "date"), ("Response ID", "response_id"), ("ResponseId", "response_id"),
    ("RecordedDate", "date"), ("Start time", "ignore"), ("ipaddr", "ignore"), ("Duration (in seconds)", "ignore"),
    ("Welk type gemeente is uw gemeente?", "municipality_type"), ("In welke gemeente werkt u?", "municipality"),
    ("Wat is uw naam?", "respondent"), ("groupTime12", "ignore"), ("Finished", "finished"),
    ("Points - Ik stem de timing van een voorstel af op de politieke verhoudingen in de raad.", "ignore"),
    ("Voornaam", "given_name"), ("Achternaam", "family_name"), ("Last modified time", "ignore"),
])
def test_metadata_headers(header: str, role: str) -> None:
    assert match_columns([(header,)], BANK).columns[0].role == role


def test_unknown_columns_and_id_lookalikes() -> None:
    matched = match_columns([("bps-1",), ("Opmerkingen",), ("bps-9",), ("bsp-1",)], BANK)
    assert [c.header for c in matched.unknown] == ["Opmerkingen"]
    assert [i for i, _ in matched.errors] == [2, 3]
    assert matched.errors[1][1] == (f"kolom `bsp-1` lijkt een vraag-id, maar vragenbank {BANK.version} kent hem niet "
                                    "(bedoelt u `bps-1`?); verbeter de kop of wijs hem toe met --columns")


@pytest.mark.parametrize(("text", "value"), [
    ("4", 4), (" 4 ", 4), ("4.0", 4), ("vaak", 4), ("VAAK", 4), ("(bijna) nooit", 1), ("(Bijna) Nooit", 1),
    ("bijna nooit", 1), ("nooit", 1), ("Bijna altijd", 5), ("weet ik niet / n.v.t.", None), ("Weet ik niet", None),
    ("n.v.t.", None), ("nvt", None), ("", None), ("4 - vaak", 4), ("5. (bijna) altijd", 5),
])
def test_cell_values(text: str, value: int | None) -> None:
    assert Cells(BANK).value(text) == value


def test_codes_and_their_hint() -> None:
    assert Cells(BANK, {"A1": 1, "A6": None}).value("a1") == 1
    assert Cells(BANK, {"A1": 1, "A6": None}).value("A6") is None
    assert str(Cells(BANK).value("A3")).endswith("; een code? vertaal hem met --columns (values:)")
    assert Cells(BANK).value("9") == ("antwoord 9 valt buiten de schaal; toegestaan: 1 of \"(bijna) nooit\", 2 of "
                                      "\"soms\", 3 of \"regelmatig\", 4 of \"vaak\", 5 of \"(bijna) altijd\", \"weet ik "
                                      "niet / n.v.t.\" of leeg (overgeslagen)")


@pytest.mark.parametrize(("text", "iso"), [
    ("2026-11-07", "2026-11-07"), ("2026-11-07 08:29:44", "2026-11-07"), ("2026-11-07T08:29:44Z", "2026-11-07"),
    ("7-11-2026 08:29:44", "2026-11-07"), ("7-11-2026", "2026-11-07"), ("07/11/2026 8:29", "2026-11-07"),
    ("2026/11/07 8:29:44 AM GMT+1", "2026-11-07"), ("2026/11/07", "2026-11-07"), ("31-02-2026", None),
    ("gisteren", None),
])
def test_dates(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


@pytest.mark.parametrize(("text", "type_id"), [
    ("regie", "regie"), ("Regiegemeente", "regie"), ("REGIEGEMEENTE", "regie"), ("Regie", "regie"), ("groot", None),
    ("Regiegemeente (stuurt op hoofdlijnen)", "regie"), ("Beheergemeente: een kleinere gemeente", "beheer"),
])
def test_types(text: str, type_id: str | None) -> None:
    assert municipality_type(text, BANK) == type_id


def test_norm() -> None:
    assert norm("<p>Ik&nbsp;doe — het  wél!</p>") == "ik doe het wél"


def test_the_columns_file_is_checked_against_the_bank(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    path.write_text('columns:\n  "Q1": bps-1\n  Q2: bps-99\n  Q3: null\nvalues:\n  A1: 1\n  A6: null\n  X: 9\n'
                    "  R: regie\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_mapping(path, BANK)
    assert str(caught.value).splitlines() == [
        f"{path}:3:7: columns.Q2: `bps-99` is geen kolom-doel (bedoelt u `bps-7`?); toegestaan: een vraag-id van "
        f"vragenbank {BANK.version}, respondent, municipality, municipality_type, date, response_id, rater, "
        "email, given_name, family_name, finished, status, een open vraag (blijven, anders), of null (niet gebruiken)",
        f"{path}:8:6: values.X: `9` is geen antwoord; toegestaan: een geheel getal van 1 tot en met 5, null (weet ik "
        "niet) of een type gemeente (regie, ontwikkel, beheer)",
    ]
    path.write_text('columns:\n  "Q1": bps-1\n  Q3: null\nvalues:\n  A1: 1\n  6: null\n  R: regie\n', encoding="utf-8")
    mapping = read_mapping(path, BANK)
    assert (dict(mapping.columns), dict(mapping.values), dict(mapping.types)) == (
        {"Q1": "bps-1", "Q3": None}, {"A1": 1, "6": None}, {"R": "regie"})


def test_an_anonymous_microsoft_form_has_no_name() -> None:
    from ontwikkelscan.files.inputs import parse_csv
    from ontwikkelscan.models import AnswerSheet

    text = "ID,Email,Name,bps-1\n1,anonymous,anonymous,4\n"
    [sheet] = [x for _, x in parse_csv(text, "f.csv", BANK) if isinstance(x, AnswerSheet)]
    assert (dict(sheet.respondent), sheet.response_id) == ({}, "1")


def test_questions_for_a_context_are_not_reported_missing() -> None:
    from ontwikkelscan.files.inputs import Notice, parse_csv

    asked = [q.id for q in BANK.questions if not q.contexts]
    assert len(asked) < len(BANK.questions)  # the shipped bank has context questions
    text = ",".join(asked) + "\n" + ",".join("3" for _ in asked) + "\n"
    assert [x for _, x in parse_csv(text, "f.csv", BANK) if isinstance(x, Notice)] == []


def test_the_number_after_the_scale_hints_at_weet_ik_niet() -> None:
    assert str(Cells(BANK).value("6")).endswith('; is 6 de code van "weet ik niet"? koppel hem met --columns '
                                               '(values: "6": null)')
    assert Cells(BANK, {"6": None}).value("6") is None


SIX = BANK._replace(scale=BANK.scale._replace(min=1, max=6, labels={
    1: "nooit", 2: "bijna nooit", 3: "soms", 4: "regelmatig", 5: "vaak", 6: "altijd"}))


@pytest.mark.parametrize(("text", "value"), [
    ("Nooit", 1), ("nooit", 1), ("bijna nooit", 2), ("Bijna Nooit", 2), ("1 - nooit", 1), ("2 - bijna nooit", 2),
])
def test_an_exact_label_wins_over_an_alias(text: str, value: int) -> None:
    # "bijna nooit" also answers to "nooit" (without "bijna"), but not where "nooit" is a label itself
    assert Cells(SIX).value(text) == value


@pytest.mark.parametrize(("text", "label"), [
    ("1-5", "(bijna) nooit"), ("2 - 3", "soms"), ("4. banaan", "vaak"), ("4 - nooit", "vaak"), ("3) vaak", "regelmatig"),
    ("5 = 4", "(bijna) altijd")])
def test_a_number_with_other_text_than_its_label_is_no_answer(text: str, label: str) -> None:
    assert Cells(BANK).value(text) == (f"`{text}` is geen antwoord: na {text[0]} hoort \"{label}\" of niets te "
                                       "staan; toegestaan: 1 of \"(bijna) nooit\", 2 of \"soms\", "
                                       "3 of \"regelmatig\", 4 of \"vaak\", 5 of \"(bijna) altijd\", \"weet ik niet / "
                                       "n.v.t.\" of leeg (overgeslagen)")


@pytest.mark.parametrize(("text", "value"), [
    ("4 - vaak", 4), ("4. Vaak", 4), ("4: vaak", 4), ("4) vaak", 4), ("4 = vaak", 4), ("1 - bijna nooit", 1),
    ("5. (bijna) altijd", 5), ("2-soms", 2),
])
def test_a_numbered_label_is_its_number(text: str, value: int) -> None:
    assert Cells(BANK).value(text) == value


def test_the_order_of_a_date_column_is_decided_for_the_whole_column() -> None:
    from ontwikkelscan.files.survey.values import date_order

    us = ["11/7/2026 8:29:44", "11/28/2026 10:00:00", "12/1/2026"]
    month_first = date_order(us)
    assert [iso_date(t, month_first) for t in us] == ["2026-11-07", "2026-11-28", "2026-12-01"]
    dutch = ["7-11-2026", "28-11-2026", "1/12/2026"]
    assert [iso_date(t, date_order(dutch)) for t in dutch] == ["2026-11-07", "2026-11-28", "2026-12-01"]
    assert date_order(["7-11-2026", "2026-11-07"]) is False  # nothing says month-first: the Dutch order
    assert date_order(["13/11/2026", "11/13/2026"]) is False  # both: the Dutch order, the other row is refused
    assert iso_date("11/13/2026", False) is None
