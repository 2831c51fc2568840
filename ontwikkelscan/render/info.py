"""The bank's competencies and its municipality profiles as Rich tables."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..models import Bank
from .console import to_text
from .formats import PLAIN, Options
from .termtable import NARROW, name_width, wrapped
from .view import KIND_TITLES, core_first, level


def render_competencies(bank: Bank, options: Options = PLAIN) -> str:
    parts = []
    for kind in ("core", "situational"):
        table = Table(title=KIND_TITLES[kind], title_justify="left", title_style="bold", show_lines=True,
                      header_style="bold")
        table.add_column("Competentie", ratio=1)
        table.add_column("Definitie", ratio=3)
        for c in bank.competencies:
            if c.kind == kind:
                table.add_row(Text(c.name, style="bold"), c.definition)
        parts.append(table)
    return to_text(Group(*parts), width=options.width, color=options.color)


def render_profiles(bank: Bank, options: Options = PLAIN) -> str:
    """Names wrap between words; below 100 columns the table drops its vertical lines and edge."""
    narrow = options.width < NARROW
    table = Table(title="Doelniveaus per type gemeente", title_style="bold", header_style="bold",
                  caption=f"Schaal {bank.scale.min}-{bank.scale.max}; – = niet vereist voor dit type",
                  caption_justify="left", box=box.SIMPLE_HEAVY if narrow else box.HEAVY_HEAD, show_edge=not narrow,
                  pad_edge=not narrow)
    names = [c.name for c in bank.competencies] + list(KIND_TITLES.values())
    width = name_width(names, options.width, [len(t.name) for t in bank.types.values()], edge=not narrow,
                       pad_edge=not narrow)
    table.add_column("Competentie", width=width, no_wrap=True)
    for mtype in bank.types.values():
        table.add_column(mtype.name, justify="center")
    kind = None
    for c, last_core in core_first(bank.competencies, lambda c: c):
        if c.kind != kind:
            kind = c.kind
            table.add_row(wrapped(KIND_TITLES[kind], width), style="bold")
        table.add_row(wrapped(c.name, width),
                      *(level(t.targets[c.id]) if c.id in t.targets else "–" for t in bank.types.values()),
                      end_section=last_core)
    descriptions = Text()
    for mtype in bank.types.values():
        if mtype.description:
            descriptions.append(f"\n{mtype.name}", style="bold")
            descriptions.append(f" ({mtype.id}): {mtype.description}\n")
    return to_text(Group(table, descriptions), width=options.width, color=options.color)

