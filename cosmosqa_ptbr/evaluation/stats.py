"""Small statistics for evaluation runs: bootstrap intervals and McNemar's exact test (no scipy)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = ["bootstrap_interval", "mcnemar_exact", "paired_bootstrap_interval"]


def bootstrap_interval(
    correct: Sequence[bool], *, level: float = 0.95, resamples: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``correct`` (accuracy)."""
    values = np.asarray(correct, dtype=np.float64)
    if values.size == 0:
        raise ValueError("cannot bootstrap an accuracy over zero items")
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, values.size, size=(resamples, values.size))].mean(axis=1)
    tail = (1 - level) / 2
    return float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))


def paired_bootstrap_interval(
    a: Sequence[bool], b: Sequence[bool], *, level: float = 0.95, resamples: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """Percentile bootstrap interval of ``mean(b) - mean(a)``, resampling items (pairs) together."""
    first = np.asarray(a, dtype=np.float64)
    second = np.asarray(b, dtype=np.float64)
    if first.shape != second.shape or first.size == 0:
        raise ValueError("paired bootstrap needs two equally long, non-empty sequences")
    rng = np.random.default_rng(seed)
    index = rng.integers(0, first.size, size=(resamples, first.size))
    differences = second[index].mean(axis=1) - first[index].mean(axis=1)
    tail = (1 - level) / 2
    return float(np.quantile(differences, tail)), float(np.quantile(differences, 1 - tail))


def mcnemar_exact(only_a: int, only_b: int) -> float:
    """Two-sided exact McNemar p-value from the discordant counts (binomial test with p = 1/2).

    ``only_a``: items only the first run answered right; ``only_b``: only the second.
    ``p = min(1, 2 * P(X <= min(only_a, only_b)))`` with ``X ~ Binomial(only_a + only_b, 1/2)``.

    >>> mcnemar_exact(0, 5)
    0.0625
    >>> mcnemar_exact(3, 3)
    1.0
    """
    if only_a < 0 or only_b < 0:
        raise ValueError(f"discordant counts must be >= 0, got {only_a} and {only_b}")
    n = only_a + only_b
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(only_a, only_b) + 1)) / 2**n
    return min(1.0, 2 * tail)
