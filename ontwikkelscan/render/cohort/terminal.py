"""The cohort summary as a Dutch Rich table, within 80 or 100 columns: every number whole."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.cohort import Cohort, CompetencyStats
from ...models import STATUSES
from ..common.termtable import NARROW, fits, held, name_width, stacked, widest, wrapped
from ..common.view import KIND_TITLES, STATUS_LABELS, STATUS_STYLES, core_first, nl
from ..formats import PLAIN, Options
from .view import target_text

if TYPE_CHECKING:
    from rich.text import Text

HEADERS = ("n", "Gem.", "Sd", "Min", "Max", "Doel", "Onder\ndoel")
SPREAD = 20  # the status column of the wide table, at the least


def _numbers(s: CompetencyStats) -> list[str]:
    below = f"{s.below_target} van {s.with_target}" if s.with_target else "–"
    return [str(s.n), nl(s.mean), nl(s.sd), nl(s.min), nl(s.max), target_text(s), below]


def _spread(s: CompetencyStats) -> Text:
    from rich.text import Text

    spread = Text()
    for code in STATUSES:
        if s.statuses[code]:
            if spread:
                spread.append(", ")
            spread.append(f"{STATUS_LABELS[code]} {s.statuses[code]}", style=STATUS_STYLES[code])
    return spread


def render_cohort_table(cohort: Cohort, options: Options = PLAIN) -> str:
    """Wide (100 columns and more): one table with the status spread as its last column. Narrow: the
    spread in a second table under the numbers. Names wrap between words; the kind is a heading row.
    Each column of numbers is as wide as its widest value, so that none is cut; where even the narrow
    table does not fit (a long name and a large group on 60 columns), every competency is a block."""
    from rich import box
    from rich.console import Group, RenderableType
    from rich.table import Table
    from rich.text import Text

    from ..common.console import to_text

    types = ", ".join(f"{cohort.bank.types[t].name} {n}" for t, n in cohort.types.items())
    ordered = core_first(cohort.competencies, lambda s: s.competency)
    names = [s.competency.name for s in cohort.competencies] + list(KIND_TITLES.values())
    cells = {s.competency.id: _numbers(s) for s in cohort.competencies}
    numbers = [widest([h, *(row[i] for row in cells.values())]) for i, h in enumerate(HEADERS)]
    narrow = options.width < NARROW or not fits(names, options.width, [*numbers, SPREAD])
    if narrow and not fits(names, options.width, numbers, edge=False, pad_edge=False):  # "1137 van 1200" on two lines
        numbers[-1] = widest([HEADERS[-1], *(part for row in cells.values() for part in row[-1].split(" ", 1))])
    wrap_below = numbers[-1] < widest(row[-1] for row in cells.values())
    title = f"Ontwikkelscan · groep van {cohort.respondents} respondenten"
    caption = f"profielen: {types} · vragenbank {cohort.bank.version}"
    note = Text("\nGem. = gemiddelde score; Sd = standaardafwijking van de steekproef (n − 1); n = respondenten "
                "met een score. Onder doel: verschil met het doel van het eigen type gemeente kleiner dan 0. "
                "* het doel verschilt per type gemeente.\n",
                style="dim")
    if narrow and not fits(names, options.width, numbers, edge=False, pad_edge=False):
        blocks: list[RenderableType] = [Text(title, style="bold")]
        heading = None
        for s, _ in ordered:
            if s.competency.kind != heading:
                heading = s.competency.kind
                blocks += [Text(""), Text(KIND_TITLES[heading].upper(), style="bold")]
            lines = stacked(s.competency.name, [(h.replace("\n", " ").lower(), v) for h, v in
                                                zip(HEADERS, cells[s.competency.id], strict=True)], options.width)
            spread = [f"{STATUS_LABELS[code]} {s.statuses[code]}" for code in STATUSES if s.statuses[code]]
            blocks += [Text(lines[0], style="bold"), *(Text(line) for line in [*lines[1:], *held(spread, ", ", options.width)])]
        return to_text(Group(*blocks, Text(""), Text(caption), note), width=options.width, color=options.color)
    style = {"box": box.SIMPLE_HEAVY if narrow else box.HEAVY_HEAD, "show_edge": not narrow, "pad_edge": not narrow,
             "title_style": "bold", "header_style": "bold", "caption_justify": "left"}
    width = name_width(names, options.width, numbers + ([] if narrow else [SPREAD]), edge=not narrow,
                       pad_edge=not narrow, cap=40)
    table = Table(title=title, caption=caption, **style)  # type: ignore[arg-type]
    table.add_column("Competentie", width=width, no_wrap=True)
    for header, least in zip(HEADERS, numbers, strict=True):
        wraps = wrap_below and header == HEADERS[-1]
        table.add_column(header, justify="right", no_wrap=not wraps, min_width=least, width=least if wraps else None)
    if not narrow:
        table.add_column("Statussen", ratio=1, min_width=SPREAD)
    spreads = Table(title="Verdeling over de statussen", **style)  # type: ignore[arg-type]
    spreads.add_column("Competentie", width=width, no_wrap=True)
    spreads.add_column("Statussen")
    kind = None
    for s, last_core in ordered:
        if s.competency.kind != kind:
            kind = s.competency.kind
            for t in (table, spreads):
                t.add_row(wrapped(KIND_TITLES[kind], width), style="bold")
        name = wrapped(s.competency.name, width)
        table.add_row(name, *cells[s.competency.id], *([] if narrow else [_spread(s)]), end_section=last_core)
        spreads.add_row(name, _spread(s), end_section=last_core)
    below_table: list[RenderableType] = [Text(""), spreads] if narrow else []
    parts: list[RenderableType] = [table, *below_table, note]
    return to_text(Group(*parts), width=options.width, color=options.color)
