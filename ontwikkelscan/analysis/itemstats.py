"""Item analysis over answer sheets: Cronbach's alpha per competency and statistics per item.

Pure and deterministic. Conventions (see docs/bank.md, "Itemanalyse"):

- Reverse-keyed items are turned around first (`min + max - v`), as in scoring.
- A competency's **core** is the set of its statements that every respondent was asked: those
  without `contexts:`, and a context statement when every sheet has its context (so on complete
  answers to every statement, the core is the whole competency). Alpha (with Feldt's 95% interval),
  and r(it) and alpha-if-deleted of the core statements, use *listwise* deletion over the core: only
  respondents who answered every core statement count.
- A statement outside the core (a context statement not everyone was asked) is analysed among the
  respondents who were asked it: the core plus that statement, listwise among them. Its r(it) is
  against the sum of the core; its alpha-if-deleted is the core's alpha among those same respondents,
  `alpha_with` the alpha with it. Pairwise deletion would mix different respondents into one covariance matrix,
  which can give alphas above 1; listwise per set keeps every number internally consistent.
- A respondent was asked a statement when the sheet names one of its contexts, or when the sheet
  mentions the statement at all (a value or null: the scan writes null for a skipped statement, and a
  statement that was not asked is absent from the sheet; an import may carry no contexts).
- Mean, standard deviation and the n.v.t. rate of an item use every respondent who was asked it
  (the mean is of the answer as given, before reversal).
- Variances and standard deviations are sample ones (n - 1); items are unweighted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import AnswerSheet, Bank, Question
from .scoring import applies, keyed
from .stats import alpha_if_deleted, corrected_item_total, cronbach_alpha, feldt_interval, mean, sample_sd

MIN_ITEM_TOTAL = 0.30
MIN_ALPHA = 0.70
MIN_RESPONDENTS = 10  # complete cases below which alpha and r(it) are shown as unstable
# A likely keying error: r(it) at or below KEYING_R *and* below zero beyond chance (one-sided p < 0.05 by
# Fisher's z, so about -0.26 with 40 complete cases and -0.55 with 10). A statement whose answers are
# mirrored correlates with the rest about as strongly negative as a good one does positive (-0.3 to -0.7);
# noise lies around 0 with a spread of 1/sqrt(n - 3). Docs: docs/bank.md section 4.
KEYING_R = -0.20
KEYING_Z = 1.6448536269514722  # the standard normal's 95th percentile


def keying_suspect(r: float | None, n: int) -> bool:
    """Is an item-total correlation `r` over `n` complete cases clearly negative: a likely keying error?"""
    if r is None or n <= 3 or r > KEYING_R:
        return False
    return r <= -1 or math.atanh(r) * math.sqrt(n - 3) < -KEYING_Z


@dataclass(frozen=True, slots=True)
class ItemStat:
    id: str
    competency: str
    text: str
    reverse: bool
    answered: int  # respondents who gave a value on the scale
    mean: float | None  # of the answer as given
    sd: float | None
    na_rate: float | None  # share of the respondents asked with null (skipped, n.v.t.)
    item_total: float | None  # corrected item-total correlation (listwise, keyed)
    alpha_if_deleted: float | None
    asked: int = 0  # respondents who were asked the statement (everyone for a core statement)
    complete: int = 0  # the complete cases behind item_total and alpha_if_deleted
    contexts: tuple[str, ...] = ()  # a context statement's contexts; () for the core
    alpha_with: float | None = None  # the alpha of the set the item was analysed in (core: the competency's)
    in_alpha: bool = True  # asked of everyone: one of the core statements the competency's alpha is over

    @property
    def weak(self) -> bool:
        return self.item_total is not None and self.item_total < MIN_ITEM_TOTAL

    @property
    def keying(self) -> bool:
        """A likely keying error (reverse: true missing, or one too many), distinct from a weak item."""
        return keying_suspect(self.item_total, self.complete)

    @property
    def signal(self) -> str | None:
        return "keying" if self.keying else "weak" if self.weak else None

    @property
    def unstable(self) -> bool:
        """Its r(it) or alpha-if-deleted rests on fewer than MIN_RESPONDENTS complete cases."""
        has_numbers = self.item_total is not None or self.alpha_if_deleted is not None
        return has_numbers and self.complete < MIN_RESPONDENTS


@dataclass(frozen=True, slots=True)
class CompetencyStat:
    id: str
    name: str
    complete: int  # respondents who answered every core statement (listwise n)
    alpha: float | None  # over the core statements
    items: tuple[ItemStat, ...]
    alpha_ci: tuple[float, float] | None = None  # Feldt's 95% interval
    core: int = 0  # the statements alpha is over (asked of every respondent)

    @property
    def weak(self) -> bool:
        return self.alpha is not None and self.alpha < MIN_ALPHA

    @property
    def unstable(self) -> bool:
        return self.complete < MIN_RESPONDENTS


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    respondents: int
    competencies: tuple[CompetencyStat, ...]

    @property
    def unstable(self) -> bool:
        return self.respondents < MIN_RESPONDENTS

    def few_cases(self) -> list[tuple[str, int]]:
        """(id, complete cases) of every competency, then every statement outside an alpha, with an
        alpha or r(it) over fewer than MIN_RESPONDENTS complete cases (none at all included), in bank order."""
        found = [(c.id, c.complete) for c in self.competencies if c.unstable]
        return found + [(i.id, i.complete) for c in self.competencies for i in c.items
                        if not i.in_alpha and i.complete < MIN_RESPONDENTS]


def was_asked(question: Question, sheet: AnswerSheet) -> bool:
    """Was `sheet`'s respondent asked `question`? A core statement always; a context statement when the
    sheet names one of its contexts or mentions the statement (a value, or null for skipped)."""
    return question.id in sheet.answers or applies(question, sheet.contexts or ())


def _complete(questions: Sequence[Question], sheets: Sequence[AnswerSheet], bank: Bank) -> list[list[float]]:
    """The keyed answers of the sheets that answered every one of `questions` (listwise)."""
    rows = []
    for sheet in sheets:
        values = [sheet.answers.get(q.id) for q in questions]
        if None not in values:
            rows.append([float(keyed(q, v, bank.scale)) for q, v in zip(questions, values, strict=True) if v is not None])
    return rows


def _described(q: Question, asked: Sequence[AnswerSheet], item_total: float | None, alpha_without: float | None,
               complete: int, alpha_with: float | None, *, in_alpha: bool = True) -> ItemStat:
    given = [float(v) for sheet in asked if (v := sheet.answers.get(q.id)) is not None]
    return ItemStat(id=q.id, competency=q.competency, text=q.text, reverse=q.reverse, answered=len(given),
                    mean=mean(given) if given else None, sd=sample_sd(given),
                    na_rate=(len(asked) - len(given)) / len(asked) if asked else None,
                    item_total=item_total, alpha_if_deleted=alpha_without, asked=len(asked), complete=complete,
                    contexts=q.contexts, alpha_with=alpha_with, in_alpha=in_alpha)


def _competency(bank: Bank, comp_id: str, name: str, sheets: Sequence[AnswerSheet]) -> CompetencyStat:
    questions = bank.items[comp_id]
    core = [q for q in questions if all(was_asked(q, s) for s in sheets)]
    rows = _complete(core, sheets, bank)
    alpha = cronbach_alpha(rows) if core else None
    r_it = corrected_item_total(rows) if rows else [None] * len(core)
    a_del = alpha_if_deleted(rows) if rows else [None] * len(core)
    found = {q.id: _described(q, sheets, r_it[j], a_del[j], len(rows), alpha) for j, q in enumerate(core)}
    for q in questions:
        if q.id not in found:  # among those asked it: the core and this statement, listwise
            asked = [s for s in sheets if was_asked(q, s)]
            own = _complete([*core, q], asked, bank)
            r = corrected_item_total(own)[-1] if own else None
            without = cronbach_alpha([row[:-1] for row in own]) if own else None
            found[q.id] = _described(q, asked, r, without, len(own), cronbach_alpha(own), in_alpha=False)
    return CompetencyStat(comp_id, name, len(rows), alpha, tuple(found[q.id] for q in questions),
                          feldt_interval(alpha, len(rows), len(core)), len(core))


def analyse(bank: Bank, sheets: Sequence[AnswerSheet]) -> ItemAnalysis:
    """Item analysis of `sheets` (one per respondent) against `bank`."""
    return ItemAnalysis(len(sheets), tuple(_competency(bank, c.id, c.name, sheets) for c in bank.competencies))
