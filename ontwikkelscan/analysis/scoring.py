"""Scoring per docs/formats.md section 3: pure, deterministic, no I/O. The status bands are rules.BANDS."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from ..models import (
    ROLE_NAMES,
    ROLES,
    AnswerSheet,
    Bank,
    CompetencyResult,
    Context,
    MunicipalityType,
    Question,
    Report,
    Role,
    RoleResult,
    Scale,
    Status,
    Summary,
)
from ..rules import EDGES
from ..rules import TOLERANCE as TOLERANCE  # re-exported: the analysis takes it from scoring
from ..rules import status_for as status_for  # re-exported: the bands are the rules table's
from .patterns import pattern_notes
from .stats import weighted_margin


def keyed(question: Question, value: int, scale: Scale) -> int:
    """The item score: the answer, or min + max - answer for a reverse-keyed item."""
    return scale.min + scale.max - value if question.reverse else value


def needed(items: int) -> int:
    """How many answers a competency needs for a score: half its items, rounded up."""
    return (items + 1) // 2


def competency_score(bank: Bank, competency_id: str, answers: Mapping[str, int | None],
                     chosen: Collection[str] = ()) -> tuple[float | None, int]:
    """(score, answered) for one competency over the questions that apply with the `chosen` context
    ids; score is None below half coverage (rounded up)."""
    return items_score(applicable(bank.items[competency_id], chosen), answers, bank.scale)


def items_score(items: Sequence[Question], answers: Mapping[str, int | None],
                scale: Scale) -> tuple[float | None, int]:
    """(score, answered) over the given items: the weighted mean of the keyed answers, None below half
    coverage (rounded up). A feedback round passes an observer only the questions others were asked."""
    value, answered, _ = scored_items(items, answers, scale, margin=False)
    return value, answered


def scored_items(items: Sequence[Question], answers: Mapping[str, int | None],
                 scale: Scale, *, margin: bool = True,
                 unweighted: bool | None = None) -> tuple[float | None, int, float | None]:
    """(score, answered, margin): items_score and the margin of that score (stats.weighted_margin over
    the keyed answers and their weights), None where the score is None or fewer than two are answered
    (and without `margin`). `unweighted`: whether every item has weight 1, when the caller knows."""
    get = answers.get
    flipped = scale.min + scale.max  # keyed(): a reverse-keyed item scores min + max - answer
    if unweighted if unweighted is not None else all(q.weight == 1.0 for q in items):
        # Unweighted (every item of the shipped bank): the same numbers, bit for bit, as the weighted
        # sums below with weights 1.0 (sums of small integers are exact), in a third of the time;
        # this runs 17 times per sheet of a batch.
        scores = [flipped - v if q.reverse else v for q in items if (v := get(q.id)) is not None]
        count = len(scores)
        if count == 0 or count < needed(len(items)):
            return None, count, None
        mean = sum(scores) / count
        if not margin or count < 2:
            return mean, count, None
        return mean, count, math.sqrt(math.fsum([(s - mean) ** 2 for s in scores]) / count / (count - 1))
    total = weights = 0.0
    keyed_scores: list[float] = []
    item_weights: list[float] = []
    for question in items:
        value = get(question.id)
        if value is None:
            continue
        item = flipped - value if question.reverse else value
        weight = question.weight
        total += weight * item
        weights += weight
        keyed_scores.append(item)
        item_weights.append(weight)
    answered = len(keyed_scores)
    if answered == 0 or answered < needed(len(items)):
        return None, answered, None
    return total / weights, answered, weighted_margin(keyed_scores, item_weights) if margin else None




def is_borderline(gap: float | None, margin: float | None) -> bool | None:
    """Whether a status threshold lies strictly between gap - margin and gap + margin (with the tolerance of
    docs/formats.md section 3: a threshold on the edge of the band is not inside it). None without a gap or a margin."""
    if gap is None or margin is None:
        return None
    low, high = gap - margin + TOLERANCE, gap + margin - TOLERANCE
    return any([low < edge < high for edge in EDGES])  # (a list, not a generator: 14 times per sheet)


def targets(mtype: MunicipalityType, contexts: Sequence[Context]) -> dict[str, float]:
    """The target profile (docs/formats.md section 7): per competency the maximum of the type's target and every chosen
    context's; a competency the type does not require becomes required when a context names it."""
    result = dict(mtype.targets)
    for context in contexts:
        for cid, level in context.targets.items():
            result[cid] = max(result.get(cid, level), level)
    return result


def applies(question: Question, chosen: Collection[str]) -> bool:
    """A question without contexts is always asked; one with contexts only when one of them is chosen."""
    return not question.contexts or any(c in chosen for c in question.contexts)


def applicable(questions: Iterable[Question], chosen: Collection[str]) -> tuple[Question, ...]:
    return tuple(q for q in questions if applies(q, chosen))


def chosen_contexts(bank: Bank, sheet: AnswerSheet) -> tuple[Context, ...]:
    """The contexts an answer file names (already checked against the bank when it was read)."""
    return tuple(bank.contexts[c] for c in sheet.contexts or () if c in bank.contexts)


