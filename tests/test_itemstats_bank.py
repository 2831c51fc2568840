"""Item analysis on the bank as shipped (issue 21): context statements, keying errors, the interval.

The reference here is independent of analysis/stats.py: alpha by Hoyt's two-way analysis of variance
(persons x items, 1 - MS_residual / MS_persons, which equals Cronbach's alpha exactly) and r(it) by
Pearson's raw-sum formula on rest scores, both in exact fractions, on matrices built here from the
simulated sheets.
"""

from __future__ import annotations

import math
from fractions import Fraction
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ontwikkelscan.analysis.itemstats import ItemAnalysis, analyse, keying_suspect, was_asked
from ontwikkelscan.models import AnswerSheet, Bank, Question
from tests.conftest import bank_outside_a_test
from tests.contextkit import context_bank
from tests.itemsim import simulate

SHIPPED = bank_outside_a_test()
CONTEXT_BANK = context_bank()


def hoyt_alpha(matrix: list[list[int]]) -> Fraction:
    """Alpha from the two-way ANOVA without replication (Hoyt 1941): 1 - MS_residual / MS_persons."""
    n, k = len(matrix), len(matrix[0])
    grand = Fraction(sum(map(sum, matrix)), n * k)
    person = [Fraction(sum(row), k) for row in matrix]
    item = [Fraction(sum(row[j] for row in matrix), n) for j in range(k)]
    ss_total = sum((v - grand) ** 2 for row in matrix for v in row)
    ss_persons = k * sum((m - grand) ** 2 for m in person)
    ss_items = n * sum((m - grand) ** 2 for m in item)
    ms_residual = (ss_total - ss_persons - ss_items) / ((n - 1) * (k - 1))
    return 1 - ms_residual / (ss_persons / (n - 1))


def raw_pearson(x: list[int], y: list[int]) -> float:
    """(n Sxy - Sx Sy) / sqrt((n Sxx - Sx^2)(n Syy - Sy^2)), the sums exact."""
    n = len(x)
    top = n * sum(a * b for a, b in zip(x, y, strict=True)) - sum(x) * sum(y)
    bottom = (n * sum(a * a for a in x) - sum(x) ** 2) * (n * sum(b * b for b in y) - sum(y) ** 2)
    return top / math.sqrt(bottom)


def keyed(q: Question, value: int | None) -> int:
    assert value is not None
    return 6 - value if q.reverse else value  # the shipped scale is 1-5


def matrix(questions: list[Question], sheets: list[AnswerSheet]) -> list[list[int]]:
    return [[keyed(q, s.answers[q.id]) for q in questions] for s in sheets]


def check_against_reference(bank: Bank, sheets: list[AnswerSheet], analysis: ItemAnalysis) -> None:
    """Every competency's alpha and every statement's r(it) and n, recomputed here from the sheets."""
    for comp in analysis.competencies:
        questions = list(bank.items[comp.id])
        core = [q for q in questions if all(q.id in s.answers for s in sheets)]
        assert comp.core == len(core) and comp.complete == len(sheets)
        data = matrix(core, sheets)
        assert comp.alpha == pytest.approx(float(hoyt_alpha(data)), abs=1e-12)
        for item in comp.items:
            q = bank.question_index[item.id]
            if item.in_alpha:
                j = core.index(q)
                x, rest, n = [row[j] for row in data], [sum(row) - row[j] for row in data], len(sheets)
            else:  # among those who were asked it, against the sum of the core
                asked = [s for s in sheets if q.id in s.answers]
                x, rest, n = [keyed(q, s.answers[q.id]) for s in asked], [sum(r) for r in matrix(core, asked)], len(asked)
            assert (item.asked, item.complete) == (n, n)
            assert item.item_total == pytest.approx(raw_pearson(x, rest), abs=1e-12)


def test_complete_answers_to_every_statement_match_hoyt_over_the_whole_competency() -> None:
    """Everyone chose every context and answered everything: alpha is over all of a competency's statements."""
    sheets = simulate(SHIPPED, 40, seed=3, context_share=1.0)
    analysis = analyse(SHIPPED, sheets)
    assert [c.core for c in analysis.competencies] == [len(SHIPPED.items[c.id]) for c in SHIPPED.competencies]
    assert all(i.in_alpha for c in analysis.competencies for i in c.items)
    check_against_reference(SHIPPED, sheets, analysis)


