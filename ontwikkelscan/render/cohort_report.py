"""The cohort summary as a Dutch Rich table, as JSON and as CSV."""

from __future__ import annotations

import json
from typing import Any

from ..analysis.cohort import Cohort, CompetencyStats
from ..models import STATUSES
from .csv_report import Cell, Dialect, labels, render_rows
from .formats import PLAIN, Options
from .view import KIND_LABELS, STATUS_LABELS, STATUS_STYLES, core_first, level, nl

COHORT_SCHEMA = "ontwikkelscan/cohort@1"
SD_NOTE = "sample (n-1)"
CSV_COLUMNS = ("competency", "name", "kind", "n", "mean", "sd", "min", "max", "target", "with_target",
               "below_target", *STATUSES)


def cohort_dict(cohort: Cohort) -> dict[str, Any]:
    return {
        "schema": COHORT_SCHEMA,
        "respondents": cohort.respondents,
        "municipality_types": cohort.types,
        "bank": {"version": cohort.bank.version, "sha256": cohort.bank.sha256},
        "sd": SD_NOTE,
        "competencies": [
            {"id": s.competency.id, "name": s.competency.name, "kind": s.competency.kind,
             "n": s.n, "mean": s.mean, "sd": s.sd, "min": s.min, "max": s.max,
             "targets": s.targets, "with_target": s.with_target, "below_target": s.below_target,
             "statuses": s.statuses}
            for s in cohort.competencies
        ],
    }


def render_cohort_json(cohort: Cohort, options: Options = PLAIN) -> str:
    return json.dumps(cohort_dict(cohort), ensure_ascii=False, indent=2) + "\n"


def render_cohort_csv(cohort: Cohort, options: Options = PLAIN) -> str:
    """One row per competency; `target` is empty when the types in the cohort have different targets."""
    dialect = Dialect(options.dialect)
    kinds, _ = labels(dialect)
    rows: list[tuple[Cell, ...]] = [
        (s.competency.id, s.competency.name, kinds.get(s.competency.kind, s.competency.kind), s.n, s.mean, s.sd, s.min, s.max,
         shared_target(s), s.with_target, s.below_target, *(s.statuses[code] for code in STATUSES))
        for s in cohort.competencies
    ]
    return render_rows(CSV_COLUMNS, rows, dialect)


def shared_target(stats: CompetencyStats) -> float | None:
    values = set(stats.targets.values())
    return values.pop() if len(values) == 1 else None


def target_text(stats: CompetencyStats) -> str:
    if not stats.targets:
        return "–"
    shared = shared_target(stats)
    if shared is not None:
        return level(shared)
    values = sorted(stats.targets.values())
    return f"{level(values[0])}–{level(values[-1])}*"


def render_cohort_table(cohort: Cohort, options: Options = PLAIN) -> str:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from .console import to_text

    types = ", ".join(f"{cohort.bank.types[t].name} {n}" for t, n in cohort.types.items())
    table = Table(title=f"Ontwikkelscan · groep van {cohort.respondents} respondenten",
                  caption=f"profielen: {types} · vragenbank {cohort.bank.version}",
                  title_style="bold", caption_justify="left", header_style="bold", pad_edge=False)
    table.add_column("Competentie", ratio=3, overflow="fold")
    table.add_column("Soort")
    for name in ("n", "Gem.", "Sd", "Min", "Max", "Doel", "Onder doel"):
        table.add_column(name, justify="right")
    table.add_column("Statussen", ratio=2, overflow="fold")
    for s, last_core in core_first(cohort.competencies, lambda s: s.competency):
        spread = Text()
        for code in STATUSES:
            if s.statuses[code]:
                if spread:
                    spread.append(", ")
                spread.append(f"{STATUS_LABELS[code]} {s.statuses[code]}", style=STATUS_STYLES[code])
        below = f"{s.below_target} van {s.with_target}" if s.with_target else "–"
        table.add_row(s.competency.name, KIND_LABELS[s.competency.kind], str(s.n), nl(s.mean), nl(s.sd),
                      nl(s.min), nl(s.max), target_text(s), below, spread, end_section=last_core)
    note = Text("\nGem. = gemiddelde score; Sd = standaardafwijking van de steekproef (n − 1); n = respondenten "
                "met een score. Onder doel: verschil met het doel van het eigen type gemeente kleiner dan 0. "
                "* het doel verschilt per type gemeente.\n",
                style="dim")
    return to_text(Group(table, note), width=options.width, color=options.color)
