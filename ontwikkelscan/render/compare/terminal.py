"""Two scans side by side as a Dutch Rich table with ↑/↓/= marks; a group: one table per person."""

from __future__ import annotations

from ...analysis.compare import CompareSet, Comparison, Direction
from ...models import Report
from ..common.termtable import NARROW, name_width, wrapped
from ..common.view import KIND_TITLES, STATUS_LABELS, STATUS_STYLES, core_first, nl, percent
from ..formats import PLAIN, Options
from .view import MARKS, unmatched_lines

MARK_STYLES: dict[Direction | None, str] = {"up": "bold green", "down": "bold red", "same": "", None: "dim"}


def _label(report: Report) -> str:
    return report.sheet.date or report.sheet.source


def render_compare_table(comparison: Comparison, options: Options = PLAIN) -> str:
    """Wide (100 columns and more): a status column for then and for now. Narrow: one status column
    with then above now, and the change mark beside the number. Names wrap between words."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from ..common.console import to_text

    old, new = comparison.old, comparison.new
    who = [new.sheet.respondent.get("name") or old.sheet.respondent.get("name"),
           new.sheet.respondent.get("municipality") or old.sheet.respondent.get("municipality")]
    title = " · ".join(["Ontwikkelscan: voortgang"] + [w for w in who if w])
    caption = f"toen: {_label(old)} · nu: {_label(new)} · profiel: {new.municipality_type.name}"
    narrow = options.width < NARROW
    table = Table(title=title, caption=caption, title_style="bold", caption_justify="left", header_style="bold",
                  pad_edge=not narrow, box=box.SIMPLE_HEAVY if narrow else box.HEAVY_HEAD, show_edge=not narrow)
    others = [4, 3, 11, 16] if narrow else [4, 3, 11, 1, 13, 13]
    names = [c.new.competency.name for c in comparison.changes] + list(KIND_TITLES.values())
    width = name_width(names, options.width, others, edge=not narrow, pad_edge=not narrow)
    table.add_column("Competentie", width=width, no_wrap=True)
    table.add_column("Toen", justify="right", no_wrap=True)
    table.add_column("Nu", justify="right", no_wrap=True)
    table.add_column("Verandering", justify="right", no_wrap=True)
    if not narrow:
        table.add_column("", no_wrap=True)
        table.add_column("Status toen", no_wrap=True)
    table.add_column("Status nu" if not narrow else "Status toen → nu", width=13 if not narrow else 16)
    kind = None
    for c, last_core in core_first(comparison.changes, lambda c: c.new.competency):
        if c.new.competency.kind != kind:
            kind = c.new.competency.kind
            table.add_row(wrapped(KIND_TITLES[kind], width), style="bold")
        mark = Text(MARKS[c.direction], style=MARK_STYLES[c.direction])
        then = Text(STATUS_LABELS[c.old.status], style=STATUS_STYLES[c.old.status])
        now = Text(STATUS_LABELS[c.new.status], style=STATUS_STYLES[c.new.status])
        change = Text(nl(c.change, signed=True))
        if narrow:
            cells = [Text.assemble(change, " ", mark), Text.assemble(then, "\n→ ", now)]
        else:
            cells = [change, mark, then, now]
        table.add_row(wrapped(c.new.competency.name, width), nl(c.old.score), nl(c.new.score), *cells,
                      end_section=last_core)
    counts = {d: sum(1 for c in comparison.changes if c.direction == d) for d in ("up", "down", "same")}
    summary = Text(f"\nPassend bij het profiel: toen {percent(old.summary.fit)}, nu {percent(new.summary.fit)}. "
                   f"{counts['up']} omhoog (↑), {counts['down']} omlaag (↓), {counts['same']} gelijk (=).\n")
    return to_text(Group(table, summary), width=options.width, color=options.color)


def render_set_table(group: CompareSet, options: Options = PLAIN) -> str:
    if group.single is not None:
        return render_compare_table(group.single, options)
    pieces = [render_compare_table(c, options) for c in group.comparisons]
    head = f"{len(group.comparisons)} respondent(en) in beide groepen"
    return "\n".join([head, "", *pieces, *unmatched_lines(group)]) + ("\n" if unmatched_lines(group) else "")
