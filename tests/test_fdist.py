"""Our own F distribution (analysis/fdist.py) and Feldt's interval around alpha, against known values."""

from __future__ import annotations


import pytest
from hypothesis import given
from hypothesis import strategies as st

from ontwikkelscan.analysis.fdist import f_cdf, f_quantile, incomplete_beta
from ontwikkelscan.analysis.stats import cronbach_alpha, feldt_interval
from tests.test_itemstats import PINGOUIN, PINGOUIN_ALPHA

# (p, df1, df2, x) with P(F <= x) = p: scipy.stats.f.ppf(p, df1, df2), scipy 1.17.1, computed once
# (scipy is no dependency of the program nor of the tests; the values are the reference, not the code).
# The textbook tables agree to their four decimals: F(.95; 5, 10) = 3.3258, F(.975; 10, 20) = 2.7737.
F_QUANTILES = [
    (0.975, 14, 126, 1.9718730746580704),
    (0.025, 14, 126, 0.39232569229080744),
    (0.975, 39, 195, 1.5704401286686038),
    (0.025, 39, 195, 0.5871777720533188),
    (0.95, 5, 10, 3.3258345304130104),
    (0.975, 10, 20, 2.7736713751990734),
    (0.5, 1, 1, 1.0),
    (0.999, 2, 2, 999.0),  # F(2, 2) has P(F <= x) = x / (1 + x): exactly p / (1 - p)
    (0.001, 3, 6, 0.007527429828091595),
    (0.975, 9, 45, 2.4122046673987727),
    (0.025, 9, 45, 0.2867883686792606),
    (0.975, 999, 5994, 1.0976160985502266),
    (0.025, 999, 5994, 0.9081088976625166),
    (0.9, 1, 1000, 2.7105632100062866),
]


@pytest.mark.parametrize(("p", "df1", "df2", "expected"), F_QUANTILES)
def test_f_quantile_matches_the_reference(p: float, df1: int, df2: int, expected: float) -> None:
    assert f_quantile(p, df1, df2) == pytest.approx(expected, rel=1e-10)


@pytest.mark.parametrize("p", [0.0, 1.0, -0.1, 1.5])
def test_f_quantile_outside_zero_one_is_refused(p: float) -> None:
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        f_quantile(p, 3, 4)


def test_incomplete_beta_closed_forms() -> None:
    for x in (0.0, 0.1, 0.37, 0.5, 0.9, 1.0):
        assert incomplete_beta(1, 1, x) == pytest.approx(x, abs=1e-14)  # uniform
        assert incomplete_beta(3, 1, x) == pytest.approx(x**3, abs=1e-14)
        assert incomplete_beta(1, 4, x) == pytest.approx(1 - (1 - x) ** 4, abs=1e-14)
    assert incomplete_beta(2, 2, 0.25) == pytest.approx(3 * 0.25**2 - 2 * 0.25**3, abs=1e-14)
    assert f_cdf(0.0, 3, 4) == 0.0 and f_cdf(-1.0, 3, 4) == 0.0
    assert f_cdf(-2.0, 3, 4) == 0.0  # without the guard, t = -6 / -2 = 3 would give 1


@given(st.floats(0.001, 0.999), st.integers(1, 400), st.integers(1, 2000))
def test_quantile_and_distribution_function_are_inverse(p: float, df1: int, df2: int) -> None:
    assert f_cdf(f_quantile(p, df1, df2), df1, df2) == pytest.approx(p, abs=1e-9)


@given(st.floats(0.01, 0.99), st.floats(0.5, 200), st.floats(0.5, 200))
def test_incomplete_beta_symmetry(x: float, a: float, b: float) -> None:
    assert incomplete_beta(a, b, x) == pytest.approx(1 - incomplete_beta(b, a, 1 - x), abs=1e-10)


# (alpha, n, k, lower, upper): 1 - (1 - alpha) * scipy.stats.f.ppf(.975 and .025, n - 1, (n - 1)(k - 1)),
# scipy 1.17.1. The first is pingouin's dataset; pingouin's cronbach_alpha uses the same formula.
FELDT = [
    (PINGOUIN_ALPHA, 15, 10, 0.19492139066312175, 0.8398208146275432),
    (0.8, 40, 6, 0.6859119742662794, 0.8825644455893362),
    (0.7, 10, 6, 0.2763385997803681, 0.9139634893962219),
    (0.83, 100, 20, 0.7776475975636127, 0.8748042686081048),
    (0.5, 8, 3, -0.6899664388264652, 0.8912119827708445),
    (0.75, 500, 7, 0.7150388137339149, 0.7820952567363622),
]


@pytest.mark.parametrize(("alpha", "n", "k", "lower", "upper"), FELDT)
def test_feldt_interval_matches_the_reference(alpha: float, n: int, k: int, lower: float, upper: float) -> None:
    assert feldt_interval(alpha, n, k) == pytest.approx((lower, upper), abs=1e-10)


def test_feldt_interval_of_pingouins_data() -> None:
    alpha = cronbach_alpha(PINGOUIN)
    interval = feldt_interval(alpha, len(PINGOUIN), len(PINGOUIN[0]))
    assert interval is not None
    assert [round(v, 3) for v in interval] == [0.195, 0.84]


@pytest.mark.parametrize(("alpha", "n", "k"), [(None, 20, 5), (0.8, 1, 5), (0.8, 20, 1)])
def test_feldt_interval_undefined(alpha: float | None, n: int, k: int) -> None:
    assert feldt_interval(alpha, n, k) is None


@given(st.floats(-2, 0.999), st.integers(2, 300), st.integers(2, 12))
def test_feldt_interval_holds_alpha_and_narrows_with_more_people(alpha: float, n: int, k: int) -> None:
    interval = feldt_interval(alpha, n, k)
    wider = feldt_interval(alpha, max(2, n // 2), k)
    assert interval is not None and wider is not None
    low, high = interval
    assert low < alpha < high <= 1
    assert wider[1] - wider[0] >= high - low - 1e-12
