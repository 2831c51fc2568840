"""Two scans side by side as a Dutch Rich table with ↑/↓/= marks; a group: one table per person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.compare import CompareSet, Comparison, Direction
from ...models import Report
from ..common.termtable import NARROW, fits, name_width, stacked, widest, wrapped
from ..common.view import KIND_TITLES, STATUS_LABELS, STATUS_STYLES, core_first, nl, percent
from ..formats import PLAIN, Options

if TYPE_CHECKING:
    from rich.text import Text
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
    names = [c.new.competency.name for c in comparison.changes] + list(KIND_TITLES.values())
    scores = [(nl(c.old.score), nl(c.new.score), nl(c.change, signed=True)) for c in comparison.changes]
    toen, nu, change = (widest([head, *(row[i] for row in scores)]) for i, head in enumerate(("Toen", "Nu",
                                                                                             "Verandering")))
    # a status wraps between its words ("te weinig / antwoorden"): a column of 13 holds every other one whole
    labels = min(13, widest(STATUS_LABELS[s] for c in comparison.changes for s in (c.old.status, c.new.status)))
    narrow = options.width < NARROW or not fits(names, options.width, [toen, nu, change, 1, labels, labels])
    others = [toen, nu, max(change + 2, 11), 16] if narrow else [toen, nu, change, 1, labels, labels]
    if narrow and not fits(names, options.width, others, edge=False, pad_edge=False):
        return to_text(Group(Text(title, style="bold"), Text(caption), *_blocks(comparison, options.width),
                             _summary(comparison)), width=options.width, color=options.color)
    table = Table(title=title, caption=caption, title_style="bold", caption_justify="left", header_style="bold",
                  pad_edge=not narrow, box=box.SIMPLE_HEAVY if narrow else box.HEAVY_HEAD, show_edge=not narrow)
    width = name_width(names, options.width, others, edge=not narrow, pad_edge=not narrow)
    table.add_column("Competentie", width=width, no_wrap=True)
    table.add_column("Toen", justify="right", no_wrap=True, min_width=toen)
    table.add_column("Nu", justify="right", no_wrap=True, min_width=nu)
    table.add_column("Verandering", justify="right", no_wrap=True, min_width=others[2])
    if not narrow:
        table.add_column("", no_wrap=True)
        table.add_column("Status toen", width=labels)
    table.add_column("Status nu" if not narrow else "Status toen → nu", width=labels if not narrow else 16)
    kind = None
    for (c, last_core), (then_score, now_score, delta) in zip(core_first(comparison.changes, lambda c: c.new.competency),
                                                              _in_order(comparison, scores), strict=True):
        if c.new.competency.kind != kind:
            kind = c.new.competency.kind
            table.add_row(wrapped(KIND_TITLES[kind], width), style="bold")
        mark = Text(MARKS[c.direction], style=MARK_STYLES[c.direction])
        then = Text(STATUS_LABELS[c.old.status], style=STATUS_STYLES[c.old.status])
        now = Text(STATUS_LABELS[c.new.status], style=STATUS_STYLES[c.new.status])
        if narrow:
            cells = [Text.assemble(delta, " ", mark), Text.assemble(then, "\n→ ", now)]
        else:
            cells = [Text(delta), mark, then, now]
        table.add_row(wrapped(c.new.competency.name, width), then_score, now_score, *cells, end_section=last_core)
    return to_text(Group(table, _summary(comparison)), width=options.width, color=options.color)


def _in_order(comparison: Comparison, scores: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The score cells in the order core_first shows the competencies."""
    by_id = {c.new.competency.id: row for c, row in zip(comparison.changes, scores, strict=True)}
    return [by_id[c.new.competency.id] for c, _ in core_first(comparison.changes, lambda c: c.new.competency)]


def _blocks(comparison: Comparison, width: int) -> list[Text]:
    """Every competency as a block, for a screen too narrow for the table: every number whole."""
    from rich.text import Text

    blocks: list[Text] = []
    kind = None
    for c, _ in core_first(comparison.changes, lambda c: c.new.competency):
        if c.new.competency.kind != kind:
            kind = c.new.competency.kind
            blocks += [Text(""), Text(KIND_TITLES[kind].upper(), style="bold")]
        lines = stacked(c.new.competency.name, [
            ("toen", nl(c.old.score)), ("nu", nl(c.new.score)), ("verandering", f"{nl(c.change, signed=True)} "
                                                                              f"{MARKS[c.direction]}"),
            ("status", f"{STATUS_LABELS[c.old.status]} → {STATUS_LABELS[c.new.status]}")], width)
        blocks += [Text(lines[0], style="bold"), *(Text(line) for line in lines[1:])]
    return blocks


def _summary(comparison: Comparison) -> Text:
    from rich.text import Text

    old, new = comparison.old, comparison.new
    counts = {d: sum(1 for c in comparison.changes if c.direction == d) for d in ("up", "down", "same")}
    return Text(f"\nPassend bij het profiel: toen {percent(old.summary.fit)}, nu {percent(new.summary.fit)}. "
                f"{counts['up']} omhoog (↑), {counts['down']} omlaag (↓), {counts['same']} gelijk (=).\n")


def render_set_table(group: CompareSet, options: Options = PLAIN) -> str:
    if group.single is not None:
        return render_compare_table(group.single, options)
    pieces = [render_compare_table(c, options) for c in group.comparisons]
    head = f"{len(group.comparisons)} respondent(en) in beide groepen"
    return "\n".join([head, "", *pieces, *unmatched_lines(group)]) + ("\n" if unmatched_lines(group) else "")
