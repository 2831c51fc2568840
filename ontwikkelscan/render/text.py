"""The gap report as plain text: for pipes, files and e-mail. No Rich, so it starts fast."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Report
from .formats import PLAIN, Options
from .view import KIND_LABELS, STATUS_LABELS, bar, core_first, heading, nl, of_result, plain_table, summary_lines, tips

_HEADERS = ("Competentie", "Soort", "Score", "Doel", "Verschil", "Score t.o.v. doel (┃)", "Status")


def render_table_report(reports: Iterable[Report], options: Options = PLAIN) -> str:
    """The report table: coloured Rich on a terminal (imported only then), plain text for pipes and files."""
    if options.terminal:
        from .rich_report import render_rich

        return "\n".join(render_rich(r, width=options.width, color=options.color) for r in reports)
    return "\n\n".join(render_text(r) for r in reports)


def render_text(report: Report) -> str:
    title, subtitle = heading(report)
    low, high = report.bank.scale.min, report.bank.scale.max
    rows = [
        (r.competency.name, KIND_LABELS[r.competency.kind], nl(r.score), nl(r.target), nl(r.gap, signed=True),
         "".join(bar(r.score, r.target, low, high)), STATUS_LABELS[r.status])
        for r, _ in core_first(report.results, of_result)
    ]
    out = [title, subtitle, "", *plain_table(_HEADERS, rows, right={2, 3, 4})]
    out += ["", *_summary(report)]
    return "\n".join(out) + "\n"


def _summary(report: Report) -> list[str]:
    out = ["Samenvatting"] + [f"  {line.label}{line.body}" for line in summary_lines(report)]
    for name, items in tips(report):
        out += ["", f"Tips voor {name}"] + [f"  • {tip}" for tip in items]
    return out
