""".xlsx workbooks (files/survey/workbook.py, python-calamine): every kind of cell reads as the text
openpyxl gave before, rows keep their numbers, the sheet choice; and a damaged, truncated or
pretend workbook is a Dutch error naming the file (exit 1), never an internal error (fuzzed)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ontwikkelscan.cli import app
from ontwikkelscan.errors import InputError
from ontwikkelscan.files.inputs import iter_csv
from ontwikkelscan.files.survey.tables import read_table
from ontwikkelscan.files.survey.workbook import DAMAGED, workbook_rows
from ontwikkelscan.models import Bank

LABEL = "export.xlsx"


def openpyxl_text(value: Any) -> str:
    """How the reader before (openpyxl, read-only, values only) turned a cell into text: the oracle."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def openpyxl_rows(raw: bytes) -> list[tuple[int, list[str]]]:
    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    rows = []
    for n, values in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
        cells = [openpyxl_text(v) for v in values]
        while cells and not cells[-1]:
            cells.pop()
        rows.append((n, cells))
    book.close()
    while rows and not rows[-1][1]:
        rows.pop()
    return rows


def save(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def trimmed(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    rows = list(rows)
    while rows and not rows[-1][1]:
        rows.pop()
    return rows


TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"), max_size=12) \
    .filter(lambda s: not s.startswith("="))  # openpyxl writes "=..." as a formula
SECONDS = st.integers(0, 86399)
CELL = st.one_of(
    st.none(), TEXT, st.booleans(), st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False, width=64).filter(lambda f: abs(f) < 1e300),
    st.dates(dt.date(1900, 3, 1), dt.date(2100, 12, 31)),
    st.builds(lambda d, s: dt.datetime.combine(d, dt.time()) + dt.timedelta(seconds=s),
              st.dates(dt.date(1900, 3, 1), dt.date(2100, 12, 31)), SECONDS),
    st.builds(lambda s: (dt.datetime.min + dt.timedelta(seconds=s)).time(), SECONDS),
    st.builds(lambda s: dt.timedelta(seconds=s), st.integers(0, 10 * 86400)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=st.dictionaries(st.tuples(st.integers(1, 12), st.integers(1, 8)), CELL, max_size=40),
       merged=st.booleans())
def test_every_kind_of_cell_reads_as_before(cells: dict[tuple[int, int], Any], merged: bool) -> None:
    # each cell written once: its number format is that of its value (a number in a cell formatted
    # as a date, say -1 as 1899-12-29, is a spreadsheet's own puzzle, not an export's)
    book = openpyxl.Workbook()
    sheet = book.active
    for (row, column), value in cells.items():
        sheet.cell(row, column, value)
    if merged:
        sheet.merge_cells(start_row=1, start_column=2, end_row=1, end_column=4)  # a merged header cell
    raw = save(book)
    expected = openpyxl_rows(raw)
    # (openpyxl gave a date as a date and time at midnight: the oracle sees the datetime it reads back)
    assert trimmed(workbook_rows(raw, LABEL, None)) == expected


def test_rows_keep_their_numbers_and_the_sheet_is_chosen_by_name() -> None:
    book = openpyxl.Workbook()
    book.active.title = "Eerste"
    book.active["B3"] = "kop"
    second = book.create_sheet("Antwoorden")
    second.append(["Id", "Naam"])
    second.append([1, "Ans"])
    raw = save(book)
    assert workbook_rows(raw, LABEL, None) == [(1, []), (2, []), (3, ["", "kop"])]
    assert workbook_rows(raw, LABEL, "Antwoorden") == [(1, ["Id", "Naam"]), (2, ["1", "Ans"])]
    with pytest.raises(InputError) as caught:
        workbook_rows(raw, LABEL, "Blad9")
    assert str(caught.value) == "export.xlsx: geen werkblad `Blad9`; dit bestand heeft: Eerste, Antwoorden"


def test_dates_and_times_as_before() -> None:
    book = openpyxl.Workbook()
    book.active.append([dt.datetime(2026, 11, 28, 9, 30, 5), dt.date(2026, 11, 28), dt.time(12, 30),
                        dt.timedelta(hours=1, minutes=5), 3.0, 2.5, True, None, "weet ik niet"])
    assert workbook_rows(save(book), LABEL, None) == [
        (1, ["2026-11-28 09:30:05", "2026-11-28 00:00:00", "12:30:00", "1:05:00", "3", "2.5", "1", "", "weet ik niet"])]


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("raw", "message"), [
    (b"", f"het bestand is leeg; {DAMAGED}"),
    (b"<!DOCTYPE html><html><body>Sign in</body></html>",
     "dit is geen Excel-bestand maar een webpagina (HTML) met de naam .xlsx, vaak een foutmelding of een "
     "inlogpagina in plaats van de download; download de export opnieuw"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
     "geen .xlsx maar een ouder Excel-bestand (.xls) of een met een wachtwoord beveiligd bestand; sla het in Excel "
     "op als 'Excel-werkmap (.xlsx)' zonder wachtwoord, of als 'CSV UTF-8'"),
    (b"Id;Naam\n1;Ans\n", f"dit is geen Excel-bestand (.xlsx), al heet het zo; {DAMAGED}"),
    (_zip({"export.csv": b"Id,Naam\n1,Ans\n"}), f"geen geldig Excel-bestand (.xlsx): {DAMAGED}"),
    (b"PK\x03\x04" + bytes(40), f"geen geldig Excel-bestand (.xlsx): {DAMAGED}"),
])
def test_a_file_that_only_looks_like_a_workbook(raw: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        workbook_rows(raw, LABEL, None)
    assert str(caught.value) == f"{LABEL}: {message}"


_WORKBOOKS: dict[str, bytes] = {}


def _workbook(bank: Bank) -> bytes:
    """One Forms-like export, the same bytes every time (openpyxl stamps the time of saving)."""
    if bank.sha256 not in _WORKBOOKS:
        _WORKBOOKS[bank.sha256] = _make_workbook(bank)
    return _WORKBOOKS[bank.sha256]


def _make_workbook(bank: Bank) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    questions = bank.questions
    sheet.append(["Id", "Begintijd", "Naam", *(q.text for q in questions)])
    for i in range(1, 6):
        sheet.append([i, dt.datetime(2026, 11, i, 10), f"Persoon {i}", *(bank.scale.label(1 + (i + j) % 5)
                                                                           for j, _ in enumerate(questions))])
    return save(book)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_workbooks_are_input_errors_naming_the_file(bank: Bank, tmp_path: Path, data: st.DataObject) -> None:
    raw = bytearray(_workbook(bank))
    how = data.draw(st.sampled_from(["truncate", "flip", "splice"]))
    if how == "truncate":
        raw = raw[:data.draw(st.integers(0, len(raw) - 1))]
    elif how == "flip":
        for at in data.draw(st.lists(st.integers(0, len(raw) - 1), min_size=1, max_size=8)):
            raw[at] = data.draw(st.integers(0, 255))
    else:
        at = data.draw(st.integers(0, len(raw)))
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=64))
    path = tmp_path / LABEL
    path.write_bytes(bytes(raw))
    try:
        read_table(path, LABEL)
        for _row, _item in iter_csv(path, bank, LABEL):  # the whole way to answer sheets
            pass
    except InputError as exc:
        assert all(p.file == LABEL for p in exc.problems)


def test_a_broken_download_through_the_command(bank: Bank, bank_dir: Path, tmp_path: Path) -> None:
    raw = _workbook(bank)
    path = tmp_path / "voor.xlsx"
    path.write_bytes(raw[:len(raw) // 2])  # half downloaded
    result = CliRunner().invoke(app, ["report", str(path), "--bank", str(bank_dir)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"{path}: geen geldig Excel-bestand (.xlsx): {DAMAGED}\n"
    intact = tmp_path / "na.xlsx"
    intact.write_bytes(raw)
    result = CliRunner().invoke(app, ["cohort", str(intact), "--bank", str(bank_dir), "-f", "json", "-t", "regie"])
    assert result.exit_code == 0, result.stderr
