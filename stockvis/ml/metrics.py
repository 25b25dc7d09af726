"""Forecast metrics and the significance tests that decide whether a model beat its baseline."""

# Pure core (numpy and scipy). Losses are compared row by row on the same out-of-sample rows;
# overlapping horizon targets make the loss differences autocorrelated, which is why the
# Diebold–Mariano variance is a Newey–West estimate with horizon-1 lags (and the
# Harvey–Leybourne–Newbold small-sample correction).

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

from stockvis.ml.features import FloatArray


def mae(errors: FloatArray) -> float:
    return float(np.mean(np.abs(errors)))


def rmse(errors: FloatArray) -> float:
    return float(np.sqrt(np.mean(np.square(errors))))


def mase(errors: FloatArray, naive_errors: FloatArray) -> float:
    """MAE over the naive forecast's MAE on the same rows: below 1 beats the naive forecast."""
    scale = mae(naive_errors)
    return mae(errors) / scale if scale > 0 else math.nan


def r2_oos(actual: FloatArray, predicted: FloatArray, benchmark: FloatArray) -> float:
    """Campbell–Thompson out-of-sample R² against the benchmark (the historical mean)."""
    sse_bench = float(np.sum(np.square(actual - benchmark)))
    if sse_bench == 0:
        return math.nan
    return 1.0 - float(np.sum(np.square(actual - predicted))) / sse_bench


@dataclass(frozen=True, slots=True)
class TestResult:
    statistic: float
    p_value: float


def directional_accuracy(predicted: FloatArray, actual: FloatArray) -> tuple[float, TestResult]:
    """Share of rows whose predicted sign is the realised sign; binomial test against 1/2."""
    mask = actual != 0
    hits = int(np.sum(np.sign(predicted[mask]) == np.sign(actual[mask])))
    n = int(mask.sum())
    if n == 0:
        return math.nan, TestResult(math.nan, 1.0)
    result = stats.binomtest(hits, n, 0.5, alternative="greater")
    return hits / n, TestResult(hits / n, float(result.pvalue))


def pesaran_timmermann(predicted_up: np.ndarray, actual_up: np.ndarray) -> TestResult:
    """Pesaran–Timmermann (1992) test of directional predictability; one-sided p-value."""
    n = predicted_up.size
    if n < 2:
        return TestResult(math.nan, 1.0)
    x = predicted_up.astype(bool)
    y = actual_up.astype(bool)
    p_hat = float(np.mean(x == y))
    py, px = float(np.mean(y)), float(np.mean(x))
    p_star = py * px + (1 - py) * (1 - px)
    var_p = p_star * (1 - p_star) / n
    var_star = (
        (2 * py - 1) ** 2 * px * (1 - px) / n
        + (2 * px - 1) ** 2 * py * (1 - py) / n
        + 4 * py * px * (1 - py) * (1 - px) / n**2
    )
    denom = var_p - var_star
    if denom <= 0:
        return TestResult(math.nan, 1.0)
    statistic = (p_hat - p_star) / math.sqrt(denom)
    return TestResult(statistic, float(stats.norm.sf(statistic)))


def diebold_mariano(loss_model: FloatArray, loss_base: FloatArray, horizon: int) -> TestResult:
    """One-sided DM test that the model's expected loss is below the baseline's.

    A negative statistic favours the model; the p-value is P(t <= statistic) under equal accuracy.
    """
    d = np.asarray(loss_model - loss_base, dtype=np.float64)
    n = d.size
    if n < 10:
        return TestResult(math.nan, 1.0)
    mean = float(d.mean())
    centred = d - mean
    lags = max(horizon - 1, 0)
    variance = float(centred @ centred) / n
    for k in range(1, lags + 1):
        weight = 1.0 - k / (lags + 1)
        variance += 2 * weight * float(centred[k:] @ centred[:-k]) / n
    if variance <= 0:
        return TestResult(math.nan, 1.0 if mean >= 0 else 0.0)
    statistic = mean / math.sqrt(variance / n)
    correction = math.sqrt((n + 1 - 2 * horizon + horizon * (horizon - 1) / n) / n)
    statistic *= correction
    return TestResult(statistic, float(stats.t.cdf(statistic, df=n - 1)))


def coverage(actual: FloatArray, predicted: FloatArray, radius: FloatArray) -> float:
    """Share of rows whose realised value fell inside predicted ± radius."""
    return float(np.mean(np.abs(actual - predicted) <= radius))


def kupiec(breaches: int, n: int, tail: float) -> TestResult:
    """Kupiec's proportion-of-failures LR test: are VaR breaches as frequent as the tail says?"""
    if n == 0:
        return TestResult(math.nan, 1.0)
    x = breaches
    rate = x / n

    def loglik(p: float) -> float:
        p = min(max(p, 1e-12), 1 - 1e-12)
        return (n - x) * math.log(1 - p) + x * math.log(p)

    statistic = -2.0 * (loglik(tail) - loglik(rate))
    return TestResult(statistic, float(stats.chi2.sf(max(statistic, 0.0), df=1)))


def brier(prob_up: FloatArray, actual_up: FloatArray) -> float:
    return float(np.mean(np.square(prob_up - actual_up)))


def log_loss(prob_up: FloatArray, actual_up: FloatArray) -> float:
    p = np.clip(prob_up, 1e-6, 1 - 1e-6)
    return float(-np.mean(actual_up * np.log(p) + (1 - actual_up) * np.log(1 - p)))


def psi(deciles: list[float], values: FloatArray) -> float:
    """Population stability index of ``values`` against the ten bins the training deciles cut.

    Each bin held 10 % of the training rows; below 0.1 is stable, above 0.25 a major shift.
    """
    finite = values[np.isfinite(values)]
    if finite.size == 0 or not deciles:
        return math.nan
    counts = np.bincount(np.searchsorted(np.asarray(deciles), finite, side="right"), minlength=10)
    actual = np.clip(counts / finite.size, 1e-4, None)
    expected = 0.1
    return float(np.sum((actual - expected) * np.log(actual / expected)))
