"""Which statements pulled a competency's score down: the raw material of "Wat nu". Pure, no I/O."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import NamedTuple

from ..models import Bank, CompetencyResult, Question, Report
from .scoring import applicable, keyed

DRIVERS = 3  # statements shown per development or attention point


class Driver(NamedTuple):
    """One answered statement and how far it pulled the competency's score below its mean."""

    question: Question
    answer: int  # the value given, on the scale (before reverse keying)
    item_score: int  # the keyed score that entered the mean
    pull: float  # weight * (item score - competency score) / total weight; negative pulls down


def drivers(bank: Bank, answers: Mapping[str, int | None], result: CompetencyResult,
            limit: int = DRIVERS, chosen: Collection[str] = ()) -> tuple[Driver, ...]:
    """The answered statements that pulled `result`'s score down most, worst first (bank order on a tie).

    A statement pulls the score down when its keyed score is below the competency's score;
    its pull is its weighted share of that difference. Statements at or above the score are
    left out, so a competency scored evenly may have none. Only the statements that apply with the
    `chosen` context ids count, as in the score.
    """
    if result.score is None:
        return ()
    answered = [(q, v) for q in applicable(bank.items.get(result.competency.id, ()), chosen)
                if (v := answers.get(q.id)) is not None]
    total = sum(q.weight for q, _ in answered)
    if not total:
        return ()
    found = []
    for question, value in answered:
        item = keyed(question, value, bank.scale)
        pull = question.weight * (item - result.score) / total
        if pull < -1e-9:
            found.append(Driver(question, value, item, pull))
    found.sort(key=lambda d: d.pull)  # stable: equal pulls keep bank order
    return tuple(found[:limit])


def points(report: Report) -> tuple[CompetencyResult, ...]:
    """The development and attention points of a report, worst gap first (the summary's order)."""
    by_id = {r.competency.id: r for r in report.results}
    return tuple(by_id[c] for c in report.summary.development)
