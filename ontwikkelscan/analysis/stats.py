"""Every statistic of the package, in one place: descriptive statistics for the cohort summary
(and the feedback rounds), and the classical test theory of the item analysis.

Exact sums (math.fsum) throughout; None where a statistic is undefined, never NaN.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Matrix = Sequence[Sequence[float]]  # rows are respondents, columns are items


def mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def sample_variance(values: Sequence[float]) -> float | None:
    """Sample variance (dividing by n - 1); None with fewer than two values."""
    if len(values) < 2:
        return None
    m = mean(values)
    return math.fsum((v - m) ** 2 for v in values) / (len(values) - 1)


def sample_sd(values: Sequence[float]) -> float | None:
    """The sample standard deviation (dividing by n - 1); None for fewer than two values."""
    variance = sample_variance(values)
    return None if variance is None else math.sqrt(variance)


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson's r; None when either side has no spread or there are fewer than 2 pairs."""
    if len(x) < 2:
        return None
    mx, my = mean(x), mean(y)
    sxy = math.fsum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = math.fsum((a - mx) ** 2 for a in x)
    syy = math.fsum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def _column(matrix: Matrix, j: int) -> list[float]:
    return [row[j] for row in matrix]


def cronbach_alpha(matrix: Matrix) -> float | None:
    """k/(k-1) * (1 - sum of item variances / variance of the total).

    None when it is undefined: fewer than 2 items or 2 respondents, or a total without spread.
    """
    if not matrix or len(matrix[0]) < 2 or len(matrix) < 2:
        return None
    k = len(matrix[0])
    total_var = sample_variance([math.fsum(row) for row in matrix])
    if not total_var:
        return None
    item_var = math.fsum(sample_variance(_column(matrix, j)) or 0.0 for j in range(k))
    return k / (k - 1) * (1 - item_var / total_var)


def feldt_interval(alpha: float | None, n: int, k: int, level: float = 0.95) -> tuple[float, float] | None:
    """Feldt's (1965) interval around Cronbach's alpha of `n` respondents and `k` items: (1 - alpha) / (1 - the
    true alpha) follows an F distribution with n - 1 and (n - 1)(k - 1) degrees of freedom, so

        lower = 1 - (1 - alpha) * F(1 - (1 - level) / 2),  upper = 1 - (1 - alpha) * F((1 - level) / 2).

    None where alpha is None or the interval is undefined (fewer than 2 respondents or items).
    """
    if alpha is None or n < 2 or k < 2:
        return None
    from .fdist import f_quantile  # here: only the item analysis needs it

    df1, df2 = n - 1, (n - 1) * (k - 1)
    tail = (1 - level) / 2
    return 1 - (1 - alpha) * f_quantile(1 - tail, df1, df2), 1 - (1 - alpha) * f_quantile(tail, df1, df2)


def corrected_item_total(matrix: Matrix) -> list[float | None]:
    """Per item: r between the item and the sum of the *other* items."""
    k = len(matrix[0]) if matrix else 0
    if k < 2:
        return [None] * k
    return [pearson(_column(matrix, j), [math.fsum(row) - row[j] for row in matrix]) for j in range(k)]


def alpha_if_deleted(matrix: Matrix) -> list[float | None]:
    """Per item: the alpha of the remaining items."""
    k = len(matrix[0]) if matrix else 0
    return [cronbach_alpha([[v for i, v in enumerate(row) if i != j] for row in matrix]) for j in range(k)]


def weighted_margin(scores: Sequence[float], weights: Sequence[float]) -> float | None:
    """The margin of a weighted mean (docs/reports.md, "Marge"): with m the weighted mean and
    n_eff = (Σw)² / Σw² the effective number of items,

        margin = sqrt( Σw(s − m)² / Σw / (n_eff − 1) )

    which for equal weights is the standard deviation of the items over √k. None with fewer
    than two scores (or an n_eff that is not above one); 0.0 when every score is the same.
    """
    if len(scores) < 2:
        return None
    total = math.fsum(weights)
    n_eff = total * total / math.fsum([w * w for w in weights])  # (lists: fsum is exact in any case, and faster)
    if n_eff <= 1:
        return None
    m = math.fsum([w * s for s, w in zip(scores, weights, strict=True)]) / total
    spread = math.fsum([w * (s - m) ** 2 for s, w in zip(scores, weights, strict=True)]) / total
    return math.sqrt(spread / (n_eff - 1))