class _View(NamedTuple):
    """What applies with one set of chosen contexts: the same for every sheet of a batch."""

    items: tuple[tuple[Question, ...], ...]  # per competency, in bank order
    roles: tuple[tuple[Role, tuple[Question, ...]], ...]  # the roles that have questions, with them
    left_out: frozenset[str]  # the context questions that do not apply
    unweighted: bool  # every question has weight 1 (scored_items)


_VIEWS: dict[tuple[int, frozenset[str]], tuple[Bank, _View]] = {}


def _view(bank: Bank, ids: frozenset[str]) -> _View:
    """The _View of `bank` with the context `ids`, worked out once per bank and contexts (a batch
    scores thousands of sheets against the same few)."""
    found = _VIEWS.get((id(bank), ids))
    if found is not None and found[0] is bank:  # (the cache holds the bank: its id is not reused meanwhile)
        return found[1]
    roles = ((role, applicable((q for q in bank.questions if q.role == role), ids)) for role in ROLES)
    view = _View(tuple(applicable(bank.items[c.id], ids) for c in bank.competencies),
                 tuple((role, items) for role, items in roles if items),
                 frozenset(q.id for q in bank.questions if not applies(q, ids)),
                 all(q.weight == 1.0 for q in bank.questions))
    if len(_VIEWS) >= 64:
        _VIEWS.clear()
    _VIEWS[(id(bank), ids)] = (bank, view)
    return view


def score(bank: Bank, sheet: AnswerSheet, mtype: MunicipalityType,
          contexts: Sequence[Context] | None = None) -> Report:
    """Score one answer sheet. `contexts` (from --context) wins; None takes the sheet's own."""
    chosen = chosen_contexts(bank, sheet) if contexts is None else tuple(contexts)
    view = _view(bank, frozenset(c.id for c in chosen))
    profile = targets(mtype, chosen)
    answers = dict(sheet.answers)  # (a dict is faster to look up than the sheet's read-only view)
    scores = [scored_items(items, answers, bank.scale, unweighted=view.unweighted) for items in view.items]
    relative = relative_scores([value for value, _, _ in scores])
    results = []
    for competency, items, (value, answered, margin), rel in zip(bank.competencies, view.items, scores, relative,
                                                                 strict=True):
        target = profile.get(competency.id)
        gap: float | None = None
        status: Status
        if not items:  # every statement belongs to a context that was not chosen
            status = "not_asked"
        elif value is None:
            status = "insufficient_data"
        elif target is None:
            status = "not_required"
        else:
            gap = value - target
            status = status_for(gap)
        results.append(CompetencyResult(competency, value, answered, len(items), target, gap, status, rel, margin,
                                        is_borderline(gap, margin)))
    # the answers to statements that apply (a file may hold answers to a context's statements it did not choose)
    asked = answers if view.left_out.isdisjoint(answers) else {k: v for k, v in answers.items() if k not in view.left_out}
    return Report(sheet, mtype, bank, tuple(results), summarize(results), chosen,
                  _roles(view, answers, bank.scale), pattern_notes(bank, asked))


def _roles(view: _View, answers: Mapping[str, int | None], scale: Scale) -> tuple[RoleResult, ...]:
    result = []
    for role, items in view.roles:
        value, answered, _ = scored_items(items, answers, scale, margin=False, unweighted=view.unweighted)
        result.append(RoleResult(role, ROLE_NAMES[role], value, answered, len(items)))
    return tuple(result)


def relative_scores(scores: Sequence[float | None]) -> list[float | None]:
    """docs/formats.md section 3 rule 8: each score minus the unweighted mean of the scores that are not None."""
    present = [s for s in scores if s is not None]
    if not present:
        return [None] * len(scores)
    mean = sum(present) / len(present)
    return [None if s is None else s - mean for s in scores]


def role_scores(bank: Bank, answers: Mapping[str, int | None], chosen: Collection[str]) -> tuple[RoleResult, ...]:
    """docs/formats.md section 7: per role the weighted mean of the keyed item scores of its answered applicable items,
    None below half coverage. Empty for a bank without roles."""
    return _roles(_view(bank, frozenset(chosen)), answers, bank.scale)



def ranked(value: float | None) -> float:
    """A sort key under which values equal within the tolerance are equal: 43/15 - 4 and 101/30 - 4.5
    differ in the last bit of a float. sorted() is stable, so such ties keep bank order."""
    return round(value or 0.0, 9)


def summarize(results: list[CompetencyResult]) -> Summary:
    scored = [r for r in results if r.gap is not None]
    fit = sum(r.gap >= -TOLERANCE for r in scored if r.gap is not None) / len(scored) if scored else None
    development = sorted((r for r in scored if r.status in ("development", "attention")), key=lambda r: ranked(r.gap))
    strengths = sorted((r for r in scored if r.status == "strength"), key=lambda r: -ranked(r.gap))
    ids = tuple(r.competency.id for r in development)
    return Summary(fit, ids, tuple(r.competency.id for r in strengths), priorities(development))


PRIORITIES = 3


def priorities(development: Sequence[CompetencyResult]) -> tuple[str, ...]:
    """At most three development points to start with, worst gap first: only the clear ones (not
    borderline) while there are any; the borderline ones only when every point is borderline."""
    clear = [r for r in development if not r.borderline]
    return tuple(r.competency.id for r in (clear or list(development))[:PRIORITIES])
