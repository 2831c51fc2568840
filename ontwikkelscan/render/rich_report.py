"""The gap report as a coloured Rich table, for a terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..models import Report
from .console import to_text
from .view import KIND_LABELS, STATUS_LABELS, STATUS_STYLES, bar, core_first, heading, nl, of_result, summary_lines, tips

NARROW = 100
# Width of every column but the name, with padding and borders: Soort 8, Score 5, Doel 4,
# Verschil 8, bar 21, Status 13; 2 padding per column; 8 borders.
BAR_COLUMN = 21 + 2 + 1
FIXED_WITH_BAR = 8 + 5 + 4 + 8 + 21 + 13 + 7 * 2 + 8


def render_rich(report: Report, *, width: int = 100, color: bool = True) -> str:
    title, subtitle = heading(report)
    table = Table(title=title, caption=subtitle, title_style="bold", caption_justify="left",
                  header_style="bold", expand=False)
    with_bar = width >= NARROW  # on a narrow terminal the bar goes, the numbers stay
    # Rich squeezes every wrapping column alike; give the names what the fixed columns leave.
    fixed = FIXED_WITH_BAR if with_bar else FIXED_WITH_BAR - BAR_COLUMN
    longest = max(len(r.competency.name) for r in report.results)
    table.add_column("Competentie", width=max(16, min(longest, width - fixed)), overflow="fold")
    table.add_column("Soort")
    table.add_column("Score", justify="right")
    table.add_column("Doel", justify="right")
    table.add_column("Verschil", justify="right")
    if with_bar:
        table.add_column("Score t.o.v. doel (┃)", no_wrap=True)
    table.add_column("Status", width=13)
    low, high = report.bank.scale.min, report.bank.scale.max
    for r, last_core in core_first(report.results, of_result):
        style = STATUS_STYLES[r.status]
        filled, mark, rest = bar(r.score, r.target, low, high)
        bar_text = Text.assemble((filled, style), (mark, "bold"), (rest, "dim"))
        cells: list[RenderableType] = [r.competency.name, KIND_LABELS[r.competency.kind], nl(r.score), nl(r.target),
                 nl(r.gap, signed=True), *([bar_text] if with_bar else []), Text(STATUS_LABELS[r.status], style=style)]
        table.add_row(*cells, end_section=last_core)
    return to_text(Group(table, _summary(report)), width=width, color=color)


def _summary(report: Report) -> Group:
    """The summary and tips as grids, so that long lines wrap under their own text."""
    summary = Table.grid(padding=(0, 1))
    summary.add_column(no_wrap=True)
    summary.add_column()
    for line in summary_lines(report):
        summary.add_row(Text(f"  {line.label.rstrip()}", style=line.style), line.body)
    parts: list[RenderableType] = [Text("\nSamenvatting", style="bold"), summary]
    for name, items in tips(report):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for tip in items:
            grid.add_row("  •", tip)
        parts += [Text(f"\nTips voor {name}", style="bold"), grid]
    return Group(*parts)
