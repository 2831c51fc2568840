"""A feedback round in Markdown. The other formats are their namesakes in this package."""

from __future__ import annotations

from ...analysis.feedback import FeedbackReport
from ..common.markdown import md as _md
from ..common.markdown import table
from ..formats import PLAIN, Options
from .comments import comments_md
from .view import HIDDEN, group_table, legend, main_table, statement_lines, status_line, summary_lines, title


def render_feedback_md(report: FeedbackReport, options: Options = PLAIN) -> str:
    out = [f"# {_md(title(report))}", "", *(f"{_md(line)}  " for line in status_line(report)), ""]
    out += ["## Samenvatting", "", *(f"- {_md(line)}" for line in summary_lines(report)), ""]
    headers, rows = main_table(report)
    out += ["## Per competentie", "", *_md_table(headers, rows), "", _md(legend(report))]
    out += ["", "## Per groep", "", "Gemiddelde (aantal beoordelaars).", ""]
    headers, rows = group_table(report)
    out += _md_table(headers, rows)
    statements = statement_lines(report)
    if statements:
        out += ["", "## Grootste verschillen per uitspraak (zelf − anderen)"]
        for name, lines in statements:
            out += ["", f"**{_md(name)}**", "", *(f"- {_md(line)}" for line in lines)]
    out += comments_md(report)
    return "\n".join(out) + "\n"


def _md_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    return table(tuple(_md(h) for h in headers), [tuple(_md(c) if c != HIDDEN else c for c in row) for row in rows],
                 right=set(range(1, len(headers))))
