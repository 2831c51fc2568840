"""Before and after for a group (compare on two folders or exports): a table per person, JSON, CSV.

Two single scans keep the output of one comparison (compare_report.py); a group lists its
pairs, matched by respondent, and the people found on one side only.
"""

from __future__ import annotations

import json
from typing import Any

from ...analysis.compare import CompareSet
from ...models import Report
from ..common.csvout import Cell, Dialect, labels, render_rows
from ..formats import PLAIN, Options
from .terminal import compare_dict, render_compare_json, render_compare_table

SET_SCHEMA = "ontwikkelscan/compare-set@1"
CSV_COLUMNS = ("respondent", "municipality", "source_old", "source_new", "date_old", "date_new", "competency", "name",
               "kind", "score_old", "score_new", "change", "direction", "target_old", "target_new", "status_old",
               "status_new")


def _who(report: Report) -> dict[str, Any]:
    sheet = report.sheet
    return {"name": sheet.respondent.get("name"), "source": sheet.source, "date": sheet.date}


def render_set_json(group: CompareSet, options: Options = PLAIN) -> str:
    if group.single is not None:
        return render_compare_json(group.single, options)
    document = {"schema": SET_SCHEMA, "comparisons": [compare_dict(c) for c in group.comparisons],
                "only_old": [_who(r) for r in group.only_old], "only_new": [_who(r) for r in group.only_new]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def unmatched_lines(group: CompareSet) -> list[str]:
    lines = []
    for title, reports in (("Alleen in de oude scans", group.only_old), ("Alleen in de nieuwe scans", group.only_new)):
        if reports:
            lines.append(f"{title} ({len(reports)}): " + ", ".join(
                f"{r.sheet.respondent.get('name') or '(geen naam)'} ({r.sheet.source})" for r in reports))
    return lines


def render_set_table(group: CompareSet, options: Options = PLAIN) -> str:
    if group.single is not None:
        return render_compare_table(group.single, options)
    pieces = [render_compare_table(c, options) for c in group.comparisons]
    head = f"{len(group.comparisons)} respondent(en) in beide groepen"
    return "\n".join([head, "", *pieces, *unmatched_lines(group)]) + ("\n" if unmatched_lines(group) else "")


def render_set_csv(group: CompareSet, options: Options = PLAIN) -> str:
    """One row per respondent and competency; people on one side only get rows with the other side empty."""
    dialect = Dialect(options.dialect)
    kinds, statuses = labels(dialect)
    rows: list[tuple[Cell, ...]] = []

    def status(value: str | None) -> str | None:
        return statuses.get(value, value) if value else None

    for c in group.comparisons:
        old, new = c.old.sheet, c.new.sheet
        for ch in c.changes:
            comp = ch.new.competency
            rows.append((new.respondent.get("name") or old.respondent.get("name"),
                         new.respondent.get("municipality") or old.respondent.get("municipality"), old.source,
                         new.source, old.date, new.date, comp.id, comp.name, kinds.get(comp.kind, comp.kind),
                         ch.old.score, ch.new.score, ch.change, ch.direction, ch.old.target, ch.new.target,
                         status(ch.old.status), status(ch.new.status)))
    for side, reports in (("old", group.only_old), ("new", group.only_new)):
        for report in reports:
            sheet = report.sheet
            for r in report.results:
                comp = r.competency
                mine = side == "old"
                rows.append((sheet.respondent.get("name"), sheet.respondent.get("municipality"),
                             sheet.source if mine else None, None if mine else sheet.source,
                             sheet.date if mine else None, None if mine else sheet.date, comp.id, comp.name,
                             kinds.get(comp.kind, comp.kind), r.score if mine else None, None if mine else r.score,
                             None, None, r.target if mine else None, None if mine else r.target,
                             status(r.status) if mine else None, None if mine else status(r.status)))
    return render_rows(CSV_COLUMNS, rows, dialect)
