"""The gap report as a coloured Rich table, for a terminal."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..models import Report
from .console import to_text
from .view import KIND_LABELS, STATUS_LABELS, STATUS_STYLES, bar, heading, nl, ordered, summary_lines, tips


def render_rich(report: Report, *, width: int = 100, color: bool = True) -> str:
    title, subtitle = heading(report)
    table = Table(title=title, caption=subtitle, title_style="bold", caption_justify="left",
                  header_style="bold", expand=False, pad_edge=False)
    table.add_column("Competentie", ratio=3, overflow="fold")
    table.add_column("Soort")
    table.add_column("Score", justify="right")
    table.add_column("Doel", justify="right")
    table.add_column("Verschil", justify="right")
    table.add_column("Score t.o.v. doel (┃)", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    low, high = report.bank.scale.min, report.bank.scale.max
    rows = ordered(report)
    for i, r in enumerate(rows):
        style = STATUS_STYLES[r.status]
        filled, mark, rest = bar(r.score, r.target, low, high)
        bar_text = Text.assemble((filled, style), (mark, "bold"), (rest, "dim"))
        last_core = r.competency.kind == "core" and i + 1 < len(rows) and rows[i + 1].competency.kind != "core"
        table.add_row(r.competency.name, KIND_LABELS[r.competency.kind], nl(r.score), nl(r.target),
                      nl(r.gap, signed=True), bar_text, Text(STATUS_LABELS[r.status], style=style),
                      end_section=last_core)
    return to_text(Group(table, _summary(report)), width=width, color=color)


def _summary(report: Report) -> Text:
    text = Text()
    text.append("\nSamenvatting\n", style="bold")
    for line in summary_lines(report):
        text.append(f"  {line.label}", style=line.style)
        text.append(f"{line.body}\n")
    for name, items in tips(report):
        text.append(f"\nTips voor {name}\n", style="bold")
        for tip in items:
            text.append(f"  • {tip}\n")
    return text
