"""Portfolio VaR and expected shortfall with correlations, and each holding's contribution."""

# Pure core. Inputs are already in the base currency: position values and aligned daily log
# returns of each holding as a base-currency investor sees them (local return plus the FX
# return), so currency risk and its correlation with the assets are inside the covariance.
# Parametric VaR uses the covariance; contributions are Euler's component VaR (they sum to it);
# historical VaR replays the joint returns on today's positions.

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import stats

from stockvis.ml.features import FloatArray
from stockvis.ml.risk import TAILS, historical_var_es


def portfolio_var(
    symbols: Sequence[str], values: FloatArray, returns: FloatArray
) -> dict[str, Any]:
    """``returns``: T x N aligned daily log returns in the base currency; ``values``: N positions."""
    total = float(values.sum())
    weights = values / total
    cov = np.atleast_2d(np.cov(returns, rowvar=False))
    sigma = float(np.sqrt(weights @ cov @ weights))
    std = np.sqrt(np.diag(cov))
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = cov / np.outer(std, std)
    path = returns @ weights
    out: dict[str, Any] = {
        "value": total,
        "days_of_history": int(returns.shape[0]),
        "volatility_1d": sigma,
        "correlation": {
            a: {b: _finite(corr[i, j]) for j, b in enumerate(symbols)}
            for i, a in enumerate(symbols)
        },
        "var": {},
        "contributions": [],
    }
    marginal = cov @ weights / sigma if sigma > 0 else np.zeros_like(weights)
    for tail in TAILS:
        z = float(stats.norm.ppf(tail))
        key = str(round(tail * 100))
        hist_var, hist_es = historical_var_es(path, tail)
        out["var"][key] = {
            "parametric_var": z * sigma * total,
            "parametric_es": sigma * float(stats.norm.pdf(z)) / (1 - tail) * total,
            "historical_var": hist_var * total,
            "historical_es": hist_es * total,
        }
    z99 = float(stats.norm.ppf(0.99))
    for i, symbol in enumerate(symbols):
        component = float(weights[i] * marginal[i] * z99 * total)
        out["contributions"].append(
            {
                "symbol": symbol,
                "value": float(values[i]),
                "weight": float(weights[i]),
                "volatility_1d": float(std[i]),
                "var_99_contribution": component,
                "var_99_share": component / (z99 * sigma * total) if sigma > 0 else None,
            }
        )
    return out


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None
