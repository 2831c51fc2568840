"""CSV output: the long-format report (one row per respondent and competency) and the CSV dialects.

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

from ...models import Report
from ..formats import PLAIN, Options

REPORT_COLUMNS = ("source", "respondent", "municipality", "municipality_type", "contexts", "date", "bank_version",
                  "competency", "name", "kind", "score", "answered", "items", "target", "gap", "relative", "status")
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


WIDE_HEAD = ("source", "respondent", "municipality", "municipality_type", "contexts", "date", "bank_version", "fit")


def labels(dialect: Dialect) -> tuple[dict[str, str], dict[str, str]]:
    """(kind, status) labels: the codes for scripts; Dutch words in excel-nl, which people read."""
    if dialect is Dialect.excel_nl:
        from .view import KIND_LABELS, STATUS_LABELS

        return dict(KIND_LABELS), {str(code): label for code, label in STATUS_LABELS.items()}
    return {}, {}


def _head(report: Report) -> tuple[Cell, ...]:
    sheet = report.sheet
    return (sheet.source, sheet.respondent.get("name"), sheet.respondent.get("municipality"),
            report.municipality_type.id, " ".join(c.id for c in report.contexts) or None, sheet.date,
            report.bank.version)


def report_rows(reports: Iterable[Report], dialect: Dialect = Dialect.standard) -> Iterable[tuple[Cell, ...]]:
    kinds, statuses = labels(dialect)
    for report in reports:
        head = _head(report)
        for r in report.results:
            c = r.competency
            yield (*head, c.id, c.name, kinds.get(c.kind, c.kind), r.score, r.answered, r.items, r.target, r.gap,
                   r.relative, statuses.get(r.status, r.status))


def wide_columns(report: Report) -> tuple[str, ...]:
    return WIDE_HEAD + tuple(f"{r.competency.id}_{what}" for r in report.results
                         for what in ("score", "relative", "status"))


def wide_row(report: Report, dialect: Dialect = Dialect.standard) -> tuple[Cell, ...]:
    _, statuses = labels(dialect)
    cells = [cell for r in report.results for cell in (r.score, r.relative, statuses.get(r.status, r.status))]
    return (*_head(report), report.summary.fit, *cells)


def render_csv_report(reports: Iterable[Report], options: Options = PLAIN) -> str:
    """Long: one row per respondent and competency. Wide: one row per respondent, a score and a status column
    per competency (in bank order). Each report's rows are rendered as it comes."""
    dialect = Dialect(options.dialect)
    if options.shape == "wide":
        pieces: list[str] = []
        for report in reports:
            if not pieces:
                pieces.append(render_header(wide_columns(report), dialect))
            pieces.append(render_body([wide_row(report, dialect)], dialect))
        return "".join(pieces)
    return render_header(REPORT_COLUMNS, dialect) + "".join(render_body(report_rows([r], dialect), dialect)
                                                            for r in reports)
