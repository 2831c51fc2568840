"""The bank's competencies and its municipality profiles as Rich tables."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..models import Bank
from .console import to_text
from .formats import PLAIN, Options
from .view import KIND_LABELS, KIND_TITLES, core_first, level


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
    table = Table(title="Doelniveaus per type gemeente", title_style="bold", header_style="bold",
                  caption=f"Schaal {bank.scale.min}-{bank.scale.max}; – = niet vereist voor dit type",
                  caption_justify="left")
    table.add_column("Competentie")
    table.add_column("Soort")
    for mtype in bank.types.values():
        table.add_column(mtype.name, justify="center")
    for c, last_core in core_first(bank.competencies, lambda c: c):
        table.add_row(c.name, KIND_LABELS[c.kind],
                      *(level(t.targets[c.id]) if c.id in t.targets else "–" for t in bank.types.values()),
                      end_section=last_core)
    descriptions = Text()
    for mtype in bank.types.values():
        if mtype.description:
            descriptions.append(f"\n{mtype.name}", style="bold")
            descriptions.append(f" ({mtype.id}): {mtype.description}\n")
    return to_text(Group(table, descriptions), width=options.width, color=options.color)

