"""The gap report as a coloured Rich table for a terminal: the same text as the plain report (text.py:
summary first, details last), with colour and a table with lines; below 80 columns a block per
competency, so that no number is cut."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ...models import Report
from ..common.console import to_text
from ..common.termtable import NARROW, fits, legend, name_width, stacked, wrapped
from ..common.view import KIND_TITLES, STATUS_STYLES, bar, core_first, margin_text, nl, of_result
from .balance import relative_lines, role_reading, role_rows
from .summary import status_words
from .text import SCORE_WIDTH, computed_lines, head_lines, summary_lines, what_now_lines

NARROW_BAR = 10
STATUS_WIDTH = 13
HEADINGS = {"Samenvatting", "Let op", "Wat nu", "Hoe dit rapport is berekend"}


def render_rich(report: Report, *, width: int = 100, color: bool = True) -> str:
    """Below 100 columns the table loses its vertical lines and its bar gets shorter; names wrap
    between words at every width. The kind of competency is a heading row, not a column. Where even
    that table does not fit (below 80 columns), each competency is a block: no number is cut."""
    narrow = width < NARROW
    bar_width = NARROW_BAR if narrow else 20
    bar_header = "┃ = doel" if narrow else "Score t.o.v. doel (┃)"
    names = [r.competency.name for r in report.results] + list(KIND_TITLES.values())
    others = [SCORE_WIDTH, 4, 8, max(bar_width, len(bar_header)), STATUS_WIDTH]
    table: RenderableType
    if narrow and not fits(names, width, others, edge=False, pad_edge=False, collapse=True):
        table = _blocks(report, width)
    else:
        table = _table(report, width, names, others, bar_width, bar_header)
    parts: list[RenderableType] = [_plain(head_lines(report, width), title=True), Text(""),
                                   _plain(summary_lines(report, width)), Text(""), table,
                                   Text(legend(width, margin=True), style="dim"), *_balance(report),
                                   _plain(what_now_lines(report, width)), _plain(computed_lines(report, width))]
    return to_text(Group(*parts), width=width, color=color)


def _table(report: Report, width: int, names: list[str], others: list[int], bar_width: int, bar_header: str) -> Table:
    narrow = width < NARROW
    table = Table(header_style="bold", expand=False, box=box.SIMPLE_HEAVY if narrow else box.HEAVY_HEAD,
                  show_edge=not narrow, pad_edge=not narrow, collapse_padding=narrow)
    name = name_width(names, width, others, edge=not narrow, pad_edge=not narrow, collapse=narrow)
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
        styles = {"score": style, "margin": f"{style} dim", "target": "bold", "rest": "dim", "none": "dim"}
        bar_text = Text.assemble(*((text, styles[part]) for part, text in
                                   bar(r.score, r.target, low, high, bar_width, r.margin)))
        table.add_row(wrapped(r.competency.name, name), margin_text(r.score, r.margin), nl(r.target),
                      nl(r.gap, signed=True), bar_text, Text(status_words(r), style=style), end_section=last_core)
    return table


def _blocks(report: Report, width: int) -> Group:
    """The table as a block per competency, for a terminal too narrow for it (below 80 columns with long
    names): the name, its numbers as `label value` pairs that are never cut, and the bar."""
    low, high = report.bank.scale.min, report.bank.scale.max
    lines: list[RenderableType] = []
    kind = None
    for r, _ in core_first(report.results, of_result):
        if r.competency.kind != kind:
            kind = r.competency.kind
            lines += [Text(KIND_TITLES[kind].upper(), style="bold")]
        style = STATUS_STYLES[r.status]
        styles = {"score": style, "margin": f"{style} dim", "target": "bold", "rest": "dim", "none": "dim"}
        block = stacked(r.competency.name, [("score", margin_text(r.score, r.margin)), ("doel", nl(r.target)),
                                            ("verschil", nl(r.gap, signed=True)), ("status", status_words(r))], width)
        lines += [Text(block[0], style="bold"), *(Text(line) for line in block[1:]),
                  Text.assemble("  ", *((text, styles[part]) for part, text in
                                        bar(r.score, r.target, low, high, NARROW_BAR * 2, r.margin)))]
    return Group(*lines)


def _plain(lines: list[str], *, title: bool = False) -> Text:
    """Lines already wrapped to the width, with the section headings (and the title) in bold."""
    text = Text()
    for i, line in enumerate(lines):
        bold = line in HEADINGS or (title and i == 0)
        text.append(line + ("\n" if i < len(lines) - 1 else ""), style="bold" if bold else "")
    return text


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
