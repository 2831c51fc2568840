"""What the formats of a cohort summary share: the title, the note on the numbers, the order and the targets."""

from __future__ import annotations

from ...analysis.cohort import Cohort, CompetencyStats
from ...models import STATUSES
from ..common.view import STATUS_LABELS, core_first, level

TITLE = "Ontwikkelscan · groepsoverzicht"


NOTE = ("Gem. = gemiddelde score van wie een score heeft (n); Sd = standaardafwijking van de steekproef (n − 1). "
        "Onder doel: verschil met het doel van het eigen type gemeente kleiner dan 0. Een doel met * verschilt per "
        "type gemeente; het spinnenweb toont dan het gemiddelde doel van de respondenten.")


def in_bank_order(cohort: Cohort) -> list[tuple[CompetencyStats, bool]]:
    return core_first(cohort.competencies, lambda s: s.competency)


def types_text(cohort: Cohort) -> str:
    return ", ".join(f"{cohort.bank.types[t].name} {n}" for t, n in cohort.types.items())


def spread_words(stats: CompetencyStats) -> str:
    return ", ".join(f"{STATUS_LABELS[c]} {stats.statuses[c]}" for c in STATUSES if stats.statuses.get(c))


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
