"""Expanding-window walk-forward: folds with purge and embargo, split-conformal calibration."""

# Pure core. Each fold trains on every labelled row before its test block, minus the rows whose
# label window would reach into the test block (purge) and `embargo` rows more; the tail of that
# training window (after its own purge) calibrates split-conformal intervals; then the fitted
# estimator forecasts the test block untouched until the next retraining. Every forecaster
# (models and baselines) runs through the same folds, so their errors are comparable row by row.

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from stockvis.ml.estimators import Factory, ModelType, fit, forecast
from stockvis.ml.features import FloatArray

COVERAGES = (0.8, 0.95)


class NotEnoughHistory(ValueError):
    """Too few bars for the walk-forward; ``needed`` says how many bars it takes."""

    def __init__(self, needed: int, have: int) -> None:
        self.needed = needed
        self.have = have
        super().__init__(f"needs at least {needed} daily bars, has {have}")


@dataclass(frozen=True, slots=True)
class WalkForwardConfig:
    horizon: int
    min_train: int = 252
    retrain_every: int = 63
    embargo: int | None = None  # rows dropped after the purge; default: the horizon
    calibration_share: float = 0.2
    min_test: int = 60

    @property
    def gap(self) -> int:
        return self.embargo if self.embargo is not None else self.horizon

    def rows_needed(self) -> int:
        """Labelled feature rows a backtest needs: a first training window and a minimal test."""
        return self.min_train + self.horizon + self.gap + self.min_test


@dataclass(frozen=True, slots=True)
class Fold:
    proper_end: int  # training rows [first, proper_end) fit the estimator
    calib_start: int  # rows [calib_start, train_end) calibrate its intervals
    train_end: int
    test_start: int
    test_end: int


def _split(first: int, train_end: int, cfg: WalkForwardConfig) -> tuple[int, int]:
    size = train_end - first
    calib = max(30, int(size * cfg.calibration_share))
    calib_start = train_end - calib
    # Proper-training labels end before calibration features begin (the same purge as the test).
    proper_end = calib_start - cfg.horizon + 1
    return proper_end, calib_start


def make_folds(first: int, last_labelled: int, cfg: WalkForwardConfig) -> list[Fold]:
    """Folds over rows ``first..last_labelled`` (inclusive), oldest first."""
    if last_labelled - first + 1 < cfg.rows_needed():
        # Bars, not rows: the warm-up before ``first`` and the unlabelled last ``horizon`` count.
        raise NotEnoughHistory(
            first + cfg.rows_needed() + cfg.horizon, last_labelled + 1 + cfg.horizon
        )
    folds: list[Fold] = []
    start = first + cfg.min_train + cfg.horizon - 1 + cfg.gap
    while start <= last_labelled:
        train_end = start - cfg.horizon + 1 - cfg.gap
        proper_end, calib_start = _split(first, train_end, cfg)
        end = min(start + cfg.retrain_every, last_labelled + 1)
        folds.append(Fold(proper_end, calib_start, train_end, start, end))
        start = end
    return folds


def conformal_radius(residuals: FloatArray, coverage: float) -> float:
    """Split-conformal half-width: the ceil((n+1)·coverage)-th smallest absolute residual."""
    scores = np.sort(np.abs(residuals[np.isfinite(residuals)]))
    if scores.size == 0:
        return math.inf
    rank = math.ceil((scores.size + 1) * coverage)
    return float(scores[min(rank, scores.size) - 1])


@dataclass(frozen=True, slots=True)
class Backtest:
    """One forecaster's out-of-sample record: test rows, realised targets, forecasts, radii."""

    rows: np.ndarray
    actual: FloatArray
    predicted: FloatArray
    radius: Mapping[float, FloatArray]
    fits: int


@dataclass(frozen=True, slots=True)
class Fitted:
    model: Any
    radius: Mapping[float, float]


def fit_calibrated(
    factory: Factory,
    X: FloatArray,
    y: FloatArray,
    first: int,
    train_end: int,
    model_type: ModelType,
    cfg: WalkForwardConfig,
) -> Fitted:
    """Fit on the proper part of rows [first, train_end), calibrate on its tail."""
    proper_end, calib_start = _split(first, train_end, cfg)
    model = fit(factory(cfg.horizon), X[first:proper_end], y[first:proper_end], model_type)
    residuals = y[calib_start:train_end] - forecast(model, X[calib_start:train_end], model_type)
    return Fitted(model, {c: conformal_radius(residuals, c) for c in COVERAGES})


def walk_forward(
    X: FloatArray,
    y: FloatArray,
    first: int,
    forecasters: Mapping[str, Factory],
    model_type: ModelType,
    cfg: WalkForwardConfig,
) -> dict[str, Backtest]:
    """Run every forecaster through the same folds over rows ``first..`` with a known label."""
    labelled = np.flatnonzero(np.isfinite(y))
    last_labelled = int(labelled[-1]) if labelled.size else -1
    folds = make_folds(first, last_labelled, cfg)
    rows = np.arange(folds[0].test_start, folds[-1].test_end)
    out: dict[str, Backtest] = {}
    for name, factory in forecasters.items():
        predicted = np.empty(rows.size)
        radius = {c: np.empty(rows.size) for c in COVERAGES}
        for fold in folds:
            fitted = fit_calibrated(factory, X, y, first, fold.train_end, model_type, cfg)
            block = slice(fold.test_start - rows[0], fold.test_end - rows[0])
            predicted[block] = forecast(
                fitted.model, X[fold.test_start : fold.test_end], model_type
            )
            for c in COVERAGES:
                radius[c][block] = fitted.radius[c]
        out[name] = Backtest(rows, y[rows], predicted, radius, len(folds))
    return out
