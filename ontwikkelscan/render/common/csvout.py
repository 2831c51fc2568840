"""What every CSV format shares: the dialects, safe cells and the rows writer (the report's own rows: report/csvout.py).

Two dialects:
- `standard`: RFC 4180, comma, decimal point, UTF-8 without BOM: for scripts and R/pandas;
- `excel-nl`: what Dutch Excel opens correctly on a double-click: semicolon, decimal comma,
  UTF-8 with a byte-order mark.

Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
get a leading apostrophe (OWASP's advice); numbers are written as numbers, so a negative
gap stays a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | bool | None


class Dialect(str, Enum):
    standard = "standard"
    excel_nl = "excel-nl"


def safe_text(text: str) -> str:
    """Neutralise a text cell that a spreadsheet would otherwise read as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: Cell, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, bool):  # before the numbers: a bool is an int
        return str(value).lower()
    text = repr(value)  # full precision, like the JSON report; ints stay ints
    return text.replace(".", ",") if decimal_comma else text


def render_rows(header: Sequence[str], rows: Iterable[Sequence[Cell]], dialect: Dialect = Dialect.standard) -> str:
    """A CSV document in the chosen dialect; the header row is never neutralised (it is ours)."""
    return render_header(header, dialect) + render_body(rows, dialect)


def render_header(header: Sequence[str], dialect: Dialect = Dialect.standard) -> str:
    """The header line, after the byte-order mark for excel-nl."""
    import csv  # here, not at the top: every command imports this module for the Dialect option
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";" if dialect is Dialect.excel_nl else ",", lineterminator="\r\n").writerow(header)
    return ("\ufeff" if dialect is Dialect.excel_nl else "") + buffer.getvalue()


def render_body(rows: Iterable[Sequence[Cell]], dialect: Dialect = Dialect.standard) -> str:
    """Data lines only, so that a batch can render each report as it comes."""
    import csv
    import io

    nl = dialect is Dialect.excel_nl
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if nl else ",", lineterminator="\r\n")
    writer.writerows([_cell(value, nl) for value in row] for row in rows)
    return buffer.getvalue()


def labels(dialect: Dialect) -> tuple[dict[str, str], dict[str, str]]:
    """(kind, status) labels: the codes for scripts; Dutch words in excel-nl, which people read."""
    if dialect is Dialect.excel_nl:
        from .view import KIND_LABELS, STATUS_LABELS

        return dict(KIND_LABELS), {str(code): label for code, label in STATUS_LABELS.items()}
    return {}, {}
