"""Item analysis: a published alpha, hand-computed examples, and properties."""

from __future__ import annotations

import math
from fractions import Fraction
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelscan.analysis.itemstats import analyse
from ontwikkelscan.analysis.stats import alpha_if_deleted, corrected_item_total, cronbach_alpha, pearson
from ontwikkelscan.models import AnswerSheet, Bank

# pingouin's dataset "cronbach_alpha" (pingouin/datasets/cronbach_alpha.csv, long format
# Subj/Items/Scores), pivoted: one row per respondent 0..14, columns Q1..Q10, scale 1-7.
# pingouin's docs: pg.cronbach_alpha(data=df, items='Items', scores='Scores', subject='Subj')
# -> (0.5917188485995826, array([0.195, 0.84 ])): the interval is Feldt's, tested in test_fdist.py
PINGOUIN = [
    [3, 2, 4, 1, 4, 5, 1, 4, 3, 2],
    [5, 4, 6, 3, 5, 1, 2, 5, 5, 5],
    [7, 3, 5, 5, 6, 4, 3, 3, 6, 5],
    [2, 4, 3, 3, 2, 2, 2, 6, 6, 3],
    [6, 5, 6, 5, 4, 4, 4, 6, 7, 5],
    [1, 2, 3, 4, 2, 5, 2, 3, 5, 2],
    [4, 3, 5, 3, 5, 2, 1, 2, 4, 3],
    [2, 4, 4, 3, 7, 2, 2, 4, 6, 5],
    [6, 5, 5, 5, 1, 6, 5, 2, 3, 2],
    [5, 4, 6, 4, 3, 5, 3, 1, 7, 2],
    [4, 3, 5, 2, 5, 3, 2, 3, 4, 1],
    [4, 2, 3, 2, 5, 3, 4, 2, 3, 4],
    [5, 5, 6, 2, 3, 3, 2, 4, 4, 5],
    [6, 5, 5, 4, 2, 2, 1, 4, 6, 5],
    [4, 3, 5, 5, 3, 1, 3, 2, 3, 4],
]
PINGOUIN_ALPHA = 0.5917188485995826


def test_published_alpha_of_pingouin() -> None:
    alpha = cronbach_alpha(PINGOUIN)
    assert alpha is not None
    assert abs(alpha - PINGOUIN_ALPHA) < 1e-15


def exact_alpha(matrix: list[list[int]]) -> Fraction:
    """Independent route: alpha from the covariance matrix, k/(k-1) * (1 - trace / sum), in exact fractions."""
    n, k = len(matrix), len(matrix[0])
    means = [Fraction(sum(row[j] for row in matrix), n) for j in range(k)]
    cov = [[sum((row[a] - means[a]) * (row[b] - means[b]) for row in matrix) / (n - 1) for b in range(k)]
           for a in range(k)]
    trace = sum(cov[j][j] for j in range(k))
    total = sum(sum(r) for r in cov)
    return Fraction(k, k - 1) * (1 - trace / total)


def test_pingouin_alpha_matches_the_covariance_route() -> None:
    assert float(exact_alpha(PINGOUIN)) == pytest.approx(PINGOUIN_ALPHA, abs=1e-15)


def test_two_items_by_hand() -> None:
    # item variances 1 and 7/3, total [3, 5, 8] has variance 19/3: alpha = 2 * (1 - (10/3) / (19/3)) = 18/19
    matrix = [[1, 2], [2, 3], [3, 5]]
    assert cronbach_alpha(matrix) == pytest.approx(18 / 19, abs=1e-15)
    # r(item 1, item 2) = 3 / sqrt(2 * 14/3) = sqrt(27/28), for both items (the other item is the rest)
    assert corrected_item_total(matrix) == pytest.approx([math.sqrt(27 / 28)] * 2, abs=1e-15)
    assert alpha_if_deleted(matrix) == [None, None]  # one item left: no alpha


