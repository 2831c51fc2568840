"""The cohort summary as CSV: one row per competency."""

from __future__ import annotations

from ...analysis.cohort import Cohort
from ...models import STATUSES
from ..common.csvout import Cell, Dialect, Words, render_rows
from ..formats import PLAIN, Options
from .view import shared_target

CSV_COLUMNS = ("competency", "name", "kind", "n", "mean", "sd", "min", "max", "target", "with_target",
               "below_target", *STATUSES)


def render_cohort_csv(cohort: Cohort, options: Options = PLAIN) -> str:
    """One row per competency; `target` is empty when the types in the cohort have different targets."""
    dialect = Dialect(options.dialect)
    word = Words(dialect)
    rows: list[tuple[Cell, ...]] = [
        (s.competency.id, s.competency.name, word(s.competency.kind), s.n, s.mean, s.sd, s.min, s.max,
         shared_target(s), s.with_target, s.below_target, *(s.statuses[code] for code in STATUSES))
        for s in cohort.competencies
    ]
    return render_rows(CSV_COLUMNS, rows, dialect)
