"""Expanding INPUTS (files, folders, CSV) into answer sheets, and the CSV import parser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelscan.errors import InputError
from ontwikkelscan.files.inputs import Notice, column_name, iter_csv, iter_sheets, parse_csv
from ontwikkelscan.models import AnswerSheet, Bank

Write = Callable[[str, str], Path]
GOOD = "schema: ontwikkelscan/answers@1\nanswers:\n  a-1: 4\n"
ALLOWED = ('toegestaan: 1 of "nooit", 2 of "soms", 3 of "regelmatig", 4 of "vaak", 5 of "altijd", '
           '"weet ik niet / n.v.t." of leeg (overgeslagen)')


def sources(items: list[tuple[str, AnswerSheet | InputError | Notice]]) -> list[tuple[str, str]]:
    return [(s, "ok" if isinstance(x, AnswerSheet) else str(x)) for s, x in items if not isinstance(x, Notice)]


def rows(items: object) -> list[tuple[int, AnswerSheet | InputError]]:
    """The rows and errors, without the warnings (Notices) about the file."""
    return [(r, x) for r, x in items if not isinstance(x, Notice)]  # type: ignore[attr-defined]


def test_folders_are_searched_sorted_and_files_keep_input_order(tmp_path: Path, write: Write, bank: Bank) -> None:
    write("scans/b.yml", GOOD)
    write("scans/a.yaml", GOOD)
    write("scans/sub/c.yaml", GOOD)
    write("scans/notes.txt", "no")
    write("scans/.hidden/d.yaml", GOOD)
    write("scans/.e.yaml", GOOD)
    single = write("z.yaml", GOOD)
    items = list(iter_sheets([single, tmp_path / "scans", tmp_path / "missing.yaml"], bank))
    assert sources(items) == [
        (str(single), "ok"),
        (str(tmp_path / "scans/a.yaml"), "ok"),
        (str(tmp_path / "scans/b.yml"), "ok"),
        (str(tmp_path / "scans/sub/c.yaml"), "ok"),
        (str(tmp_path / "missing.yaml"), f"{tmp_path / 'missing.yaml'}: bestand niet gevonden"),
    ]


def test_a_symlinked_folder_is_followed_once_and_a_loop_ends(tmp_path: Path, write: Write, bank: Bank) -> None:
    write("elders/a.yaml", GOOD)
    write("scans/b.yaml", GOOD)
    (tmp_path / "scans/gedeeld").symlink_to(tmp_path / "elders", target_is_directory=True)
    (tmp_path / "elders/terug").symlink_to(tmp_path / "scans", target_is_directory=True)  # a loop
    (tmp_path / "scans/weg.yaml").symlink_to(tmp_path / "bestaat-niet.yaml")  # a broken link is reported
    items = list(iter_sheets([tmp_path / "scans"], bank))
    assert sources(items) == [
        (str(tmp_path / "scans/b.yaml"), "ok"),
        (str(tmp_path / "scans/gedeeld/a.yaml"), "ok"),
        (str(tmp_path / "scans/weg.yaml"), f"{tmp_path / 'scans/weg.yaml'}: bestand niet gevonden"),
    ]


def test_a_bad_file_is_an_item_not_an_exception(write: Write, bank: Bank) -> None:
    bad = write("bad.yaml", "answers:\n  a-1: 7\n")
    [(source, item)] = list(iter_sheets([bad], bank))
    assert isinstance(item, InputError)
    assert str(item) == (f"{bad}:2:8: answers.a-1: antwoord 7 valt buiten de schaal; "
                         "toegestaan: een geheel getal van 1 tot en met 5, of null (overgeslagen)")


def test_an_empty_folder_is_an_error(tmp_path: Path, bank: Bank) -> None:
    (tmp_path / "leeg").mkdir()
    [(source, item)] = list(iter_sheets([tmp_path / "leeg"], bank))
    assert str(item) == f"{tmp_path / 'leeg'}: deze map bevat geen antwoordbestanden (*.yaml, *.yml, *.csv of *.xlsx)"


def test_csv_cells_numbers_labels_not_applicable_and_empty(bank: Bank) -> None:
    text = ("respondent,municipality,municipality_type,date,a-1,a-2,a-3,b-1\n"
            "Jan,Gemeente X,regie,28-11-2026,4,  VAAK ,Weet ik niet / N.V.T.,\n"
            ",,,,,,,\n"
            "Piet,,,2026-11-01,1,altijd,3,2\n")
    found = rows(parse_csv(text, "s.csv", bank))
    assert [r for r, _ in found] == [2, 4]
    jan, piet = (sheet for _, sheet in found)
    assert isinstance(jan, AnswerSheet) and isinstance(piet, AnswerSheet)
    assert dict(jan.answers) == {"a-1": 4, "a-2": 4, "a-3": None, "b-1": None}
    assert dict(jan.respondent) == {"name": "Jan", "municipality": "Gemeente X"}
    assert (jan.source, jan.date, jan.municipality_type) == ("s.csv:2", "2026-11-28", "regie")
    assert dict(piet.answers) == {"a-1": 1, "a-2": 5, "a-3": 3, "b-1": 2}
    assert (piet.source, piet.date, piet.municipality_type) == ("s.csv:4", "2026-11-01", None)


def test_csv_semicolons_and_bom_as_dutch_excel_saves_them(tmp_path: Path, bank: Bank) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffrespondent;a-1;a-2\r\n\"De Vries; A.\";2;soms\r\n".encode())
    [(row, sheet)] = rows(iter_csv(path, bank))
    assert isinstance(sheet, AnswerSheet)
    assert (row, dict(sheet.answers), sheet.respondent["name"]) == (2, {"a-1": 2, "a-2": 2}, "De Vries; A.")


def test_csv_row_errors_name_file_row_and_column_and_other_rows_go_on(bank: Bank) -> None:
    text = "a-1,a-2,date,municipality_type\n9,zz,2026-13-01,groot\n3,3,,\n"
    found = rows(parse_csv(text, "s.csv", bank))
    assert [r for r, _ in found] == [2, 3]
    assert str(found[0][1]).splitlines() == [
        f"s.csv:2:1: rij 2, kolom A (a-1): antwoord 9 valt buiten de schaal; {ALLOWED}",
        f"s.csv:2:2: rij 2, kolom B (a-2): `zz` is geen antwoord; {ALLOWED}",
        "s.csv:2:3: rij 2, kolom C (date): `2026-13-01` is geen datum; schrijf JJJJ-MM-DD of DD-MM-JJJJ "
        "(een tijd erachter mag)",
        "s.csv:2:4: rij 2, kolom D (municipality_type): onbekend type gemeente `groot`; kies uit: regie, beheer "
        "(of Regiegemeente, Beheergemeente)",
    ]
    assert isinstance(found[1][1], AnswerSheet)


def test_csv_header_errors_refuse_the_whole_file(bank: Bank) -> None:
    [(row, error)] = list(parse_csv("a-1,a-1,a1,,x\n1,2,3,4,5\n", "s.csv", bank))
    assert row == 0
    assert str(error).splitlines() == [
        "s.csv:1:2: rij 1, kolom B (a-1): kolom `a-1` is ook vraag `a-1`, net als kolom A; laat er één over of "
        "wijs ze toe met --columns",
        "s.csv:1:3: rij 1, kolom C (a1): kolom `a1` lijkt een vraag-id, maar vragenbank t1 kent hem niet "
        "(bedoelt u `a-1`?); verbeter de kop of wijs hem toe met --columns",
    ]


def test_unknown_columns_are_one_warning_and_missing_questions_another(bank: Bank) -> None:
    items = list(parse_csv("Tijdstempel,x,a-1,Opmerking,,b_2\n2026/11/07 8:29:44,y,4,z,,3\n", "s.csv", bank))
    assert [str(x) for _, x in items if isinstance(x, Notice)] == [
        "s.csv: 2 kolom(men) niet gebruikt: B (x), D (Opmerking)",
        "s.csv: 8 vraag/vragen van de vragenbank staan niet in het bestand (tellen als niet beantwoord): "
        "a-2, a-3, a-4, b-1, b-3, g-1, g-2, g-3",
    ]
    [(row, sheet)] = rows(items)
    assert isinstance(sheet, AnswerSheet)
    assert (row, dict(sheet.answers), sheet.date) == (2, {"a-1": 4, "b-2": 3}, "2026-11-07")


@pytest.mark.parametrize(("text", "message"), [
    ("", "s.csv: het bestand is leeg; verwacht een kopregel met vragen of vraag-id's"),
    ("respondent,date\nJan,\n", "s.csv:1: rij 1: geen enkele kolom is een vraag van de vragenbank (geen vraag-id, "
     "geen vraagtekst); maak een koppeling met `ontwikkelscan import-csv s.csv --write-columns KOPPELING.yaml` en "
     "geef die met --columns"),
])
def test_csv_without_questions(bank: Bank, text: str, message: str) -> None:
    [(row, error)] = list(parse_csv(text, "s.csv", bank))
    assert (row, str(error)) == (0, message)


def test_csv_too_many_cells(bank: Bank) -> None:
    [(row, error)] = rows(parse_csv("a-1,a-2\n1,2,3\n", "s.csv", bank))
    assert str(error) == "s.csv:2:3: rij 2: rij heeft 3 cellen, de kopregel 2; staat er een scheidingsteken te veel?"


def test_csv_not_utf8_is_read_as_windows_1252_with_a_warning(tmp_path: Path, bank: Bank) -> None:
    path = tmp_path / "oud.csv"
    path.write_bytes("respondent;a-1\nJos\xe9;1\n".encode("cp1252"))
    items = list(iter_csv(path, bank))
    assert str(items[0][1]) == (f"{path}: geen UTF-8; gelezen als Windows-1252 (ANSI). Controleer letters als é en "
                                "ë, of sla het bestand op als 'CSV UTF-8'")
    [(_, sheet)] = rows(items)
    assert isinstance(sheet, AnswerSheet) and sheet.respondent["name"] == "José"


def test_utf16_tab_separated_as_excel_saves_unicode_text(tmp_path: Path, bank: Bank) -> None:
    path = tmp_path / "unicode.txt.csv"
    path.write_bytes("respondent\ta-1\ta-2\r\nRenée\t(Bijna) altijd\tSOMS\r\n".encode("utf-16"))
    [(row, sheet)] = rows(iter_csv(path, bank))
    assert isinstance(sheet, AnswerSheet)
    assert (row, sheet.respondent["name"], dict(sheet.answers)) == (2, "Renée", {"a-1": 5, "a-2": 2})


def test_csv_in_iter_sheets_gets_row_sources(write: Write, bank: Bank) -> None:
    path = write("s.csv", "a-1\n1\n6\n")
    items = sources(list(iter_sheets([path], bank)))
    assert items[0] == (f"{path}:2", "ok")
    assert items[1][0] == f"{path}:3"


def test_column_names() -> None:
    assert [column_name(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


# the bank fixture is read-only, so sharing it between examples is safe
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('a-1,;"\n\r 4Vaak\x00é=')), max_size=60))
def test_the_csv_parser_never_crashes(bank: Bank, text: str) -> None:
    for row, item in parse_csv("a-1,a-2\n" + text, "s.csv", bank):
        assert isinstance(item, AnswerSheet | InputError | Notice)
        assert row >= 2 or isinstance(item, Notice) or (row == 0 and isinstance(item, InputError))
