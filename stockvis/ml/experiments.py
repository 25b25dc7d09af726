"""One experiment: every candidate and baseline of a type through the same walk-forward."""

# Pure core. `evaluate` returns the full record a registry row keeps (configuration, per-
# forecaster metrics, the promotion decision) plus the raw backtests for plots. Metrics are
# computed on the same out-of-sample rows for everyone; price errors are reported in price units
# (MAE, RMSE) and in log returns (the DM test, R², coverage), trend errors as Brier scores.

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from stockvis.analysis.indicators import Bars
from stockvis.ml import metrics as m
from stockvis.ml.estimators import BASELINES, CANDIDATES, ModelType
from stockvis.ml.features import FeatureMatrix, FloatArray, build_features, forward_return
from stockvis.ml.promotion import ALPHA, Decision, decide
from stockvis.ml.walkforward import COVERAGES, Backtest, WalkForwardConfig, walk_forward


@dataclass(frozen=True)
class Evaluation:
    model_type: ModelType
    horizon: int
    config: WalkForwardConfig
    features: FeatureMatrix
    target: FloatArray
    backtests: dict[str, Backtest]
    candidates: dict[str, dict[str, Any]]
    baselines: dict[str, dict[str, Any]]
    decision: Decision
    extra: dict[str, Any] = field(default_factory=dict)

    def report(self) -> dict[str, Any]:
        """JSON-able: what the registry stores and the API shows."""
        first = self.backtests[self.decision.baseline].rows
        return json_safe(
            {
                "model_type": str(self.model_type),
                "horizon": self.horizon,
                "walk_forward": {
                    "window": "expanding",
                    "min_train": self.config.min_train,
                    "retrain_every": self.config.retrain_every,
                    "purge": self.horizon,
                    "embargo": self.config.gap,
                    "calibration_share": self.config.calibration_share,
                    "folds": self.backtests[self.decision.baseline].fits,
                    "test_rows": int(first.size),
                },
                "candidates": self.candidates,
                "baselines": self.baselines,
                "decision": {
                    "promoted": self.decision.promoted,
                    "candidate": self.decision.candidate,
                    "baseline": self.decision.baseline,
                    "p_value": _clean(self.decision.p_value),
                    "threshold": self.decision.threshold,
                    "reason": self.decision.reason,
                },
            }
        )


def _clean(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def json_safe(value: Any) -> Any:
    """``value`` with every NaN or infinity as None: PostgreSQL's jsonb refuses them."""
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if isinstance(value, float | np.floating):
        return _clean(float(value))
    return value


def target_for(model_type: ModelType, close: FloatArray, horizon: int) -> FloatArray:
    ahead = forward_return(close, horizon)
    if model_type is ModelType.TREND:
        return np.where(np.isnan(ahead), np.nan, (ahead > 0).astype(np.float64))
    return ahead


def _price_metrics(
    bt: Backtest, close: FloatArray, horizon: int, naive: Backtest, mean: Backtest
) -> dict[str, Any]:
    last = close[bt.rows]
    realised = close[bt.rows + horizon]
    errors = last * np.exp(bt.predicted) - realised
    naive_errors = last * np.exp(naive.predicted) - realised
    constant = bool(np.all(bt.predicted == bt.predicted[0]))
    accuracy, binomial = m.directional_accuracy(bt.predicted, bt.actual)
    pt = m.pesaran_timmermann(bt.predicted > 0, bt.actual > 0)
    out: dict[str, Any] = {
        "mae": m.mae(errors),
        "rmse": m.rmse(errors),
        "mase": m.mase(errors, naive_errors),
        "mse_log_return": float(np.mean(np.square(bt.actual - bt.predicted))),
        "mae_log_return": float(np.mean(np.abs(bt.actual - bt.predicted))),
        "r2_oos": m.r2_oos(bt.actual, bt.predicted, mean.predicted),
        "directional_accuracy": None if constant else accuracy,
        "directional_binomial_p": None if constant else binomial.p_value,
        "pesaran_timmermann_p": None if constant else pt.p_value,
        "n": int(bt.rows.size),
    }
    for c in COVERAGES:
        out[f"coverage_{round(c * 100)}"] = m.coverage(bt.actual, bt.predicted, bt.radius[c])
    return {k: _clean(v) if isinstance(v, float) else v for k, v in out.items()}


def _trend_metrics(bt: Backtest) -> dict[str, Any]:
    up = bt.predicted > 0.5
    accuracy = float(np.mean(up == (bt.actual > 0.5)))
    hits = int(np.sum(up == (bt.actual > 0.5)))
    binomial = m.stats.binomtest(hits, bt.rows.size, 0.5, alternative="greater")
    constant = bool(np.all(up == up[0]))
    pt = m.pesaran_timmermann(up, bt.actual > 0.5)
    out = {
        "accuracy": accuracy,
        "accuracy_binomial_p": float(binomial.pvalue),
        "pesaran_timmermann_p": None if constant else pt.p_value,
        "brier": m.brier(bt.predicted, bt.actual),
        "log_loss": m.log_loss(bt.predicted, bt.actual),
        "up_share": float(np.mean(bt.actual)),
        "n": int(bt.rows.size),
    }
    return {k: _clean(v) if isinstance(v, float) else v for k, v in out.items()}


def _loss(model_type: ModelType, bt: Backtest) -> FloatArray:
    return np.square(bt.actual - bt.predicted)


def evaluate(
    bars: Bars,
    model_type: ModelType,
    cfg: WalkForwardConfig,
    *,
    candidates: list[str] | None = None,
) -> Evaluation:
    """Walk every candidate and baseline of ``model_type`` forward over ``bars``."""
    features = build_features(bars)
    target = target_for(model_type, bars.close, cfg.horizon)
    chosen = {
        name: factory
        for name, factory in CANDIDATES[model_type].items()
        if candidates is None or name in candidates
    }
    forecasters = {**chosen, **BASELINES[model_type]}
    backtests = walk_forward(
        features.values, target, features.first_valid, forecasters, model_type, cfg
    )
    losses = {name: _loss(model_type, bt) for name, bt in backtests.items()}
    base_loss = {name: float(losses[name].mean()) for name in BASELINES[model_type]}
    best_base = min(base_loss, key=lambda name: base_loss[name])
    tests = {
        name: m.diebold_mariano(losses[name], losses[best_base], cfg.horizon) for name in chosen
    }
    if chosen:
        decision = decide(
            candidate_loss={name: float(losses[name].mean()) for name in chosen},
            baseline_loss=base_loss,
            p_values={name: t.p_value for name, t in tests.items()},
            test_rows=int(backtests[best_base].rows.size),
        )
    else:
        decision = Decision(False, "", best_base, math.nan, ALPHA, "no model was trained")

    def summary(name: str) -> dict[str, Any]:
        bt = backtests[name]
        if model_type is ModelType.PRICE:
            found = _price_metrics(
                bt, bars.close, cfg.horizon, backtests["random_walk"], backtests["drift"]
            )
        else:
            found = _trend_metrics(bt)
        if name in tests:
            found["dm_statistic"] = _clean(tests[name].statistic)
            found["dm_p_value"] = _clean(tests[name].p_value)
            found["dm_against"] = best_base
        return found

    return Evaluation(
        model_type,
        cfg.horizon,
        cfg,
        features,
        target,
        backtests,
        {name: summary(name) for name in chosen},
        {name: summary(name) for name in BASELINES[model_type]},
        decision,
    )
