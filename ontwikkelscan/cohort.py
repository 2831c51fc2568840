"""A cohort summary: per competency, the spread of many respondents' scores. Pure, no I/O.

Every respondent is scored against the targets of their own municipality type (the --type
option, else the type in their file), so a cohort may mix types: `below_target` counts
respondents whose gap to *their own* target is below zero, and `targets` lists the target
per type present. The standard deviation is the sample standard deviation (n - 1); it is
null for fewer than two scores.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .models import STATUSES, Bank, Competency, Report, Status
from .scoring import TOLERANCE

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
    statuses: dict[Status, int]  # every status code, in SPEC order, with its count


@dataclass(frozen=True, slots=True)
class Cohort:
    bank: Bank
    respondents: int
    types: dict[str, int]  # municipality type id -> respondents, in bank order
    competencies: tuple[CompetencyStats, ...]


def sample_sd(values: list[float]) -> float | None:
    """The sample standard deviation (dividing by n - 1); None for fewer than two values."""
    n = len(values)
    if n < 2:
        return None
    mean = math.fsum(values) / n
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))


def summarize_cohort(bank: Bank, reports: list[Report]) -> Cohort:
    counts = Counter(r.municipality_type.id for r in reports)
    types = {t: counts[t] for t in bank.types if counts[t]}
    stats = []
    for index, competency in enumerate(bank.competencies):
        results = [r.results[index] for r in reports]
        scores = [r.score for r in results if r.score is not None]
        gaps = [r.gap for r in results if r.gap is not None]
        statuses = Counter(r.status for r in results)
        targets = {t: bank.types[t].targets[competency.id] for t in types if competency.id in bank.types[t].targets}
        stats.append(CompetencyStats(
            competency=competency,
            n=len(scores),
            mean=math.fsum(scores) / len(scores) if scores else None,
            sd=sample_sd(scores),
            min=min(scores) if scores else None,
            max=max(scores) if scores else None,
            with_target=len(gaps),
            below_target=sum(1 for g in gaps if g < -TOLERANCE),
            targets=targets,
            statuses={s: statuses[s] for s in STATUSES},
        ))
    return Cohort(bank, len(reports), types, tuple(stats))
