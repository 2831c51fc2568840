"""A feedback round in Markdown and for spreadsheets (CSV). Plain text: feedback_text.py; JSON: feedback_json.py."""

from __future__ import annotations

from ...analysis.feedback import FeedbackReport
from ..common.csvout import Dialect, render_rows
from ..formats import PLAIN, Options
from ..report.markdown import md as _md
from ..report.markdown import table
from .view import HIDDEN, group_table, main_table, statement_lines, status_line, summary_lines, title


def render_feedback_md(report: FeedbackReport, options: Options = PLAIN) -> str:
    out = [f"# {_md(title(report))}", "", *(f"{_md(line)}  " for line in status_line(report)), ""]
    headers, rows = main_table(report)
    out += [*_md_table(headers, rows), "", "## Per groep", "", "Gemiddelde (aantal beoordelaars).", ""]
    headers, rows = group_table(report)
    out += [*_md_table(headers, rows), "", "## Samenvatting", ""]
    out += [f"- {_md(line)}" for line in summary_lines(report)]
    statements = statement_lines(report)
    if statements:
        out += ["", "## Grootste verschillen per uitspraak (zelf − anderen)"]
        for name, lines in statements:
            out += ["", f"**{_md(name)}**", "", *(f"- {_md(line)}" for line in lines)]
    return "\n".join(out) + "\n"


def _md_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    return table(tuple(_md(h) for h in headers), [tuple(_md(c) if c != HIDDEN else c for c in row) for row in rows],
                 right=set(range(1, len(headers))))


def render_feedback_csv(report: FeedbackReport, options: Options = PLAIN) -> str:
    """One row per competency; hidden numbers are empty cells, like missing ones."""
    groups = list(report.rows[0].groups) if report.rows else []
    header = ["round", "competency", "name", "kind", "target", "self", "self_status", "others", "others_n",
              "others_sd", "others_gap", "others_status", "self_minus_others", "flag", "agreement",
              *(f"{g}{suffix}" for g in groups for suffix in ("", "_n")), "residue", "residue_n"]
    rows = []
    for row in report.rows:
        mine, others = row.self, row.others
        cells = [report.round.id, row.competency.id, row.competency.name, row.competency.kind, row.target,
                 mine.score if mine else None, mine.status if mine else None,
                 *((others.score, others.n, others.sd, others.gap, others.status) if others else (None,) * 5),
                 row.self_minus_others, row.flag, row.agreement]
        for g in groups:
            value = row.groups[g]
            cells += [value.score, value.n] if value else [None, None]
        cells += [row.residue.score, row.residue.n] if row.residue else [None, None]
        rows.append(cells)
    return render_rows(header, rows, Dialect(options.dialect))
