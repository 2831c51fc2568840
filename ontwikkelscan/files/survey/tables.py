"""Read a CSV or .xlsx export into a table of text cells.

CSV: UTF-8 with or without a byte-order mark; UTF-16 with a BOM (Excel's "Unicode text",
tab-separated); anything else is read as Windows-1252 with a warning. The delimiter (comma,
semicolon or tab) is chosen on the first line. Quote-all, CRLF and blank lines at the end
(LimeSurvey) are fine.

Qualtrics writes three header rows: the field names (`Q14_6`, `ResponseId`), the question
texts (`Title - statement`) and `{"ImportId":"QID14_6"}`. The third row gives them away;
then every column has two headers to match on, and the data starts on row 4.

.xlsx (Microsoft Forms downloads one): the first sheet or `sheet`, read by workbook.py
(python-calamine). Date cells become ISO text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import NamedTuple

from ...errors import InputError, Problem, file_problem

MAX_TABLE_BYTES = 64 * 1024 * 1024  # an export of thousands of responses is a few MB
XLSX_SUFFIX = ".xlsx"
ZIP_SUFFIX = ".zip"


class Table(NamedTuple):
    headers: list[tuple[str, ...]]  # per column: its header texts (two for Qualtrics), first one first
    rows: list[tuple[int, list[str]]]  # (row number as a spreadsheet shows it, cells)
    warnings: list[str]
    layout: str = "csv"  # csv | qualtrics | xlsx


def read_table(path: Path, label: str, sheet: str | None = None) -> Table:
    """The table in a .csv or .xlsx file; InputError when it cannot be read."""
    if path.suffix.lower() == XLSX_SUFFIX:
        return _xlsx(path, label, sheet)
    raw = _read(path, label)
    if path.suffix.lower() == ZIP_SUFFIX or raw.startswith(b"PK\x03\x04"):
        from .zipped import unzip_table  # Google Forms' Naam.csv.zip, or a zip saved as .csv

        _, raw = unzip_table(raw, label, MAX_TABLE_BYTES)
    return parse_text_table(*decode(raw, label), label)


def _read(path: Path, label: str) -> bytes:
    from ..yamlio import read_bytes

    return read_bytes(path, label, MAX_TABLE_BYTES)


def decode(raw: bytes, label: str) -> tuple[str, list[str]]:
    """(text, warnings): UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252 with a warning."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise file_problem(label, "geen geldige UTF-16-tekst; sla het bestand op als 'CSV UTF-8'") from None
    if len(raw) >= 4 and raw[1:2] == b"\x00" and raw[3:4] == b"\x00" and raw[0:1] != b"\x00":
        return raw.decode("utf-16-le", "replace"), []  # UTF-16 without its BOM
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace"), [
            f"{label}: geen UTF-8; gelezen als Windows-1252 (ANSI). Controleer letters als é en ë, "
            "of sla het bestand op als 'CSV UTF-8'"]


def parse_text_table(text: str, warnings: list[str], label: str) -> Table:
    import csv  # only when a CSV file is given

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):  # noqa: B007 (number is used after the loop)
            rows.append((number, cells))
    except csv.Error as exc:
        raise InputError([Problem(label, number + 1, None, f"rij {number + 1}", f"geen geldige CSV: {exc}")]) from None
    return _table(rows, warnings, "csv")


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _table(rows: list[tuple[int, list[str]]], warnings: list[str], layout: str) -> Table:
    """Split the header row(s) from the data; drop rows with nothing in them."""
    if not rows:
        return Table([], [], warnings, layout)
    header = [cell.strip() for cell in rows[0][1]]
    data_from = 1
    if len(rows) >= 3 and _is_import_id_row(rows[2][1]):
        second = rows[1][1]
        headers: list[tuple[str, ...]] = [(cell, second[i].strip() if i < len(second) else "")
                                          for i, cell in enumerate(header)]
        layout, data_from = "qualtrics", 3
    else:
        headers = [(cell,) for cell in header]
    data = [(n, cells) for n, cells in rows[data_from:] if any(c.strip() for c in cells)]
    return Table(headers, data, warnings, layout)


def _is_import_id_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and sum(c.lstrip().startswith('{"ImportId"') for c in filled) * 2 > len(filled)


def _xlsx(path: Path, label: str, sheet: str | None) -> Table:
    from .workbook import workbook_rows  # python-calamine, only for an .xlsx file

    return _table(workbook_rows(_read(path, label), label, sheet), [], "xlsx")
