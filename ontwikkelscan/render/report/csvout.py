"""The report as CSV: long (one row per respondent and competency) or wide (one row per respondent)."""

from __future__ import annotations

from collections.abc import Iterable

from ...models import Report
from ..common.csvout import Cell, Dialect, Words, render_body, render_header
from ..formats import PLAIN, Options

REPORT_COLUMNS = ("source", "respondent", "municipality", "municipality_type", "contexts", "date", "bank_version",
                  "competency", "name", "kind", "score", "answered", "items", "target", "gap", "relative", "status")


WIDE_HEAD = ("source", "respondent", "municipality", "municipality_type", "contexts", "date", "bank_version", "fit")


def _head(report: Report) -> tuple[Cell, ...]:
    sheet = report.sheet
    return (sheet.source, sheet.respondent.get("name"), sheet.respondent.get("municipality"),
            report.municipality_type.id, " ".join(c.id for c in report.contexts) or None, sheet.date,
            report.bank.version)


def report_rows(reports: Iterable[Report], dialect: Dialect = Dialect.standard) -> Iterable[tuple[Cell, ...]]:
    word = Words(dialect)
    for report in reports:
        head = _head(report)
        for r in report.results:
            c = r.competency
            yield (*head, c.id, c.name, word(c.kind), r.score, r.answered, r.items, r.target, r.gap, r.relative,
                   word(r.status))


def wide_columns(report: Report) -> tuple[str, ...]:
    return WIDE_HEAD + tuple(f"{r.competency.id}_{what}" for r in report.results
                         for what in ("score", "relative", "status"))


def wide_row(report: Report, dialect: Dialect = Dialect.standard) -> tuple[Cell, ...]:
    word = Words(dialect)
    cells = [cell for r in report.results for cell in (r.score, r.relative, word(r.status))]
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
