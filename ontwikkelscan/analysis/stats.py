"""Descriptive statistics shared by the cohort summary and the item analysis (exact sums: math.fsum)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def sample_variance(values: Sequence[float]) -> float | None:
    """Sample variance (dividing by n - 1); None with fewer than two values."""
    if len(values) < 2:
        return None
    m = mean(values)
    return math.fsum((v - m) ** 2 for v in values) / (len(values) - 1)
