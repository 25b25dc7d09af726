"""Walk-forward of daily volatility and VaR: GARCH(1,1) against EWMA and historical simulation."""

# Pure core. The forecast for day j uses returns up to j-1 only: GARCH is refitted every
# `retrain_every` sessions on the expanding window and run forward daily with its parameters;
# EWMA (λ = 0.94) is its own recursion; historical simulation reads the previous 250 returns.
# Volatility forecasts are scored with QLIKE (robust to the noise of squared returns as a proxy
# for variance); VaR forecasts by their breaches and Kupiec's test.

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy import stats

from stockvis.ml import metrics as m
from stockvis.ml.experiments import json_safe
from stockvis.ml.features import FloatArray
from stockvis.ml.promotion import Decision, decide
from stockvis.ml.risk import (
    TAILS,
    GarchParams,
    ewma_variance,
    garch_fit,
    garch_variance,
)
from stockvis.ml.walkforward import NotEnoughHistory, WalkForwardConfig

HISTORY_WINDOW = 250


@dataclass(frozen=True)
class RiskEvaluation:
    rows: np.ndarray  # indices into the returns
    returns: FloatArray
    variance: dict[str, FloatArray]  # one-step forecasts per model, aligned with rows
    var: dict[str, dict[float, FloatArray]]  # VaR (positive loss) per model and tail
    metrics: dict[str, dict[str, Any]]
    decision: Decision
    params: GarchParams
    folds: int

    def report(self) -> dict[str, Any]:
        return json_safe(
            {
                "model_type": "risk_assessment",
                "horizon": 1,
                "walk_forward": {
                    "window": "expanding",
                    "folds": self.folds,
                    "test_rows": int(self.rows.size),
                },
                "candidates": {"garch": self.metrics["garch"]},
                "baselines": {k: v for k, v in self.metrics.items() if k != "garch"},
                "decision": {
                    "promoted": self.decision.promoted,
                    "candidate": self.decision.candidate,
                    "baseline": self.decision.baseline,
                    "p_value": self.decision.p_value,
                    "threshold": self.decision.threshold,
                    "reason": self.decision.reason,
                },
            }
        )


def qlike(variance: FloatArray, realised: FloatArray) -> FloatArray:
    return np.log(variance) + np.square(realised) / variance


def _breaches(returns: FloatArray, var: dict[float, FloatArray]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for tail in TAILS:
        hits = int(np.sum(returns < -var[tail]))
        test = m.kupiec(hits, returns.size, 1 - tail)
        key = round(tail * 100)
        out[f"var_{key}_breaches"] = hits
        out[f"var_{key}_breach_rate"] = hits / returns.size
        out[f"var_{key}_kupiec_p"] = test.p_value
    return out


def evaluate_risk(close: FloatArray, cfg: WalkForwardConfig) -> RiskEvaluation:
    returns = np.diff(np.log(close))
    n = returns.size
    first_test = max(cfg.min_train, HISTORY_WINDOW)
    if n - first_test < cfg.min_test:
        raise NotEnoughHistory(first_test + cfg.min_test + 1, close.size)
    rows = np.arange(first_test, n)
    garch = np.empty(rows.size)
    folds = 0
    params = garch_fit(returns[:first_test])
    for start in range(first_test, n, cfg.retrain_every):
        end = min(start + cfg.retrain_every, n)
        params = garch_fit(returns[:start])
        path = garch_variance(params, returns[: end - 1], float(np.var(returns[:20])))
        garch[start - first_test : end - first_test] = path[start - 1 : end - 1]
        folds += 1
    ewma = ewma_variance(returns)[rows - 1]
    realised = returns[rows]
    variance = {"garch": garch, "ewma": ewma}
    var: dict[str, dict[float, FloatArray]] = {
        name: {t: float(stats.norm.ppf(t)) * np.sqrt(path) for t in TAILS}
        for name, path in variance.items()
    }
    # Window k of the view holds returns[k : k + 250], the history before return k + 250.
    history = sliding_window_view(returns, HISTORY_WINDOW)[rows - HISTORY_WINDOW]
    var["historical_simulation"] = {t: -np.quantile(history, 1 - t, axis=1) for t in TAILS}
    losses = {name: qlike(path, realised) for name, path in variance.items()}
    dm = m.diebold_mariano(losses["garch"], losses["ewma"], 1)
    decision = decide(
        candidate_loss={"garch": float(losses["garch"].mean())},
        baseline_loss={"ewma": float(losses["ewma"].mean())},
        p_values={"garch": dm.p_value},
        test_rows=int(rows.size),
    )
    metrics: dict[str, dict[str, Any]] = {}
    for name in var:
        found: dict[str, Any] = {"n": int(rows.size), **_breaches(realised, var[name])}
        if name in losses:
            found["qlike"] = float(losses[name].mean())
            found["rmse_volatility"] = float(
                np.sqrt(np.mean(np.square(np.sqrt(variance[name]) - np.abs(realised))))
            )
        metrics[name] = found
    metrics["garch"]["dm_statistic"] = dm.statistic
    metrics["garch"]["dm_p_value"] = dm.p_value
    metrics["garch"]["dm_against"] = "ewma"
    return RiskEvaluation(rows, realised, variance, var, metrics, decision, params, folds)