def test_complete_scans_of_the_shipped_bank_give_every_competency_an_alpha_and_every_statement_an_r() -> None:
    """As the scan asks: each respondent her own contexts, every asked statement answered. Listwise over all
    statements (before issue 21) no alpha for the 8 competencies with a context statement; now all 14."""
    sheets = simulate(SHIPPED, 40, seed=11, context_share=0.5)
    analysis = analyse(SHIPPED, sheets)
    assert len(analysis.competencies) == 14
    assert all(c.alpha is not None and c.alpha_ci is not None for c in analysis.competencies)
    assert all(i.item_total is not None for c in analysis.competencies for i in c.items)
    outside = sorted(i.id for c in analysis.competencies for i in c.items if not i.in_alpha)
    assert outside == sorted(q.id for q in SHIPPED.questions if q.contexts) and len(outside) == 8
    assert sum(1 for c in analysis.competencies if any(not i.in_alpha for i in c.items)) == 8
    everything = [s for s in sheets if all(q.id in s.answers for q in SHIPPED.questions)]
    assert len(everything) < 2  # so a listwise alpha over every statement has nothing to work with
    check_against_reference(SHIPPED, sheets, analysis)
    for comp in analysis.competencies:
        assert comp.alpha_ci is not None and comp.alpha is not None
        assert comp.alpha_ci[0] < comp.alpha < comp.alpha_ci[1]


def test_a_planted_keying_error_is_flagged_and_noise_is_only_weak() -> None:
    # sam-2 (core) and net-8 (asked only with ambtelijke-fusie) answered mirrored; vis-2 answered at random
    sheets = simulate(SHIPPED, 60, seed=5, mirrored={"sam-2", "net-8"}, noise={"vis-2"})
    items = {i.id: i for c in analyse(SHIPPED, sheets).competencies for i in c.items}
    assert items["sam-2"].item_total is not None and items["sam-2"].item_total < -0.4
    assert (items["sam-2"].signal, items["net-8"].signal) == ("keying", "keying")
    assert items["net-8"].complete == sum(1 for s in sheets if "net-8" in s.answers) >= 20
    noise = items["vis-2"]
    assert noise.item_total is not None and abs(noise.item_total) < 0.30
    assert (noise.keying, noise.weak, noise.signal) == (False, True, "weak")
    assert {i for i, s in items.items() if s.signal} == {"sam-2", "net-8", "vis-2"}


@pytest.mark.parametrize(("r", "n", "suspect"), [
    (-0.02, 40, False),  # the noise: near zero
    (-0.49, 40, True),  # the keying error
    (-0.25, 40, False),  # z = -1.55: could be chance with 40
    (-0.30, 40, True),
    (-0.50, 10, False),  # with 10 cases even -0.50 is within chance (z = -1.45)
    (-0.60, 10, True),
    (-0.19, 5000, False),  # beyond chance, but above the floor: weak, not mirrored
    (-0.20, 2000, True),
    (-1.0, 4, True),
    (-0.9, 3, False),  # three cases: no test
    (None, 40, False),
    (0.5, 40, False),
])
def test_keying_threshold(r: float | None, n: int, suspect: bool) -> None:
    assert keying_suspect(r, n) is suspect


def sheet(answers: dict[str, int | None], contexts: tuple[str, ...] | None) -> AnswerSheet:
    return AnswerSheet(source="x.yaml", answers=MappingProxyType(answers), contexts=contexts)


