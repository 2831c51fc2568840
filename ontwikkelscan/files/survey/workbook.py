"""The rows of an .xlsx workbook (Microsoft Forms downloads one), as text cells.

Read with python-calamine (Rust's calamine: about twenty times faster than openpyxl's XML
parsing, which made a 5,000-row export cost twice its CSV), imported only here, when an .xlsx
file is read. The first sheet, or `sheet` by name. Rows keep the numbers a spreadsheet shows
(an empty row 1 stays row 1); empty cells are ""; a merged cell's text is in its first cell,
the others are empty. Cells become the text openpyxl gave before: whole numbers without ".0",
true/false as 1/0, a date or a date and time as "YYYY-MM-DD HH:MM:SS", a time as "HH:MM:SS".

A damaged or truncated workbook, or a file that only has the name (an HTML page saved as
.xlsx, an old .xls, a password-protected file), is an InputError naming the file and what
to do, never an internal error: tests/test_workbook.py fuzzes cells and bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from ...errors import InputError, file_problem

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an old .xls, or an Office file protected with a password
DAMAGED = ("het bestand is beschadigd of niet helemaal gedownload; download het opnieuw, of sla het in Excel "
           "op als 'CSV UTF-8'")


def workbook_rows(raw: bytes, label: str, sheet: str | None) -> list[tuple[int, list[str]]]:
    """(row number, cells) for every row of the sheet, trailing empty cells left off."""
    if not raw.startswith(ZIP_MAGIC):
        raise file_problem(label, _not_a_workbook(raw))
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        names = list(book.sheet_names)
        if sheet is not None and sheet not in names:
            raise file_problem(label, f"geen werkblad `{sheet}`; dit bestand heeft: {', '.join(names)}")
        if not names:
            raise file_problem(label, f"geen werkblad in dit Excel-bestand; {DAMAGED}")
        values = book.get_sheet_by_name(sheet if sheet is not None else names[0]).to_python(skip_empty_area=False)
    except InputError:
        raise
    except BaseException as exc:  # calamine's errors, and a Rust panic (pyo3 raises those as BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
            raise
        raise file_problem(label, f"geen geldig Excel-bestand (.xlsx): {DAMAGED}") from None
    return [(n, _trim([text(v) for v in row])) for n, row in enumerate(values, start=1)]


def _not_a_workbook(raw: bytes) -> str:
    if raw.startswith(OLE_MAGIC):
        return ("geen .xlsx maar een ouder Excel-bestand (.xls) of een met een wachtwoord beveiligd bestand; "
                "sla het in Excel op als 'Excel-werkmap (.xlsx)' zonder wachtwoord, of als 'CSV UTF-8'")
    if raw.lstrip()[:1] == b"<":
        return ("dit is geen Excel-bestand maar een webpagina (HTML) met de naam .xlsx, vaak een foutmelding of "
                "een inlogpagina in plaats van de download; download de export opnieuw")
    if not raw:
        return f"het bestand is leeg; {DAMAGED}"
    return f"dit is geen Excel-bestand (.xlsx), al heet het zo; {DAMAGED}"


def _trim(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells.pop()
    return cells


def text(value: Any) -> str:
    """A cell as text, as openpyxl's values read before (a date is a date and time at midnight)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return f"{value.isoformat()} 00:00:00"
    return str(value)
