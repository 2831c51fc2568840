"""The F distribution's quantiles, for Feldt's interval around Cronbach's alpha (analysis/stats.py).

numpy and scipy are no dependencies of the program (start-up, and a wheel for every platform), so
this is our own: the regularized incomplete beta function I_x(a, b) as a continued fraction
(evaluated with the modified Lentz method, where it converges fast: x below (a + 1) / (a + b + 2),
the other side by I_x(a, b) = 1 - I_{1-x}(b, a)), the F distribution function through it, and its
quantile by bisection. Pure and deterministic; tests/test_fdist.py compares it with a table of
known values.
"""

from __future__ import annotations

import math

_TINY = 1e-300  # keeps a Lentz denominator off zero
_EPS = 1e-16
_MAX_TERMS = 10_000  # the fraction needs about sqrt(max(a, b)) terms; far more than any bank's respondents


def _continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of I_x(a, b) (without its front factor), by the modified Lentz method."""
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, _MAX_TERMS):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            h *= d * c
        if abs(d * c - 1.0) < _EPS:
            break
    return h


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _continued_fraction(b, a, 1.0 - x) / b


def f_cdf(x: float, df1: float, df2: float) -> float:
    """P(F <= x) for the F distribution with (df1, df2) degrees of freedom."""
    if x <= 0.0:
        return 0.0
    return incomplete_beta(df1 / 2.0, df2 / 2.0, df1 * x / (df1 * x + df2))


def f_quantile(p: float, df1: float, df2: float) -> float:
    """The x with P(F <= x) = p, for 0 < p < 1: bisection on t = df1 x / (df1 x + df2) in (0, 1), where
    the distribution function is I_t(df1 / 2, df2 / 2), until the bounds are neighbouring floats."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must lie strictly between 0 and 1, not {p}")
    a, b = df1 / 2.0, df2 / 2.0
    lo, hi = 0.0, 1.0
    while True:
        mid = (lo + hi) / 2.0
        if mid <= lo or mid >= hi:
            break
        if incomplete_beta(a, b, mid) < p:
            lo = mid
        else:
            hi = mid
    t = (lo + hi) / 2.0
    return df2 * t / (df1 * (1.0 - t))
