"""Scoring per SPEC section 3: pure, deterministic, no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import AnswerSheet, Bank, CompetencyResult, MunicipalityType, Question, Report, Scale, Status, Summary
from .patterns import pattern_notes

TOLERANCE = 1e-9


def status_for(gap: float) -> Status:
    """The status band of a gap, with the SPEC's tolerance at each boundary."""
    if gap <= -0.5 + TOLERANCE:
        return "development"
    if gap < -TOLERANCE:
        return "attention"
    if gap < 0.5 - TOLERANCE:
        return "on_target"
    return "strength"


def keyed(question: Question, value: int, scale: Scale) -> int:
    """The item score: the answer, or min + max - answer for a reverse-keyed item."""
    return scale.min + scale.max - value if question.reverse else value


def needed(items: int) -> int:
    """How many answers a competency needs for a score: half its items, rounded up."""
    return (items + 1) // 2


def competency_score(bank: Bank, competency_id: str, answers: Mapping[str, int | None]) -> tuple[float | None, int]:
    """(score, answered) for one competency; score is None below half coverage (rounded up)."""
    return items_score(bank.items[competency_id], answers, bank.scale)


def items_score(items: Sequence[Question], answers: Mapping[str, int | None],
                scale: Scale) -> tuple[float | None, int]:
    """(score, answered) over the given items: the weighted mean of the keyed answers, None below half
    coverage (rounded up). A feedback round passes an observer only the questions others were asked."""
    total = weights = 0.0
    answered = 0
    for question in items:
        value = answers.get(question.id)
        if value is None:
            continue
        answered += 1
        total += question.weight * keyed(question, value, scale)
        weights += question.weight
    if answered == 0 or answered < needed(len(items)):
        return None, answered
    return total / weights, answered


def score(bank: Bank, sheet: AnswerSheet, mtype: MunicipalityType) -> Report:
    results = []
    for competency in bank.competencies:
        value, answered = competency_score(bank, competency.id, sheet.answers)
        target = mtype.targets.get(competency.id)
        gap: float | None = None
        status: Status
        if value is None:
            status = "insufficient_data"
        elif target is None:
            status = "not_required"
        else:
            gap = value - target
            status = status_for(gap)
        results.append(CompetencyResult(competency, value, answered, len(bank.items[competency.id]),
                                        target, gap, status))
    return Report(sheet, mtype, bank, tuple(results), summarize(results), notes=pattern_notes(bank, sheet.answers))


def summarize(results: list[CompetencyResult]) -> Summary:
    scored = [r for r in results if r.gap is not None]
    fit = sum(r.gap >= -TOLERANCE for r in scored if r.gap is not None) / len(scored) if scored else None
    # sorted() is stable: equal gaps keep bank order
    development = sorted((r for r in scored if r.status in ("development", "attention")), key=lambda r: r.gap or 0.0)
    strengths = sorted((r for r in scored if r.status == "strength"), key=lambda r: -(r.gap or 0.0))
    return Summary(fit, tuple(r.competency.id for r in development), tuple(r.competency.id for r in strengths))
