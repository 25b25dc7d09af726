"""Features and targets from daily bars, each row dated so nothing after t reaches row t."""

# Pure core: no Django, no I/O, no clock. Every feature at row t is a trailing computation over
# bars 0..t (TA-Lib's indicators are causal recursions; the rolling windows end at t), which
# tests/ml/test_features.py proves by rewriting every price after t. Targets look forward and
# are NaN where the future is not known yet.

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from stockvis.analysis.indicators import Bars, IndicatorSpec, compute_indicators

FloatArray = npt.NDArray[np.float64]

FEATURE_SPEC: Final = IndicatorSpec(
    indicators={"rsi", "macd", "bbands", "sma", "stoch", "atr"}, sma_periods=(20, 50)
)
FEATURE_NAMES: Final = (
    "ret_1",
    "ret_1_lag1",
    "ret_1_lag2",
    "ret_5",
    "ret_10",
    "ret_20",
    "vol_20",
    "rsi_14",
    "macd_hist",
    "bb_pctb",
    "sma20_gap",
    "sma50_gap",
    "atr_pct",
    "stoch_k",
    "volume_z",
)
# Longest look-back of any feature (SMA 50): the first full row is at index 49, after 49 bars.
WARMUP_BARS: Final = 49


@dataclass(frozen=True, slots=True)
class FeatureMatrix:
    """Rows aligned with the bars; ``first_valid`` is the first row with every feature known."""

    names: tuple[str, ...]
    values: FloatArray
    first_valid: int

    def column(self, name: str) -> FloatArray:
        return self.values[:, self.names.index(name)]


def log_returns(close: FloatArray, lag: int = 1) -> FloatArray:
    """log(close[t] / close[t - lag]), NaN for the first ``lag`` rows."""
    out = np.full(close.shape[0], np.nan)
    if close.shape[0] > lag:
        out[lag:] = np.log(close[lag:] / close[:-lag])
    return out


def _shift(values: FloatArray, lag: int) -> FloatArray:
    out = np.full(values.shape[0], np.nan)
    if values.shape[0] > lag:
        out[lag:] = values[:-lag]
    return out


def _rolling(values: FloatArray, window: int, reducer: str) -> FloatArray:
    out = np.full(values.shape[0], np.nan)
    if values.shape[0] >= window:
        windows = sliding_window_view(values, window)
        out[window - 1 :] = windows.std(axis=1) if reducer == "std" else windows.mean(axis=1)
    return out


def _volume_z(volume: FloatArray) -> FloatArray:
    # Indices and synthetic series may carry a constant volume: a flat window scores 0, not NaN.
    logv = np.log1p(np.maximum(volume, 0.0))
    mean = _rolling(logv, 20, "mean")
    std = _rolling(logv, 20, "std")
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(std > 1e-12, (logv - mean) / std, 0.0)
    z[np.isnan(mean)] = np.nan
    return z


def build_features(bars: Bars) -> FeatureMatrix:
    """The feature rows of ``bars`` (oldest first), one per bar."""
    close = bars.close
    ind = compute_indicators(bars, FEATURE_SPEC)
    r1 = log_returns(close, 1)
    band = ind["bb_upper"] - ind["bb_lower"]
    with np.errstate(invalid="ignore", divide="ignore"):
        columns = {
            "ret_1": r1,
            "ret_1_lag1": _shift(r1, 1),
            "ret_1_lag2": _shift(r1, 2),
            "ret_5": log_returns(close, 5),
            "ret_10": log_returns(close, 10),
            "ret_20": log_returns(close, 20),
            "vol_20": _rolling(r1, 20, "std"),
            "rsi_14": ind["rsi"] / 100.0,
            "macd_hist": ind["macd_hist"] / close,
            "bb_pctb": np.where(band > 0, (close - ind["bb_lower"]) / band, 0.5),
            "sma20_gap": close / ind["sma_20"] - 1.0,
            "sma50_gap": close / ind["sma_50"] - 1.0,
            "atr_pct": ind["atr"] / close,
            "stoch_k": ind["stoch_k"] / 100.0,
            "volume_z": _volume_z(bars.volume),
        }
    values = np.column_stack([columns[name] for name in FEATURE_NAMES])
    complete = np.flatnonzero(np.isfinite(values).all(axis=1))
    first_valid = int(complete[0]) if complete.size else len(bars)
    return FeatureMatrix(FEATURE_NAMES, values, first_valid)


def forward_return(close: FloatArray, horizon: int) -> FloatArray:
    """log(close[t + horizon] / close[t]): the target at row t, NaN for the last ``horizon`` rows."""
    out = np.full(close.shape[0], np.nan)
    if close.shape[0] > horizon:
        out[:-horizon] = np.log(close[horizon:] / close[:-horizon])
    return out


def forward_up(close: FloatArray, horizon: int) -> FloatArray:
    """1.0 when the close ``horizon`` sessions ahead is higher, 0.0 otherwise, NaN when unknown."""
    ahead = forward_return(close, horizon)
    return np.where(np.isnan(ahead), np.nan, (ahead > 0).astype(np.float64))