def test_three_items_by_hand() -> None:
    matrix = [[1, 1, 2], [2, 3, 2], [3, 3, 4], [4, 5, 3]]
    # item variances 5/3, 8/3, 11/12; totals [4, 7, 10, 12] variance 147/12 = 12.25
    assert cronbach_alpha(matrix) == pytest.approx(1.5 * (1 - (5 / 3 + 8 / 3 + 11 / 12) / 12.25), abs=1e-15)
    # item 3 against items 1+2 = [2, 5, 6, 9]: sxy = 4.5, sxx = 2.75, syy = 25
    assert corrected_item_total(matrix)[2] == pytest.approx(4.5 / math.sqrt(2.75 * 25), abs=1e-15)
    # without item 3: items 1 and 2, totals [2, 5, 6, 9] variance 25/3
    assert alpha_if_deleted(matrix)[2] == pytest.approx(2 * (1 - (5 / 3 + 8 / 3) / (25 / 3)), abs=1e-15)


@pytest.mark.parametrize("matrix", [[], [[1, 2]], [[1], [2], [3]], [[3, 3], [3, 3]]])
def test_undefined_alpha_is_none(matrix: list[list[int]]) -> None:
    assert cronbach_alpha(matrix) is None


def test_pearson_without_spread_is_none() -> None:
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    assert pearson([1], [2]) is None


scores = st.integers(min_value=1, max_value=5)
matrices = st.integers(min_value=2, max_value=6).flatmap(
    lambda k: st.lists(st.lists(scores, min_size=k, max_size=k), min_size=3, max_size=25))


@given(st.lists(scores, min_size=3, max_size=30), st.integers(min_value=2, max_value=6))
def test_identical_items_have_alpha_one(column: list[int], k: int) -> None:
    alpha = cronbach_alpha([[v] * k for v in column])
    if len(set(column)) == 1:
        assert alpha is None
    else:
        assert alpha == pytest.approx(1.0, abs=1e-12)


@given(matrices)
def test_alpha_agrees_with_exact_covariance_route(matrix: list[list[int]]) -> None:
    alpha = cronbach_alpha(matrix)
    if len({sum(row) for row in matrix}) == 1:
        assert alpha is None
    else:
        assert alpha == pytest.approx(float(exact_alpha(matrix)), abs=1e-9)


@given(matrices)
def test_order_of_items_and_respondents_does_not_matter(matrix: list[list[int]]) -> None:
    shuffled = [list(reversed(row)) for row in reversed(matrix)]
    a, b = cronbach_alpha(matrix), cronbach_alpha(shuffled)
    assert (a is None and b is None) or a == pytest.approx(b, abs=1e-9)


def exact_item_total_squared(matrix: list[list[int]], j: int) -> Fraction | None:
    """r(it)^2 of item j against the sum of the others, in exact fractions (None without spread)."""
    x = [row[j] for row in matrix]
    y = [sum(row) - row[j] for row in matrix]
    n = len(matrix)
    mx, my = Fraction(sum(x), n), Fraction(sum(y), n)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return None if sxx == 0 or syy == 0 else sxy * abs(sxy) / (sxx * syy)


@given(matrices)
def test_item_total_and_alpha_if_deleted_agree_with_exact_fractions(matrix: list[list[int]]) -> None:
    k = len(matrix[0])
    for j, r in enumerate(corrected_item_total(matrix)):
        expected = exact_item_total_squared(matrix, j)
        if expected is None:
            assert r is None
        else:
            assert r is not None and r * abs(r) == pytest.approx(float(expected), abs=1e-9)
    for j, a in enumerate(alpha_if_deleted(matrix)):
        rest = [[v for i, v in enumerate(row) if i != j] for row in matrix]
        if k == 2 or len({sum(row) for row in rest}) == 1:
            assert a is None
        else:
            assert a == pytest.approx(float(exact_alpha(rest)), abs=1e-9)


@given(matrices)
def test_reversing_every_item_changes_nothing(matrix: list[list[int]]) -> None:
    flipped = [[6 - v for v in row] for row in matrix]
    a, b = cronbach_alpha(matrix), cronbach_alpha(flipped)
    assert (a is None and b is None) or a == pytest.approx(b, abs=1e-9)
    for r, s in zip(corrected_item_total(matrix), corrected_item_total(flipped), strict=True):
        assert (r is None and s is None) or r == pytest.approx(s, abs=1e-9)


