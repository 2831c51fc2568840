"""The cohort summary as a Dutch Rich table, within 80 or 100 columns."""

from __future__ import annotations

from ...analysis.cohort import Cohort
from ...models import STATUSES
from ..common.termtable import NARROW, name_width, wrapped
from ..common.view import KIND_TITLES, STATUS_LABELS, STATUS_STYLES, core_first, nl
from ..formats import PLAIN, Options
from .view import target_text


def render_cohort_table(cohort: Cohort, options: Options = PLAIN) -> str:
    """Wide (100 columns and more): one table with the status spread as its last column. Narrow: the
    spread in a second table under the numbers. Names wrap between words; the kind is a heading row."""
    from rich import box
    from rich.console import Group, RenderableType
    from rich.table import Table
    from rich.text import Text

    from ..common.console import to_text

    narrow = options.width < NARROW
    types = ", ".join(f"{cohort.bank.types[t].name} {n}" for t, n in cohort.types.items())
    ordered = core_first(cohort.competencies, lambda s: s.competency)
    names = [s.competency.name for s in cohort.competencies] + list(KIND_TITLES.values())
    numbers = [max(1, len(str(cohort.respondents))), 4, 3, 3, 3, max(4, *(len(target_text(s)) for s in
                                                                         cohort.competencies)), 7]
    style = {"box": box.SIMPLE_HEAVY if narrow else box.HEAVY_HEAD, "show_edge": not narrow, "pad_edge": not narrow,
             "title_style": "bold", "header_style": "bold", "caption_justify": "left"}
    spread_width = 0 if narrow else 20
    width = name_width(names, options.width, numbers + ([spread_width] if spread_width else []), edge=not narrow,
                       pad_edge=not narrow, cap=40)
    table = Table(title=f"Ontwikkelscan · groep van {cohort.respondents} respondenten",
                  caption=f"profielen: {types} · vragenbank {cohort.bank.version}", **style)  # type: ignore[arg-type]
    table.add_column("Competentie", width=width, no_wrap=True)
    for name in ("n", "Gem.", "Sd", "Min", "Max", "Doel"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("Onder\ndoel", justify="right", no_wrap=True)
    if not narrow:
        table.add_column("Statussen", ratio=1, min_width=spread_width)
    spreads = Table(title="Verdeling over de statussen", **style)  # type: ignore[arg-type]
    spreads.add_column("Competentie", width=width, no_wrap=True)
    spreads.add_column("Statussen")
    kind = None
    for s, last_core in ordered:
        if s.competency.kind != kind:
            kind = s.competency.kind
            for t in (table, spreads):
                t.add_row(wrapped(KIND_TITLES[kind], width), style="bold")
        spread = Text()
        for code in STATUSES:
            if s.statuses[code]:
                if spread:
                    spread.append(", ")
                spread.append(f"{STATUS_LABELS[code]} {s.statuses[code]}", style=STATUS_STYLES[code])
        below = f"{s.below_target} van {s.with_target}" if s.with_target else "–"
        name = wrapped(s.competency.name, width)
        table.add_row(name, str(s.n), nl(s.mean), nl(s.sd), nl(s.min), nl(s.max), target_text(s), below,
                      *([] if narrow else [spread]), end_section=last_core)
        spreads.add_row(name, spread, end_section=last_core)
    note = Text("\nGem. = gemiddelde score; Sd = standaardafwijking van de steekproef (n − 1); n = respondenten "
                "met een score. Onder doel: verschil met het doel van het eigen type gemeente kleiner dan 0. "
                "* het doel verschilt per type gemeente.\n",
                style="dim")
    below_table: list[RenderableType] = [Text(""), spreads] if narrow else []
    parts: list[RenderableType] = [table, *below_table, note]
    return to_text(Group(*parts), width=options.width, color=options.color)
