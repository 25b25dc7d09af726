"""Risk: GARCH(1,1) and EWMA volatility, VaR and expected shortfall, drawdown, beta, a label."""

# Pure core (numpy, scipy, arch). Returns are daily log returns as fractions. GARCH is fitted by
# `arch` on percent returns (its optimiser is happier there) and then run forward with a plain
# recursion, so a walk-forward refits only every N sessions yet still updates every day.

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Final

import numpy as np
from arch import arch_model
from scipy import stats

from stockvis.ml.features import FloatArray

EWMA_LAMBDA: Final = 0.94
TAILS: Final = (0.95, 0.99)
TRADING_DAYS: Final = 252
# Annualised volatility bands of the label (equity-like: index ~15-20 %, a single stock ~30 %).
LOW_VOL: Final = 0.20
HIGH_VOL: Final = 0.40


@dataclass(frozen=True, slots=True)
class GarchParams:
    mu: float
    omega: float
    alpha: float
    beta: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)

    @property
    def persistence(self) -> float:
        return self.alpha + self.beta


def garch_fit(returns: FloatArray) -> GarchParams:
    """Fit GARCH(1,1) with a constant mean and normal errors; parameters in fraction units."""
    model = arch_model(returns * 100.0, mean="Constant", vol="GARCH", p=1, q=1, dist="normal")
    fitted = model.fit(disp="off", show_warning=False)
    p = fitted.params
    return GarchParams(
        mu=float(p["mu"]) / 100.0,
        omega=float(p["omega"]) / 1e4,
        alpha=float(p["alpha[1]"]),
        beta=float(p["beta[1]"]),
    )


def garch_variance(params: GarchParams, returns: FloatArray, start: float) -> FloatArray:
    """One-step-ahead variance: element t is the forecast for t+1 made with returns up to t."""
    out = np.empty(returns.size)
    sigma2 = start
    for t, r in enumerate(returns):
        eps = r - params.mu
        sigma2 = params.omega + params.alpha * eps * eps + params.beta * sigma2
        out[t] = sigma2
    return out


def garch_horizon_variance(params: GarchParams, next_variance: float, horizon: int) -> float:
    """Variance of the sum of the next ``horizon`` returns (mean-reverting term structure)."""
    persistence = params.persistence
    if persistence >= 1.0:
        return next_variance * horizon
    long_run = params.omega / (1.0 - persistence)
    steps = np.arange(horizon)
    return float(np.sum(long_run + persistence**steps * (next_variance - long_run)))


def ewma_variance(returns: FloatArray, lam: float = EWMA_LAMBDA) -> FloatArray:
    """RiskMetrics EWMA: element t is the variance forecast for t+1; seeded with the first 20."""
    out = np.empty(returns.size)
    sigma2 = float(np.var(returns[:20])) if returns.size else 0.0
    for t, r in enumerate(returns):
        sigma2 = lam * sigma2 + (1 - lam) * r * r
        out[t] = sigma2
    return out


def parametric_var_es(sigma: float, tail: float, mean: float = 0.0) -> tuple[float, float]:
    """Normal VaR and ES at ``tail`` confidence as positive loss fractions."""
    z = float(stats.norm.ppf(tail))
    var = z * sigma - mean
    es = sigma * float(stats.norm.pdf(z)) / (1 - tail) - mean
    return var, es


def historical_var_es(returns: FloatArray, tail: float) -> tuple[float, float]:
    """Historical-simulation VaR and ES (positive loss fractions) from past returns."""
    if returns.size == 0:
        return math.nan, math.nan
    cutoff = float(np.quantile(returns, 1 - tail))
    beyond = returns[returns <= cutoff]
    return -cutoff, -float(beyond.mean()) if beyond.size else -cutoff


def max_drawdown(close: FloatArray) -> float:
    """Largest peak-to-trough fall as a positive fraction."""
    if close.size == 0:
        return 0.0
    peaks = np.maximum.accumulate(close)
    return float(np.max(1.0 - close / peaks))


def beta(asset_returns: FloatArray, market_returns: FloatArray) -> float | None:
    """OLS beta of aligned daily returns; None with fewer than 30 common days."""
    mask = np.isfinite(asset_returns) & np.isfinite(market_returns)
    if mask.sum() < 30:
        return None
    a, m = asset_returns[mask], market_returns[mask]
    var = float(np.var(m))
    return float(np.cov(a, m, bias=True)[0, 1] / var) if var > 0 else None


def risk_label(annual_vol: float, var99: float, drawdown: float) -> dict[str, Any]:
    """LOW / MEDIUM / HIGH from annualised volatility, with the numbers and bands behind it."""
    if annual_vol < LOW_VOL:
        label = "LOW"
    elif annual_vol < HIGH_VOL:
        label = "MEDIUM"
    else:
        label = "HIGH"
    return {
        "label": label,
        "annual_volatility": annual_vol,
        "var_99_1d": var99,
        "max_drawdown": drawdown,
        "rule": f"annualised volatility below {LOW_VOL:.0%} is LOW, below {HIGH_VOL:.0%} "
        "MEDIUM, otherwise HIGH",
    }