def test_asked_is_the_context_or_a_mention_and_absent_is_not_asked() -> None:
    b4 = CONTEXT_BANK.question_index["b-4"]
    assert was_asked(b4, sheet({}, ("fusie",)))  # its context: asked, even if the answer is missing
    assert was_asked(b4, sheet({"b-4": None}, None))  # mentioned as null (skipped): asked
    assert not was_asked(b4, sheet({}, None)) and not was_asked(b4, sheet({}, ("onrust",)))
    base = {"b-1": 2, "b-2": 3, "b-3": 4}
    rows = [sheet({**base, "b-4": 3}, ("fusie",)), sheet({**base, "b-4": None}, None), sheet(base, ("fusie",)),
            sheet(base, ()), sheet(base, None)]
    b4_stat = analyse(CONTEXT_BANK, rows).competencies[1].items[3]
    assert (b4_stat.id, b4_stat.asked, b4_stat.answered, b4_stat.na_rate, b4_stat.in_alpha) == ("b-4", 3, 1, 2 / 3, False)
    assert b4_stat.contexts == ("fusie",) and b4_stat.complete == 1


def test_a_competency_without_two_core_statements_has_no_alpha() -> None:
    rows = [sheet({"b-1": v, "b-2": v, "b-3": 6 - v}, ()) for v in (1, 2, 4, 5)]
    analysis = analyse(CONTEXT_BANK, rows)
    gamma = analysis.competencies[2]
    assert (gamma.complete, gamma.alpha, gamma.alpha_ci, gamma.core) == (0, None, None, 3)
    g4 = gamma.items[3]
    assert (g4.asked, g4.complete, g4.item_total, g4.na_rate, g4.alpha_with) == (0, 0, None, None, None)


values = st.one_of(st.none(), st.integers(1, 5))
ids = [q.id for q in CONTEXT_BANK.questions]
sheets_strategy = st.lists(st.builds(
    sheet, st.dictionaries(st.sampled_from(ids), values),
    st.one_of(st.none(), st.lists(st.sampled_from(["fusie", "onrust"]), unique=True).map(tuple))), max_size=25)


@given(sheets_strategy)
def test_any_sheets_give_numbers_in_range_and_order_does_not_matter(rows: list[AnswerSheet]) -> None:
    analysis = analyse(CONTEXT_BANK, rows)
    again = analyse(CONTEXT_BANK, list(reversed(rows)))
    for comp, other in zip(analysis.competencies, again.competencies, strict=True):
        assert comp.complete == other.complete and comp.core == other.core
        assert (comp.alpha is None) == (other.alpha is None)
        if comp.alpha is not None:
            assert comp.alpha == pytest.approx(other.alpha, abs=1e-9)
            assert comp.alpha <= 1 + 1e-12
        for item, same in zip(comp.items, other.items, strict=True):
            assert item.answered <= item.asked <= len(rows) and item.complete <= item.asked
            assert (item.item_total is None) == (same.item_total is None)
            if item.item_total is not None:
                assert -1 - 1e-12 <= item.item_total <= 1 + 1e-12
                assert item.item_total == pytest.approx(same.item_total, abs=1e-9)
            assert not (item.keying and not item.weak)  # a keying error is weak too, never the other way


def test_few_cases_names_competencies_then_statements_outside_the_alpha() -> None:
    # 12 respondents; only 5 answered all of gamma; b-4 (fusie) was asked of 3
    rows = [sheet({"a-1": v, "a-2": 6 - v, "a-3": v, "a-4": v, "b-1": v, "b-2": v, "b-3": 6 - v,
                   **({"g-1": v, "g-2": v, "g-3": v} if i < 5 else {}), **({"b-4": v} if i < 3 else {})},
                  ("fusie",) if i < 3 else ()) for i, v in enumerate([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 2, 4])]
    analysis = analyse(CONTEXT_BANK, rows)
    assert not analysis.unstable
    assert analysis.few_cases() == [("gamma", 5), ("b-4", 3), ("g-4", 0)]  # g-4: asked, never answered


def test_an_alpha_without_the_item_over_few_cases_is_unstable_even_without_an_r() -> None:
    # b-1 has no spread (no r(it)); the alpha of b-2 and b-3 without it still rests on 4 cases
    rows = [sheet({"b-1": 3, "b-2": v, "b-3": 6 - v}, ()) for v in (1, 2, 4, 5)]
    b1 = analyse(CONTEXT_BANK, rows).competencies[1].items[0]
    assert (b1.item_total, b1.alpha_if_deleted is not None, b1.unstable) == (None, True, True)
