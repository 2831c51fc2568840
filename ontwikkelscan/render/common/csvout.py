"""What every CSV format shares: the dialects, safe cells and the rows writer (the report's own rows: report/csvout.py).

Two dialects:
- `standard`: RFC 4180, comma, decimal point, UTF-8 without BOM: for scripts and R/pandas. English
  column names and codes, numbers at full precision (like the JSON report);
- `excel-nl`: what Dutch Excel opens correctly on a double-click, for people to read: semicolon,
  UTF-8 with a byte-order mark, Dutch column names and code words (csvwords.py), `ja`/`nee`, and
  every non-whole number with a decimal comma and two decimals (`excel_number`).

Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
get a leading apostrophe (OWASP's advice); numbers are written as numbers, so a negative
gap stays a number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | bool | None


class Dialect(str, Enum):
    standard = "standard"
    excel_nl = "excel-nl"


def safe_text(text: str) -> str:
    """Neutralise a text cell that a spreadsheet would otherwise read as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def excel_number(value: float) -> str:
    """Two decimals with a decimal comma: -0.3999999999999999 -> '-0,40', 3 -> '3,00'.

    Half away from zero, as people round, applied to the number as the standard dialect writes it (the
    shortest text that reads back as the same float): 0.125 -> '0,13' and 2.675 -> '2,68', where Python's
    round() would give 0.12 (half to even) and 2.67 (the binary value lies just below). A number that
    rounds to zero is '0,00', never '-0,00'."""
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    with localcontext() as context:
        context.prec = 400  # room for the largest float's 309 digits and the two decimals
        rounded = Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded.copy_abs() if rounded.is_zero() else rounded:f}".replace(".", ",")


def _cell(value: Cell, nl: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, bool):  # before the numbers: a bool is an int
        return ("ja" if value else "nee") if nl else str(value).lower()
    if isinstance(value, float) and nl and math.isfinite(value):
        return excel_number(value)
    return repr(value)  # full precision, like the JSON report; counts (ints) stay whole


def render_rows(header: Sequence[str], rows: Iterable[Sequence[Cell]], dialect: Dialect = Dialect.standard) -> str:
    """A CSV document in the chosen dialect; the header row is never neutralised (it is ours)."""
    return render_header(header, dialect) + render_body(rows, dialect)


def render_header(header: Sequence[str], dialect: Dialect = Dialect.standard, *, translate: bool = True) -> str:
    """The header line, after the byte-order mark for excel-nl, where the names are Dutch (csvwords.py) unless
    `translate` is off (statement ids that a survey tool must keep)."""
    import csv  # here, not at the top: every command imports this module for the Dialect option
    import io

    if dialect is Dialect.excel_nl and translate:
        from .csvwords import dutch_header

        header = [dutch_header(name) for name in header]
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


class Words:
    """A code cell as the dialect writes it: the code for scripts, its Dutch word in excel-nl (csvwords.py)."""

    def __init__(self, dialect: Dialect) -> None:
        self.table: Mapping[str, str] = {}
        if dialect is Dialect.excel_nl:
            from .csvwords import code_words

            self.table = code_words()

    def __call__(self, code: str | None) -> str | None:
        return None if code is None else self.table.get(code, code)