beta_rows = st.lists(st.lists(scores, min_size=3, max_size=3), min_size=3, max_size=20)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the bank is immutable
@given(beta_rows)
def test_analyse_turns_the_reverse_keyed_item_around(bank: Bank, rows: list[list[int]]) -> None:
    """beta's b-3 is reverse-keyed: answering it mirrored must give the numbers of the unmirrored matrix."""
    answers = [{"b-1": r[0], "b-2": r[1], "b-3": 6 - r[2]} for r in rows]
    beta = analyse(bank, sheets(answers)).competencies[1]
    expected = cronbach_alpha(rows)
    assert (beta.alpha is None and expected is None) or beta.alpha == pytest.approx(expected, abs=1e-12)
    for item, r in zip(beta.items, corrected_item_total(rows), strict=True):
        assert (item.item_total is None and r is None) or item.item_total == pytest.approx(r, abs=1e-12)


# -- analyse() on a bank: reverse keying, listwise deletion, n.v.t. rate ---------------


def sheets(rows: list[dict[str, int | None]]) -> list[AnswerSheet]:
    return [AnswerSheet(source=f"r{i}.yaml", answers=MappingProxyType(r)) for i, r in enumerate(rows)]


def test_reverse_keying_is_applied(bank: Bank) -> None:
    # a-2 is reverse-keyed: an answer 6 - v moving with the others gives the same numbers as unkeyed data
    rows = [{"a-1": v, "a-2": 6 - v, "a-3": v, "a-4": w} for v, w in [(1, 2), (2, 1), (4, 5), (5, 4), (3, 3)]]
    plain = [[r["a-1"], 6 - r["a-2"], r["a-3"], r["a-4"]] for r in rows]
    stats = analyse(bank, sheets(rows)).competencies[0]
    assert stats.id == "alpha"
    assert stats.alpha == pytest.approx(cronbach_alpha(plain), abs=1e-15)
    assert [i.item_total for i in stats.items] == pytest.approx(corrected_item_total(plain), abs=1e-15)
    assert stats.items[1].mean == pytest.approx(3.0)  # the mean is of the answer as given


def test_listwise_per_competency_and_na_rate(bank: Bank) -> None:
    rows: list[dict[str, int | None]] = [
        {"b-1": 1, "b-2": 2, "b-3": 5},
        {"b-1": 2, "b-2": 2, "b-3": 4},
        {"b-1": 4, "b-2": 5, "b-3": 1},
        {"b-1": 5, "b-2": None, "b-3": 2},  # n.v.t.: left out of alpha, still in b-1's mean
        {"b-1": 3},  # b-2 and b-3 missing
    ]
    analysis = analyse(bank, sheets(rows))
    beta = analysis.competencies[1]
    assert analysis.respondents == 5 and analysis.unstable
    assert beta.complete == 3
    complete = [[1, 2, 1], [2, 2, 2], [4, 5, 5]]
    assert beta.alpha == pytest.approx(cronbach_alpha(complete), abs=1e-15)
    b1, b2, b3 = beta.items
    assert (b1.answered, b1.mean, b1.na_rate) == (5, 3.0, 0.0)
    assert b1.sd == pytest.approx(math.sqrt(2.5), abs=1e-15)
    assert (b2.answered, b2.na_rate) == (3, 0.4)
    assert (b3.answered, b3.na_rate) == (4, 0.2)
    gamma = analysis.competencies[2]
    assert gamma.complete == 0 and gamma.alpha is None
    assert [i.mean for i in gamma.items] == [None, None, None]
    assert [i.na_rate for i in gamma.items] == [1.0, 1.0, 1.0]


def test_flags(bank: Bank) -> None:
    # a-4 runs against the others: a negative item-total correlation, flagged
    rows = [{"a-1": v, "a-2": 6 - v, "a-3": v, "a-4": 6 - v} for v in [1, 2, 3, 4, 5, 2, 4, 3, 1, 5]]
    stats = analyse(bank, sheets(rows))
    alpha = stats.competencies[0]
    assert not stats.unstable
    assert alpha.items[3].item_total == pytest.approx(-1.0)
    assert alpha.items[3].weak and not alpha.items[0].weak
    assert alpha.alpha == pytest.approx(0.0) and alpha.weak
