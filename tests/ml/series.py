"""Small price series with known structure for the ML tests (seeded, so every run is the same)."""

from __future__ import annotations

import numpy as np

from stockvis.analysis.indicators import Bars


def bars_from_returns(returns: np.ndarray, start: float = 100.0) -> Bars:
    close = start * np.exp(np.cumsum(returns))
    rng = np.random.default_rng(7)
    spread = np.abs(rng.normal(0, 0.004, close.size))
    return Bars(
        open=close * (1 - spread / 2),
        high=close * (1 + spread),
        low=close * (1 - spread),
        close=close,
        volume=rng.integers(1_000_000, 2_000_000, close.size).astype(float),
        dates=np.datetime64("2018-01-01") + np.arange(close.size),
    )


def random_walk(n: int = 900, seed: int = 1, sigma: float = 0.01) -> Bars:
    return bars_from_returns(np.random.default_rng(seed).normal(0.0, sigma, n))


def ar1(n: int = 900, phi: float = 0.3, seed: int = 2, sigma: float = 0.01) -> Bars:
    shocks = np.random.default_rng(seed).normal(0.0, sigma, n)
    returns = np.empty(n)
    previous = 0.0
    for t, shock in enumerate(shocks):
        previous = phi * previous + shock
        returns[t] = previous
    return bars_from_returns(returns)
