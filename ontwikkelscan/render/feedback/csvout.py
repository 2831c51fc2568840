"""A feedback round for spreadsheets: one row per competency; hidden numbers are empty cells."""

from __future__ import annotations

from ...analysis.feedback import FeedbackReport
from ..common.csvout import Dialect, Words, render_rows
from ..formats import PLAIN, Options


def render_feedback_csv(report: FeedbackReport, options: Options = PLAIN) -> str:
    """One row per competency; hidden numbers are empty cells, like missing ones."""
    groups = list(report.rows[0].groups) if report.rows else []
    header = ["round", "competency", "name", "kind", "target", "self", "self_status", "others", "others_n",
              "others_sd", "others_gap", "others_status", "self_minus_others", "flag", "agreement",
              *(f"{g}{suffix}" for g in groups for suffix in ("", "_n")), "residue", "residue_n"]
    dialect = Dialect(options.dialect)
    word = Words(dialect)
    rows = []
    for row in report.rows:
        mine, others = row.self, row.others
        cells = [report.round.id, row.competency.id, row.competency.name, word(row.competency.kind), row.target,
                 mine.score if mine else None, word(mine.status) if mine else None,
                 *((others.score, others.n, others.sd, others.gap, word(others.status)) if others else (None,) * 5),
                 row.self_minus_others, word(row.flag), word(row.agreement)]
        for g in groups:
            value = row.groups[g]
            cells += [value.score, value.n] if value else [None, None]
        cells += [row.residue.score, row.residue.n] if row.residue else [None, None]
        rows.append(cells)
    return render_rows(header, rows, dialect)
