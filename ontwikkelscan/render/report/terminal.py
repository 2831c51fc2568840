"""The gap report as a coloured Rich table, for a terminal of 80 columns or more."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ...models import Report
from ..common.console import to_text
from ..common.termtable import NARROW, legend, name_width, wrapped
from ..common.view import KIND_TITLES, STATUS_LABELS, STATUS_STYLES, bar, core_first, heading, nl, of_result, summary_lines, tips
from .balance import relative_lines, role_reading, role_rows

NARROW_BAR = 10
STATUS_WIDTH = 13


def render_rich(report: Report, *, width: int = 100, color: bool = True) -> str:
    """Below 100 columns the table loses its vertical lines and its bar gets shorter; names wrap
    between words at every width. The kind of competency is a heading row, not a column."""
    title, subtitle = heading(report)
    narrow = width < NARROW
    bar_width = NARROW_BAR if narrow else 20
    bar_header = "┃ = doel" if narrow else "Score t.o.v. doel (┃)"
    table = Table(title=title, caption=subtitle, title_style="bold", caption_justify="left", header_style="bold",
                  expand=False, box=box.SIMPLE_HEAVY if narrow else box.HEAVY_HEAD, show_edge=not narrow,
                  pad_edge=not narrow)
    names = [r.competency.name for r in report.results] + list(KIND_TITLES.values())
    others = [5, 4, 8, max(bar_width, len(bar_header)), STATUS_WIDTH]
    name = name_width(names, width, others, edge=not narrow, pad_edge=not narrow)
    table.add_column("Competentie", width=name, no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Doel", justify="right", no_wrap=True)
    table.add_column("Verschil", justify="right", no_wrap=True)
    table.add_column(bar_header, no_wrap=True)
    table.add_column("Status", width=STATUS_WIDTH)
    low, high = report.bank.scale.min, report.bank.scale.max
    kind = None
    for r, last_core in core_first(report.results, of_result):
        if r.competency.kind != kind:
            kind = r.competency.kind
            table.add_row(Text(wrapped(KIND_TITLES[kind], name), style="bold"))
        style = STATUS_STYLES[r.status]
        filled, mark, rest = bar(r.score, r.target, low, high, bar_width)
        bar_text = Text.assemble((filled, style), (mark, "bold"), (rest, "dim"))
        table.add_row(wrapped(r.competency.name, name), nl(r.score), nl(r.target), nl(r.gap, signed=True), bar_text,
                      Text(STATUS_LABELS[r.status], style=style), end_section=last_core)
    return to_text(Group(table, Text(legend(width), style="dim"), _summary(report)), width=width, color=color)


def _summary(report: Report) -> Group:
    """The summary and tips as grids, so that long lines wrap under their own text."""
    summary = Table.grid(padding=(0, 1))
    summary.add_column(no_wrap=True)
    summary.add_column()
    for line in summary_lines(report):
        summary.add_row(Text(f"  {line.label.rstrip()}", style=line.style), line.body)
    parts: list[RenderableType] = [Text("\nSamenvatting", style="bold"), summary]
    parts += _balance(report)
    if report.notes:
        notes = Table.grid(padding=(0, 1))
        notes.add_column(no_wrap=True)
        notes.add_column()
        for note in report.notes:
            notes.add_row("  •", note)
        parts += [Text("\nLet op", style="bold yellow"), notes]
    for name, items in tips(report):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for tip in items:
            grid.add_row("  •", tip)
        parts += [Text(f"\nTips voor {name}", style="bold"), grid]
    return Group(*parts)


def _balance(report: Report) -> list[RenderableType]:
    """The relative view and the role balance (grids, so that long lines wrap under their own text)."""
    parts: list[RenderableType] = []
    lines = relative_lines(report)
    if lines:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for label, body in lines:
            grid.add_row(f"  {label.rstrip()}", body)
        parts += [Text("\nRelatief beeld (uw eigen sterke en zwakke kanten)", style="bold"), grid]
    if report.roles:
        roles = Table.grid(padding=(0, 2))
        roles.add_column(no_wrap=True)
        roles.add_column(justify="right", no_wrap=True)
        roles.add_column(no_wrap=True)
        roles.add_row(Text("  Rol", style="bold"), Text("Score", style="bold"), Text("Beantwoord", style="bold"))
        for name, score, answered in role_rows(report):
            roles.add_row(f"  {name}", score, answered)
        parts += [Text("\nRolbalans", style="bold"), roles]
        reading = role_reading(report.roles)
        if reading:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column()
            grid.add_row(" ", reading)
            parts.append(grid)
    return parts
