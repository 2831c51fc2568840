"""The bank's competencies and its municipality profiles as Rich tables."""

from __future__ import annotations

from typing import NamedTuple

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...analysis.scoring import targets
from ...models import Bank, Context, MunicipalityType
from ..common.console import to_text
from ..common.termtable import NARROW, name_width, wrapped
from ..common.view import KIND_TITLES, core_first, level
from ..formats import PLAIN, Options


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


class ProfilesView(NamedTuple):
    """The data of `profiles`: the bank, and the contexts chosen with --context (their effect is shown)."""

    bank: Bank
    contexts: tuple[Context, ...] = ()


def render_profiles(data: Bank | ProfilesView, options: Options = PLAIN) -> str:
    """Names wrap between words; below 100 columns the table drops its vertical lines and edge.
    With contexts, a raised target shows as 'type target → with the contexts' in the same cell."""
    view = data if isinstance(data, ProfilesView) else ProfilesView(data)
    bank, contexts = view.bank, view.contexts
    narrow = options.width < NARROW
    names_of = ", ".join(c.name for c in contexts)
    title = f"Doelniveaus per type gemeente, met context: {names_of}" if contexts else "Doelniveaus per type gemeente"
    caption = f"Schaal {bank.scale.min}-{bank.scale.max}; – = niet vereist voor dit type"
    if contexts:
        caption += "; a → b: doel van het type → doel met de context (het hoogste telt)"
    table = Table(title=title, title_style="bold", header_style="bold", caption=caption,
                  caption_justify="left", box=box.SIMPLE_HEAVY if narrow else box.HEAVY_HEAD, show_edge=not narrow,
                  pad_edge=not narrow)
    cells = {t.id: _cells(bank, t, contexts) for t in bank.types.values()}
    names = [c.name for c in bank.competencies] + list(KIND_TITLES.values())
    widths = [max(len(t.name), *(len(v) for v in cells[t.id].values())) for t in bank.types.values()]
    width = name_width(names, options.width, widths, edge=not narrow, pad_edge=not narrow)
    table.add_column("Competentie", width=width, no_wrap=True)
    for mtype in bank.types.values():
        table.add_column(mtype.name, justify="center")
    kind = None
    for c, last_core in core_first(bank.competencies, lambda c: c):
        if c.kind != kind:
            kind = c.kind
            table.add_row(wrapped(KIND_TITLES[kind], width), style="bold")
        table.add_row(wrapped(c.name, width), *(cells[t.id][c.id] for t in bank.types.values()),
                      end_section=last_core)
    descriptions = Text()
    for mtype in bank.types.values():
        if mtype.description:
            descriptions.append(f"\n{mtype.name}", style="bold")
            descriptions.append(f" ({mtype.id}): {mtype.description}\n")
    descriptions.append_text(_contexts_text(bank, contexts))
    return to_text(Group(table, descriptions), width=options.width, color=options.color)


def _cells(bank: Bank, mtype: MunicipalityType, contexts: tuple[Context, ...]) -> dict[str, str]:
    with_contexts = targets(mtype, contexts)
    result = {}
    for c in bank.competencies:
        own = mtype.targets.get(c.id)
        shown = level(own) if own is not None else "–"
        raised = with_contexts.get(c.id)
        if raised is not None and (own is None or raised > own):
            shown += f" → {level(raised)}"
        result[c.id] = shown
    return result


def _contexts_text(bank: Bank, contexts: tuple[Context, ...]) -> Text:
    """The chosen contexts with the rationale per target; without any, the contexts there are."""
    text = Text()
    if not contexts:
        if bank.contexts:
            text.append("\nContexten", style="bold")
            text.append(" (kies met --context bij scan, report, profiles, cohort en template):\n")
            for context in bank.contexts.values():
                text.append(f"  {context.id}: {context.name}\n")
        return text
    for context in contexts:
        text.append(f"\nContext {context.name}", style="bold")
        text.append(f" ({context.id}): {context.description}\n")
        for cid, level_ in context.targets.items():
            reason = context.rationale.get(cid, "")
            text.append(f"  {bank.competency(cid).name} {level(level_)}: {reason}\n")
    return text
