"""Before and after for a group as CSV: one row per respondent and competency."""

from __future__ import annotations

from ...analysis.compare import CompareSet
from ..common.csvout import Cell, Dialect, Words, render_rows
from ..formats import PLAIN, Options

CSV_COLUMNS = ("respondent", "municipality", "source_old", "source_new", "date_old", "date_new", "competency", "name",
               "kind", "score_old", "score_new", "change", "direction", "target_old", "target_new", "status_old",
               "status_new")


def render_set_csv(group: CompareSet, options: Options = PLAIN) -> str:
    """One row per respondent and competency; people on one side only get rows with the other side empty."""
    dialect = Dialect(options.dialect)
    word = Words(dialect)
    rows: list[tuple[Cell, ...]] = []

    for c in group.comparisons:
        old, new = c.old.sheet, c.new.sheet
        for ch in c.changes:
            comp = ch.new.competency
            rows.append((new.respondent.get("name") or old.respondent.get("name"),
                         new.respondent.get("municipality") or old.respondent.get("municipality"), old.source,
                         new.source, old.date, new.date, comp.id, comp.name, word(comp.kind),
                         ch.old.score, ch.new.score, ch.change, word(ch.direction), ch.old.target, ch.new.target,
                         word(ch.old.status), word(ch.new.status)))
    for side, reports in (("old", group.only_old), ("new", group.only_new)):
        for report in reports:
            sheet = report.sheet
            for r in report.results:
                comp = r.competency
                mine = side == "old"
                rows.append((sheet.respondent.get("name"), sheet.respondent.get("municipality"),
                             sheet.source if mine else None, None if mine else sheet.source,
                             sheet.date if mine else None, None if mine else sheet.date, comp.id, comp.name,
                             word(comp.kind), r.score if mine else None, None if mine else r.score,
                             None, None, r.target if mine else None, None if mine else r.target,
                             word(r.status) if mine else None, None if mine else word(r.status)))
    return render_rows(CSV_COLUMNS, rows, dialect)
