"""A feedback round scored (docs/formats.md section 6): self, the rater groups, the residue and all others.

Pure: the answer sheets come in already read and checked (files/rounds.py). Every
number that may be hidden passes through analysis/anonymity.py; a hidden number is None
here, `null` in JSON and `-` for people.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Literal, NamedTuple

from ..models import (
    ROLES,
    AnswerSheet,
    Bank,
    Competency,
    CompetencyResult,
    Context,
    MunicipalityType,
    Question,
    Report,
    Role,
    Round,
    Status,
)
from ..rules import Flag as Flag  # re-exported: a row's flag
from ..rules import flag_for, low_agreement
from .anonymity import others_shown, visibility
from .comments import CommentBlock, comment_blocks
from .intake import identity
from .scoring import applicable, items_score, ranked, score, status_for, targets
from .stats import mean, sample_variance


class GroupScore(NamedTuple):
    score: float | None
    n: int


class OthersScore(NamedTuple):
    score: float | None
    n: int
    sd: float | None
    gap: float | None
    status: Status


class StatementDiff(NamedTuple):
    """One statement: self's answer against the others' mean answer, as answered on the scale (a reverse
    keyed statement is not turned around: "Ik schuif beslissingen voor me uit" reads as it was answered)."""

    question: Question
    self: float | None
    others: float | None
    n: int
    difference: float | None


class FeedbackRow(NamedTuple):
    competency: Competency
    target: float | None
    self: CompetencyResult | None  # None: no self scan in the round
    groups: Mapping[str, GroupScore | None]  # the groups with answer files in the round; None: hidden
    residue: GroupScore | None
    others: OthersScore | None
    self_minus_others: float | None
    flag: Flag | None
    agreement: Literal["low"] | None
    statements: tuple[StatementDiff, ...] = ()
    hidden_by: Mapping[str, str] = MappingProxyType({})  # a hidden number (its JSON key) -> the rule (HIDDEN_BY)
    behind: Mapping[str, frozenset[str]] = MappingProxyType({})  # a shown number -> its anonymous raters


# Why a number is hidden, as JSON's `hidden_by` names it (docs/feedback.md, "Wat een ontbrekend getal betekent")
HIDDEN_BY = {
    "6.rule2": "een anonieme groep met minder beoordelaars dan de grens",
    "6.rule3": "samengevoegd bij de overige beoordelaars, of die zijn samen nog te weinig",
    "6.rule4": "alle anderen samen hebben 1 tot de grens anonieme beoordelaars",
    "6.subtraction": "een anonieme beoordelaar sloeg een deel van de uitspraken van deze competentie over; de "
                     "gemiddelden per uitspraak zouden zijn antwoorden verraden",
}
OTHERS_DERIVED = ("others", "self_minus_others", "flag", "agreement")


class RoleBalance(NamedTuple):
    id: Role
    self: float | None
    others: float | None  # None when a competency of the role is hidden for the others


class FeedbackSummary(NamedTuple):
    blind_spots: tuple[str, ...]
    hidden_strengths: tuple[str, ...]
    development: tuple[str, ...]
    roles: tuple[RoleBalance, ...] = ()


class FeedbackReport(NamedTuple):
    round: Round
    bank: Bank
    municipality_type: MunicipalityType
    contexts: tuple[Context, ...]
    raters: Mapping[str, int]  # raters per group (docs/formats.md section 6.1); small anonymous groups under "overige"
    too_small: tuple[str, ...]  # anonymous groups with 1 .. floor-1 raters
    rows: tuple[FeedbackRow, ...]
    summary: FeedbackSummary
    release: int | None = None  # the release shown (docs/formats.md section 6.2)
    comments: tuple[CommentBlock, ...] = ()  # docs/formats.md section 6.3, per open question


def asked(bank: Bank, questions: Sequence[Question], contexts: Sequence[str], observer: bool) -> tuple[Question, ...]:
    """The questions a rater was asked: those of the chosen contexts; for others, those with an observer text."""
    return tuple(q for q in applicable(questions, contexts) if not observer or q.observer)


def observer_bank(bank: Bank) -> Bank:
    """The bank as others see it: only the questions with an observer text, worded for others. Scoring
    and the item analysis then work on observer answers unchanged (cohort and items --rater)."""
    questions = tuple(q._replace(text=q.observer) for q in bank.questions if q.observer)
    return bank._replace(
        questions=questions, question_index=MappingProxyType({q.id: q for q in questions}),
        items=MappingProxyType({c.id: tuple(q for q in questions if q.competency == c.id) for c in bank.competencies}),
    )


def feedback(bank: Bank, round_: Round, sheets: Sequence[AnswerSheet], mtype: MunicipalityType,
             contexts: Sequence[Context] = (), release: int | None = None) -> FeedbackReport:
    """Score the round. `sheets` are the round's raters (intake.count: no empty or double files): at most
    one self, the others in bank groups."""
    raters = bank.raters
    assert raters is not None, "a feedback round needs a bank with rater groups"
    floor = raters.anonymity_floor
    chosen = [c.id for c in contexts]
    profile = targets(mtype, contexts)
    selfs = [s for s in sheets if s.rater == "self"]
    own = selfs[0] if selfs else None
    order = [g for g in raters.groups if any(s.rater == g for s in sheets)]
    anonymous = {g: raters.groups[g].anonymous for g in order}
    others = [s for s in sheets if s.rater != "self"]
    mine_all = score(bank, own, mtype, contexts).results if own else [None] * len(bank.competencies)
    rows = []
    for competency, mine in zip(bank.competencies, mine_all, strict=True):
        target = profile.get(competency.id)
        items = asked(bank, bank.items[competency.id], chosen, observer=True)
        scores = {g: [(s, v) for s in others if s.rater == g
                      for v in [items_score(items, s.answers, bank.scale)[0]] if v is not None] for g in order}
        row = _row(competency, target, mine, scores, anonymous, floor, order)
        rows.append(with_statements(row, items, own, others, anonymous, floor))
    counts = {g: sum(s.rater == g for s in others) for g in order}
    too_small = tuple(g for g in order if anonymous[g] and counts[g] < floor)
    shown_counts = {"self": len(selfs), **{g: counts[g] for g in order if g not in too_small}}
    if too_small:
        shown_counts["overige"] = sum(counts[g] for g in too_small)
    summary = _summary(rows, _roles(bank, rows, chosen))
    return FeedbackReport(round_, bank, mtype, tuple(contexts), MappingProxyType(shown_counts), too_small,
                          tuple(rows), summary, release, comment_blocks(bank, sheets))


def _row(competency: Competency, target: float | None, mine: CompetencyResult | None,
         scored: Mapping[str, list[tuple[AnswerSheet, float]]], anonymous: Mapping[str, bool], floor: int,
         order: Sequence[str]) -> FeedbackRow:
    counts = {g: len(v) for g, v in scored.items()}
    vis = visibility(counts, anonymous, floor, order)
    scores = {g: [v for _, v in pairs] for g, pairs in scored.items()}
    people = {g: frozenset(identity(s) for s, _ in pairs) if anonymous[g] else frozenset()
              for g, pairs in scored.items()}
    groups = {g: _group(scores[g]) if g in vis.shown else None for g in order}
    hidden = {f"groups.{g}": "6.rule3" if counts[g] >= floor else "6.rule2" for g in order if g not in vis.shown}
    behind = {f"groups.{g}": people[g] for g in vis.shown}
    pooled = [v for g in vis.residue for v in scores[g]]
    residue = _group(pooled) if vis.residue_shown else None
    if vis.residue_shown:
        behind["residue"] = frozenset().union(*(people[g] for g in vis.residue))
    elif vis.residue_n:
        hidden["residue"] = "6.rule3"
    others = _others([v for g in order for v in scores[g]], target) if vis.others_shown else None
    if others is not None:
        behind["others"] = frozenset().union(*people.values())
    else:
        hidden.update(dict.fromkeys(OTHERS_DERIVED, "6.rule4"))
    difference = flag = agreement = None
    if mine is not None and mine.score is not None and others is not None and others.score is not None:
        difference = mine.score - others.score
        flag = flag_for(difference)
    if others is not None and others.sd is not None and low_agreement(others.sd):
        agreement = "low"
    return FeedbackRow(competency, target, mine, MappingProxyType(groups), residue, others, difference,
                       flag, agreement, (), MappingProxyType(hidden), MappingProxyType(behind))  # type: ignore[arg-type]


def _group(values: Sequence[float]) -> GroupScore:
    return GroupScore(mean(values) if values else None, len(values))


def _others(values: Sequence[float], target: float | None) -> OthersScore:
    score = mean(values) if values else None
    variance = sample_variance(values)
    gap = score - target if score is not None and target is not None else None
    status: Status = "insufficient_data" if score is None else "not_required" if gap is None else status_for(gap)
    return OthersScore(score, len(values), variance ** 0.5 if variance is not None else None, gap, status)


def with_statements(row: FeedbackRow, items: Sequence[Question], own: AnswerSheet | None,
                    others: Sequence[AnswerSheet], anonymous: Mapping[str, bool], floor: int) -> FeedbackRow:
    """Self against the others per statement, where the floor allows the others' mean of that statement.

    Beyond rule 4, every anonymous rater must have answered all of the competency's statements or none:
    a rater who skipped one is weighed differently in the statement means than in the competency
    means, and subtracting the one from the other could then single out that rater's answers.
    """
    hidden = dict(row.hidden_by)
    behind = dict(row.behind)
    if not all(_all_or_none(s, items) for s in others if anonymous[s.rater]):
        hidden["statements"] = "6.subtraction"
        return row._replace(hidden_by=MappingProxyType(hidden))
    result = []
    for question in items:
        answered = [s for s in others if s.answers.get(question.id) is not None]
        people = frozenset(identity(s) for s in answered if anonymous[s.rater])
        if not answered:
            continue
        if not others_shown(len(people), floor):
            hidden[f"statements.{question.id}"] = "6.rule4"
            continue
        behind[f"statements.{question.id}"] = people
        theirs = mean([s.answers[question.id] for s in answered])  # type: ignore[misc]
        value = own.answers.get(question.id) if own else None
        mine = float(value) if value is not None else None
        result.append(StatementDiff(question, mine, theirs, len(answered),
                                    mine - theirs if mine is not None else None))
    return row._replace(statements=tuple(result), hidden_by=MappingProxyType(hidden),
                        behind=MappingProxyType(behind))


def _all_or_none(sheet: AnswerSheet, items: Sequence[Question]) -> bool:
    answered = sum(sheet.answers.get(q.id) is not None for q in items)
    return answered in (0, len(items))


def _roles(bank: Bank, rows: Sequence[FeedbackRow], chosen: Sequence[str]) -> tuple[RoleBalance, ...]:
    """The three roles (docs/formats.md section 7) as self and as the others see them, both derived from the competency
    scores shown: per role the mean of the competencies, weighted by how many of the role's statements
    each has (for others: those with an observer text). Built only from shown numbers, the role balance
    can give nothing away that the table does not; a competency hidden for the others hides the role."""
    result = []
    for role in ROLES:
        mine = _weighted(bank, rows, role, chosen, observer=False)
        theirs = _weighted(bank, rows, role, chosen, observer=True)
        if mine is None and theirs is None:
            continue
        result.append(RoleBalance(role, mine, theirs))
    return tuple(result)


def _weighted(bank: Bank, rows: Sequence[FeedbackRow], role: Role, chosen: Sequence[str], *,
              observer: bool) -> float | None:
    total = weights = 0.0
    for row in rows:
        count = sum(q.role == role for q in asked(bank, bank.items[row.competency.id], chosen, observer))
        if not count:
            continue
        value = (row.others.score if row.others else None) if observer else (row.self.score if row.self else None)
        if value is None:
            return None
        total += count * value
        weights += count
    return total / weights if weights else None


def _summary(rows: Sequence[FeedbackRow], roles: tuple[RoleBalance, ...]) -> FeedbackSummary:
    def difference(row: FeedbackRow) -> float:
        return ranked(row.self_minus_others)

    blind = sorted((r for r in rows if r.flag == "blind_spot"), key=lambda r: -difference(r))
    hidden = sorted((r for r in rows if r.flag == "hidden_strength"), key=difference)
    development = sorted((r for r in rows if r.others is not None and r.others.status in ("development", "attention")),
                         key=lambda r: ranked(r.others.gap if r.others else None))
    return FeedbackSummary(tuple(r.competency.id for r in blind), tuple(r.competency.id for r in hidden),
                           tuple(r.competency.id for r in development), roles)


def blind_spots_first(report: Report, round_: FeedbackReport) -> Report:
    """The self scan's report for a development plan made on a round: its points are the blind spots
    first, then the others' development points, then the self scan's own (each once)."""
    ids = [*round_.summary.blind_spots, *round_.summary.development, *report.summary.development]
    ordered = tuple(dict.fromkeys(ids))
    note = ("Dit plan gebruikt ook de feedback van anderen (ronde " + round_.round.id + "): eerst de blinde "
            "vlekken, waar u uzelf hoger ziet dan de anderen, dan wat de anderen als ontwikkelpunt zien.")
    others = {r.competency.id: (r.others.score, r.flag) for r in round_.rows
              if r.others is not None and r.others.score is not None}
    return report._replace(summary=report.summary._replace(development=ordered), notes=(*report.notes, note),
                           others=MappingProxyType(others))
