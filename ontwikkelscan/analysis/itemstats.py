"""Item analysis over answer sheets: Cronbach's alpha per competency and statistics per item.

Pure and deterministic. Conventions (see docs/bank.md, "Itemanalyse"):

- Reverse-keyed items are turned around first (`min + max - v`), as in scoring.
- Alpha, corrected item-total correlation and alpha-if-deleted use *listwise* deletion
  per competency: only respondents who answered every item of that competency count.
  Pairwise deletion mixes different respondents into one covariance matrix, which can
  give alphas above 1 or below any item pair; listwise keeps the numbers internally
  consistent and is what pingouin, SPSS and R's psych::alpha do by default.
- Mean, standard deviation and the n.v.t. rate of an item use every respondent who
  answered that item (the mean is of the answer as given, before reversal).
- Variances and standard deviations are sample ones (n - 1); items are unweighted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import AnswerSheet, Bank
from .scoring import keyed
from .stats import alpha_if_deleted, corrected_item_total, cronbach_alpha, mean, sample_sd

MIN_ITEM_TOTAL = 0.30
MIN_ALPHA = 0.70
MIN_RESPONDENTS = 10

@dataclass(frozen=True, slots=True)
class ItemStat:
    id: str
    competency: str
    text: str
    reverse: bool
    answered: int  # respondents who gave a value on the scale
    mean: float | None  # of the answer as given
    sd: float | None
    na_rate: float | None  # share of respondents with null or no answer
    item_total: float | None  # corrected item-total correlation (listwise, keyed)
    alpha_if_deleted: float | None

    @property
    def weak(self) -> bool:
        return self.item_total is not None and self.item_total < MIN_ITEM_TOTAL


@dataclass(frozen=True, slots=True)
class CompetencyStat:
    id: str
    name: str
    complete: int  # respondents who answered every item (listwise n)
    alpha: float | None
    items: tuple[ItemStat, ...]

    @property
    def weak(self) -> bool:
        return self.alpha is not None and self.alpha < MIN_ALPHA


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    respondents: int
    competencies: tuple[CompetencyStat, ...]

    @property
    def unstable(self) -> bool:
        return self.respondents < MIN_RESPONDENTS


def analyse(bank: Bank, sheets: Sequence[AnswerSheet]) -> ItemAnalysis:
    """Item analysis of `sheets` (one per respondent) against `bank`."""
    n = len(sheets)
    result = []
    for comp in bank.competencies:
        questions = bank.items[comp.id]
        raw = [[sheet.answers.get(q.id) for q in questions] for sheet in sheets]
        complete = [  # listwise: only respondents who answered every item of the competency
            [float(keyed(q, v, bank.scale)) for q, v in zip(questions, row, strict=True) if v is not None]
            for row in raw if None not in row
        ]
        r_it = corrected_item_total(complete) if complete else [None] * len(questions)
        a_del = alpha_if_deleted(complete) if complete else [None] * len(questions)
        items = []
        for j, q in enumerate(questions):
            given = [float(v) for row in raw if (v := row[j]) is not None]
            items.append(ItemStat(
                id=q.id, competency=comp.id, text=q.text, reverse=q.reverse, answered=len(given),
                mean=mean(given) if given else None,
                sd=sample_sd(given),
                na_rate=(n - len(given)) / n if n else None,
                item_total=r_it[j], alpha_if_deleted=a_del[j],
            ))
        result.append(CompetencyStat(comp.id, comp.name, len(complete), cronbach_alpha(complete), tuple(items)))
    return ItemAnalysis(n, tuple(result))
