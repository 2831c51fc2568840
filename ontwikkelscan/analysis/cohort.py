"""A cohort summary: per competency, the spread of many respondents' scores. Pure, no I/O.

Every respondent is scored against the targets of their own municipality type (the --type
option, else the type in their file), so a cohort may mix types: `below_target` counts
respondents whose gap to *their own* target is below zero, and `targets` lists the target
per type present. The standard deviation is the sample standard deviation (n - 1); it is
null for fewer than two scores.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..models import STATUSES, Bank, Competency, Report, Status
from .scoring import TOLERANCE
from .stats import mean, sample_sd

MIN_COHORT = 3  # the privacy floor: fewer respondents could be recognised


@dataclass(frozen=True, slots=True)
class CompetencyStats:
    competency: Competency
    n: int  # respondents with a score
    mean: float | None
    sd: float | None  # sample standard deviation (n - 1)
    min: float | None
    max: float | None
    with_target: int  # respondents with both a score and a target
    below_target: int  # of those, how many have gap < 0
    targets: dict[str, float]  # municipality type id -> target, for the types in the cohort
    statuses: dict[Status, int]  # every status code, in the order of docs/formats.md section 3, with its count


@dataclass(frozen=True, slots=True)
class Cohort:
    bank: Bank
    respondents: int
    types: dict[str, int]  # municipality type id -> respondents, in bank order
    competencies: tuple[CompetencyStats, ...]


class CohortBuilder:
    """Collects a cohort one report at a time, keeping only numbers (a batch of thousands stays light)."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.respondents = 0
        self.types: Counter[str] = Counter()
        count = len(bank.competencies)
        self.scores: list[list[float]] = [[] for _ in range(count)]
        self.gaps: list[list[float]] = [[] for _ in range(count)]
        self.statuses: list[Counter[Status]] = [Counter() for _ in range(count)]

    def add(self, report: Report) -> None:
        self.respondents += 1
        self.types[report.municipality_type.id] += 1
        for index, result in enumerate(report.results):
            if result.score is not None:
                self.scores[index].append(result.score)
            if result.gap is not None:
                self.gaps[index].append(result.gap)
            self.statuses[index][result.status] += 1

    def build(self) -> Cohort:
        bank = self.bank
        types = {t: self.types[t] for t in bank.types if self.types[t]}
        stats = []
        for index, competency in enumerate(bank.competencies):
            scores, gaps = self.scores[index], self.gaps[index]
            targets = {t: bank.types[t].targets[competency.id] for t in types
                       if competency.id in bank.types[t].targets}
            stats.append(CompetencyStats(
                competency=competency,
                n=len(scores),
                mean=mean(scores) if scores else None,
                sd=sample_sd(scores),
                min=min(scores) if scores else None,
                max=max(scores) if scores else None,
                with_target=len(gaps),
                below_target=sum(1 for g in gaps if g < -TOLERANCE),
                targets=targets,
                statuses={s: self.statuses[index][s] for s in STATUSES},
            ))
        return Cohort(bank, self.respondents, types, tuple(stats))
