"""Trading signals read from indicators: one per indicator, a weighted composite, crossovers."""

# Pure core: no Django, no I/O, no clock. Every signal describes the last bar of the series it is
# given and reads only bars up to it; crossovers carry the side of the lines forward over ties, so
# an event at bar i never depends on bar i + 1. Bars must be closed (see `Bars`). The indicator
# API shows `SignalReport` (signals, composite with its weights, crossover events); the screener
# ranks `Snapshot`s from `latest_snapshot`.

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from stockvis.analysis.indicators import (
    MAX_PERIOD,
    MIN_PERIOD,
    Bars,
    FloatArray,
    Indicator,
    IndicatorResult,
    IndicatorSpec,
    InvalidBars,
    InvalidIndicatorParams,
    checked_float,
    checked_int,
    compute_indicators,
)
from stockvis.analysis.labels import CompositeLabel, Direction


class SignalName(StrEnum):
    """One signal per indicator; `ma_cross` reads the SMA pair, `bbands` the Bollinger Bands."""

    RSI = "rsi"
    MACD = "macd"
    BBANDS = "bbands"
    MA_CROSS = "ma_cross"
    STOCH = "stoch"
    OBV = "obv"
    ATR = "atr"


class InvalidSignalParams(InvalidIndicatorParams):
    """A signal setting outside its range; a subclass so the API handles both errors as one."""


STRONG_THRESHOLD: Final = 60.0
WEAK_THRESHOLD: Final = 20.0

# ATR carries no direction, so a non-zero weight would only dilute the others; it is listed
# with weight 0 so the API can still show it as context.
DEFAULT_WEIGHTS: Final[Mapping[str, float]] = MappingProxyType(
    {
        SignalName.RSI: 0.20,
        SignalName.MACD: 0.20,
        SignalName.BBANDS: 0.15,
        SignalName.MA_CROSS: 0.20,
        SignalName.STOCH: 0.15,
        SignalName.OBV: 0.10,
        SignalName.ATR: 0.0,
    }
)


def _checked_int(param: str, value: Any, low: int, high: int) -> int:
    return checked_int(param, value, low, high, InvalidSignalParams)


def _checked_float(param: str, value: Any, low: float, high: float) -> float:
    return checked_float(param, value, low, high, InvalidSignalParams)


def _checked_weights(value: Any) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise InvalidSignalParams("weights", f"must map signal names to numbers, got {value!r}")
    allowed = ", ".join(SignalName)
    weights: dict[str, float] = {}
    for name, weight in value.items():
        try:
            signal = SignalName(str(name).lower())
        except ValueError:
            raise InvalidSignalParams(
                "weights", f"keys must be chosen from {allowed}, got {name!r}"
            ) from None
        weights[signal] = _checked_float(f"weights.{signal}", weight, 0.0, 100.0)
    return MappingProxyType(weights)


@dataclass(frozen=True, slots=True)
class SignalConfig:
    """Thresholds, lookbacks and composite weights; validated on construction.

    A cross counts while it is at most `cross_lookback - 1` bars old (`ma_cross_lookback` for
    the slower SMA pair). Signals missing from `weights` get weight 0.
    """

    rsi_oversold: float = 30.0
    rsi_overbought: float = 70.0
    cross_lookback: int = 5
    ma_fast_period: int = 50
    ma_slow_period: int = 200
    ma_cross_lookback: int = 10
    stoch_oversold: float = 20.0
    stoch_overbought: float = 80.0
    obv_lookback: int = 20
    atr_low_percent: float = 1.0
    atr_high_percent: float = 3.0
    weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_WEIGHTS)

    def __post_init__(self) -> None:
        set_field = object.__setattr__
        for name in ("rsi_oversold", "rsi_overbought", "stoch_oversold", "stoch_overbought"):
            set_field(self, name, _checked_float(name, getattr(self, name), 0.0, 100.0))
        if self.rsi_oversold >= self.rsi_overbought:
            raise InvalidSignalParams(
                "rsi_oversold", f"must be below rsi_overbought ({self.rsi_overbought})"
            )
        if self.stoch_oversold >= self.stoch_overbought:
            raise InvalidSignalParams(
                "stoch_oversold", f"must be below stoch_overbought ({self.stoch_overbought})"
            )
        for name in ("cross_lookback", "ma_cross_lookback", "obv_lookback"):
            set_field(self, name, _checked_int(name, getattr(self, name), 1, MAX_PERIOD))
        for name in ("ma_fast_period", "ma_slow_period"):
            set_field(self, name, _checked_int(name, getattr(self, name), MIN_PERIOD, MAX_PERIOD))
        if self.ma_fast_period >= self.ma_slow_period:
            raise InvalidSignalParams(
                "ma_fast_period", f"must be below ma_slow_period ({self.ma_slow_period})"
            )
        for name in ("atr_low_percent", "atr_high_percent"):
            set_field(self, name, _checked_float(name, getattr(self, name), 0.0, 100.0))
        if self.atr_low_percent >= self.atr_high_percent:
            raise InvalidSignalParams(
                "atr_low_percent", f"must be below atr_high_percent ({self.atr_high_percent})"
            )
        set_field(self, "weights", _checked_weights(self.weights))


DEFAULT_CONFIG: Final = SignalConfig()


# Every ``IndicatorSignal.code``: what its reason says, for a client to word in its own language
# (the web UI words each in Korean, checked by tests/analysis/test_reason_codes.py).
REASON_CODES: Final = frozenset(
    {
        "warming_up",
        "rsi_oversold",
        "rsi_overbought",
        "rsi_neutral",
        "macd_cross_up",
        "macd_cross_down",
        "macd_cross_none",
        "bb_above",
        "bb_below",
        "bb_inside",
        "ma_cross_up",
        "ma_cross_down",
        "ma_cross_none",
        "stoch_cross_up",
        "stoch_cross_down",
        "stoch_cross_none",
        "obv_confirms_rise",
        "obv_confirms_fall",
        "obv_bearish_divergence",
        "obv_bullish_divergence",
        "obv_flat",
        "atr_low",
        "atr_moderate",
        "atr_high",
    }
)


@dataclass(frozen=True, slots=True)
class IndicatorSignal:
    """What one indicator says about the last bar.

    `index`/`date` point at the bar that triggered the signal (the cross bar for crossovers,
    otherwise the last bar). `value` is the headline number in `reason` (RSI, %B, ATR %...).
    `has_data` is False while the indicator is still warming up; such signals are neutral and
    left out of the composite. `code` and `params` say what `reason` says, for a reader to put in
    its own language (the web UI's Korean); `reason` is the English sentence.
    """

    name: SignalName
    direction: Direction
    strength: float
    reason: str
    index: int | None
    date: dt.date | None
    value: float | None
    has_data: bool = True
    code: str = ""
    params: Mapping[str, float | int | str | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CompositeSignal:
    """Weighted score in [-100, 100] and its label.

    `weights` are the normalised weights actually used (signals with data and a positive
    configured weight; they sum to 1), `contributions` each signal's points in `score`.
    """

    score: float
    label: CompositeLabel
    weights: Mapping[str, float]
    contributions: Mapping[str, float]


class CrossoverKind(StrEnum):
    MACD_BULLISH = "macd_bullish_cross"
    MACD_BEARISH = "macd_bearish_cross"
    GOLDEN_CROSS = "golden_cross"
    DEATH_CROSS = "death_cross"
    STOCH_BULLISH = "stoch_oversold_bullish_cross"
    STOCH_BEARISH = "stoch_overbought_bearish_cross"


@dataclass(frozen=True, slots=True)
class CrossoverEvent:
    kind: CrossoverKind
    signal: SignalName
    direction: Direction
    index: int
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class SignalReport:
    """Everything the indicator API shows about signals, as of the last bar."""

    index: int | None
    date: dt.date | None
    signals: tuple[IndicatorSignal, ...]
    composite: CompositeSignal
    events: tuple[CrossoverEvent, ...]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The latest value of every indicator plus the signals: one screener row."""

    index: int
    date: dt.date | None
    close: float
    indicators: Mapping[str, float | None]
    signals: tuple[IndicatorSignal, ...]
    composite: CompositeSignal


def composite_label(score: float) -> CompositeLabel:
    """strong sell <= -60 < sell <= -20 < neutral < 20 <= buy < 60 <= strong buy."""
    if score <= -STRONG_THRESHOLD:
        return CompositeLabel.STRONG_SELL
    if score <= -WEAK_THRESHOLD:
        return CompositeLabel.SELL
    if score >= STRONG_THRESHOLD:
        return CompositeLabel.STRONG_BUY
    if score >= WEAK_THRESHOLD:
        return CompositeLabel.BUY
    return CompositeLabel.NEUTRAL


def composite_signal(
    signals: tuple[IndicatorSignal, ...], weights: Mapping[str, float] = DEFAULT_WEIGHTS
) -> CompositeSignal:
    """Weighted mean of direction x strength over the signals that have data, scaled to +-100."""
    used = {
        signal.name: weights.get(signal.name, 0.0)
        for signal in signals
        if signal.has_data and weights.get(signal.name, 0.0) > 0
    }
    total = sum(used.values())
    if total == 0:
        return CompositeSignal(
            score=0.0,
            label=CompositeLabel.NEUTRAL,
            weights=MappingProxyType({}),
            contributions=MappingProxyType({}),
        )
    normalised: dict[str, float] = {name: weight / total for name, weight in used.items()}
    contributions: dict[str, float] = {
        signal.name: 100.0 * normalised[signal.name] * signal.direction.sign * signal.strength
        for signal in signals
        if signal.name in normalised
    }
    # Clamping only absorbs rounding: strengths are within [0, 1] and weights sum to 1.
    score = min(100.0, max(-100.0, sum(contributions.values())))
    return CompositeSignal(
        score=score,
        label=composite_label(score),
        weights=MappingProxyType(normalised),
        contributions=MappingProxyType(contributions),
    )


def required_indicator_spec(
    spec: IndicatorSpec | None = None, config: SignalConfig = DEFAULT_CONFIG
) -> IndicatorSpec:
    """`spec` widened to every indicator the signals read, including the SMA pair of the cross."""
    spec = spec or IndicatorSpec()
    return replace(
        spec,
        indicators=frozenset(spec.indicators)
        | {
            Indicator.RSI,
            Indicator.MACD,
            Indicator.BBANDS,
            Indicator.SMA,
            Indicator.STOCH,
            Indicator.OBV,
            Indicator.ATR,
        },
        sma_periods=(
            *(spec.sma_periods if Indicator.SMA in spec.indicators else ()),
            config.ma_fast_period,
            config.ma_slow_period,
        ),
    )


def _date_at(bars: Bars, index: int | None) -> dt.date | None:
    if bars.dates is None or index is None:
        return None
    date: dt.date = bars.dates[index].astype(dt.date)
    return date


# Lines closer than this (relative to their size) are tied: two moving averages of a flat
# stretch differ only by rounding, and that noise must not read as a stream of crosses.
TIE_TOLERANCE: Final = 1e-9


def _cross_indices(
    fast: FloatArray, slow: FloatArray
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Bars where fast moved strictly above slow (first) or strictly below it (second).

    A tie carries the side the lines were on before it, so touching and turning back is no
    cross, while lines tied since their warm-up that then separate do cross. Both bars of a
    cross must have values, so the end of a warm-up is never a cross.
    """
    if fast.shape[0] < 2:
        empty = np.empty(0, dtype=np.intp)
        return empty, empty
    difference = fast - slow
    has_value = np.isfinite(difference)
    tied = ~has_value | (
        np.abs(difference) <= TIE_TOLERANCE * np.maximum(np.abs(fast), np.abs(slow))
    )
    sign = np.where(tied, 0, np.sign(difference)).astype(np.int8)
    positions = np.where(sign != 0, np.arange(sign.shape[0]), 0)
    np.maximum.accumulate(positions, out=positions)
    # Ties before any separation point at position 0, itself a tie or the first real side.
    carried = sign[positions]
    before, after = carried[:-1], carried[1:]
    both_have_values = has_value[:-1] & has_value[1:]
    upward = np.flatnonzero(both_have_values & (before <= 0) & (after > 0)) + 1
    downward = np.flatnonzero(both_have_values & (before >= 0) & (after < 0)) + 1
    return upward, downward


def _fmt(value: float) -> str:
    return f"{value:,.2f}"


def _warming_up(name: SignalName, label: str, bars: Bars) -> IndicatorSignal:
    last = len(bars) - 1 if len(bars) else None
    return IndicatorSignal(
        name=name,
        direction=Direction.NEUTRAL,
        strength=0.0,
        reason=f"Not enough history for {label} yet ({len(bars)} bars).",
        index=last,
        date=_date_at(bars, last),
        value=None,
        has_data=False,
        code="warming_up",
        params={"bars": len(bars)},
    )


def _latest_finite(*arrays: FloatArray) -> bool:
    return all(array.shape[0] > 0 and math.isfinite(array[-1]) for array in arrays)


def _zone_strength(depth: float, half_zone: float) -> float:
    # Just inside a zone counts half; halfway to the extreme counts fully.
    if half_zone <= 0:
        return 1.0
    return min(1.0, 0.5 + 0.5 * depth / half_zone)


def _recency_strength(bars_since: int, lookback: int) -> float:
    return 1.0 - bars_since / lookback


def rsi_signal(bars: Bars, rsi: FloatArray, config: SignalConfig) -> IndicatorSignal:
    if not _latest_finite(rsi):
        return _warming_up(SignalName.RSI, "RSI", bars)
    last = len(bars) - 1
    value = float(rsi[-1])
    if value < config.rsi_oversold:
        direction = Direction.BUY
        strength = _zone_strength(config.rsi_oversold - value, config.rsi_oversold / 2)
        reason = f"RSI is {_fmt(value)}, below {_fmt(config.rsi_oversold)}: oversold, a rebound is possible."
        code = "rsi_oversold"
    elif value > config.rsi_overbought:
        direction = Direction.SELL
        strength = _zone_strength(value - config.rsi_overbought, (100 - config.rsi_overbought) / 2)
        reason = f"RSI is {_fmt(value)}, above {_fmt(config.rsi_overbought)}: overbought, a pullback is possible."
        code = "rsi_overbought"
    else:
        direction, strength = Direction.NEUTRAL, 0.0
        reason = (
            f"RSI is {_fmt(value)}, between {_fmt(config.rsi_oversold)} and "
            f"{_fmt(config.rsi_overbought)}: neither oversold nor overbought."
        )
        code = "rsi_neutral"
    return IndicatorSignal(
        SignalName.RSI,
        direction,
        strength,
        reason,
        last,
        _date_at(bars, last),
        value,
        code=code,
        params={"rsi": value, "low": config.rsi_oversold, "high": config.rsi_overbought},
    )


def _cross_signal(
    *,
    name: SignalName,
    bars: Bars,
    last_up: int | None,
    last_down: int | None,
    lookback: int,
    describe_up: str,
    describe_down: str,
    describe_none: str,
    value: float,
    code: str,
    params: Mapping[str, float | int | str | None],
) -> IndicatorSignal:
    last = len(bars) - 1
    latest_cross = max((i for i in (last_up, last_down) if i is not None), default=None)
    if latest_cross is not None and last - latest_cross < lookback:
        bars_since = last - latest_cross
        direction = Direction.BUY if latest_cross == last_up else Direction.SELL
        description = describe_up if direction is Direction.BUY else describe_down
        when = _date_at(bars, latest_cross)
        ago = {0: "on the last bar", 1: "1 bar ago"}.get(bars_since, f"{bars_since} bars ago")
        on_date = f" ({when.isoformat()})" if when else ""
        return IndicatorSignal(
            name,
            direction,
            _recency_strength(bars_since, lookback),
            f"{description} {ago}{on_date}: {direction}.",
            latest_cross,
            when,
            value,
            code=f"{code}_{'up' if direction is Direction.BUY else 'down'}",
            params={
                **params,
                "bars_since": bars_since,
                "date": when.isoformat() if when else None,
            },
        )
    return IndicatorSignal(
        name,
        Direction.NEUTRAL,
        0.0,
        f"{describe_none} in the last {lookback} bars.",
        last,
        _date_at(bars, last),
        value,
        code=f"{code}_none",
        params={**params, "lookback": lookback},
    )


def _last(indices: npt.NDArray[np.intp]) -> int | None:
    return int(indices[-1]) if indices.shape[0] else None


def macd_signal(
    bars: Bars, macd: FloatArray, signal_line: FloatArray, config: SignalConfig
) -> IndicatorSignal:
    if not _latest_finite(macd, signal_line):
        return _warming_up(SignalName.MACD, "MACD", bars)
    upward, downward = _cross_indices(macd, signal_line)
    return _cross_signal(
        name=SignalName.MACD,
        bars=bars,
        last_up=_last(upward),
        last_down=_last(downward),
        lookback=config.cross_lookback,
        describe_up="MACD crossed above its signal line",
        describe_down="MACD crossed below its signal line",
        describe_none=(
            f"MACD is {'above' if macd[-1] > signal_line[-1] else 'below'} its signal line "
            "with no cross"
        ),
        value=float(macd[-1] - signal_line[-1]),
        code="macd_cross",
        params={"side": "above" if macd[-1] > signal_line[-1] else "below"},
    )


def bollinger_signal(
    bars: Bars, upper: FloatArray, middle: FloatArray, lower: FloatArray
) -> IndicatorSignal:
    if not _latest_finite(upper, middle, lower):
        return _warming_up(SignalName.BBANDS, "the Bollinger Bands", bars)
    last = len(bars) - 1
    close = float(bars.close[-1])
    top, centre, bottom = float(upper[-1]), float(middle[-1]), float(lower[-1])
    half_width = top - centre
    percent_b = (close - bottom) / (top - bottom) if top > bottom else 0.5
    if close > top:
        direction = Direction.SELL
        strength = _zone_strength(close - top, half_width / 2)
        reason = f"Close {_fmt(close)} is above the upper Bollinger Band {_fmt(top)}: stretched high, sell."
        code = "bb_above"
    elif close < bottom:
        direction = Direction.BUY
        strength = _zone_strength(bottom - close, half_width / 2)
        reason = f"Close {_fmt(close)} is below the lower Bollinger Band {_fmt(bottom)}: stretched low, buy."
        code = "bb_below"
    else:
        direction, strength = Direction.NEUTRAL, 0.0
        reason = (
            f"Close {_fmt(close)} is inside the Bollinger Bands "
            f"({_fmt(bottom)} to {_fmt(top)}, %B {percent_b:.2f})."
        )
        code = "bb_inside"
    return IndicatorSignal(
        SignalName.BBANDS,
        direction,
        strength,
        reason,
        last,
        _date_at(bars, last),
        percent_b,
        code=code,
        params={"close": close, "upper": top, "lower": bottom, "percent_b": percent_b},
    )


def moving_average_cross_signal(
    bars: Bars, fast: FloatArray, slow: FloatArray, config: SignalConfig
) -> IndicatorSignal:
    fast_label, slow_label = f"SMA {config.ma_fast_period}", f"SMA {config.ma_slow_period}"
    if not _latest_finite(fast, slow):
        return _warming_up(SignalName.MA_CROSS, f"the {fast_label}/{slow_label} cross", bars)
    upward, downward = _cross_indices(fast, slow)
    return _cross_signal(
        name=SignalName.MA_CROSS,
        bars=bars,
        last_up=_last(upward),
        last_down=_last(downward),
        lookback=config.ma_cross_lookback,
        describe_up=f"Golden cross: {fast_label} crossed above {slow_label}",
        describe_down=f"Death cross: {fast_label} crossed below {slow_label}",
        describe_none=(
            f"{fast_label} is {'above' if fast[-1] > slow[-1] else 'below'} {slow_label} "
            "with no golden or death cross"
        ),
        value=float(fast[-1] - slow[-1]),
        code="ma_cross",
        params={
            "fast": config.ma_fast_period,
            "slow": config.ma_slow_period,
            "side": "above" if fast[-1] > slow[-1] else "below",
        },
    )


def _stoch_zone_crosses(
    stoch_k: FloatArray, stoch_d: FloatArray, config: SignalConfig
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    # A %K/%D cross means something only in a zone, judged by %D (the slower line) at the
    # cross bar, which is where the reversal is confirmed.
    upward, downward = _cross_indices(stoch_k, stoch_d)
    return (
        upward[stoch_d[upward] < config.stoch_oversold],
        downward[stoch_d[downward] > config.stoch_overbought],
    )


def stochastic_signal(
    bars: Bars, stoch_k: FloatArray, stoch_d: FloatArray, config: SignalConfig
) -> IndicatorSignal:
    if not _latest_finite(stoch_k, stoch_d):
        return _warming_up(SignalName.STOCH, "the Stochastic", bars)
    upward, downward = _stoch_zone_crosses(stoch_k, stoch_d, config)
    return _cross_signal(
        name=SignalName.STOCH,
        bars=bars,
        last_up=_last(upward),
        last_down=_last(downward),
        lookback=config.cross_lookback,
        describe_up=(
            f"Stochastic %K crossed above %D below {_fmt(config.stoch_oversold)} (oversold)"
        ),
        describe_down=(
            f"Stochastic %K crossed below %D above {_fmt(config.stoch_overbought)} (overbought)"
        ),
        describe_none=(
            f"Stochastic %K is {_fmt(float(stoch_k[-1]))} and %D {_fmt(float(stoch_d[-1]))}, "
            "with no %K/%D cross inside the oversold or overbought zone"
        ),
        value=float(stoch_k[-1]),
        code="stoch_cross",
        params={
            "k": float(stoch_k[-1]),
            "d": float(stoch_d[-1]),
            "low": config.stoch_oversold,
            "high": config.stoch_overbought,
        },
    )


def obv_signal(bars: Bars, obv: FloatArray, config: SignalConfig) -> IndicatorSignal:
    lookback = config.obv_lookback
    label = f"OBV over {lookback} bars"
    if len(bars) <= lookback or not _latest_finite(obv) or not math.isfinite(obv[-1 - lookback]):
        return _warming_up(SignalName.OBV, label, bars)
    last = len(bars) - 1
    price_change = float(bars.close[-1] - bars.close[-1 - lookback])
    obv_change = float(obv[-1] - obv[-1 - lookback])
    # |change in OBV| can be at most the volume traded in the window, so the ratio is the share
    # of that volume which moved in one direction.
    window_volume = float(np.sum(bars.volume[-lookback:]))
    strength = min(1.0, abs(obv_change) / window_volume) if window_volume > 0 else 0.0
    span = f"over the last {lookback} bars"
    if price_change > 0 and obv_change > 0:
        direction, reason = (
            Direction.BUY,
            f"Price and OBV both rose {span}: volume confirms the rise.",
        )
        code = "obv_confirms_rise"
    elif price_change < 0 and obv_change < 0:
        direction, reason = (
            Direction.SELL,
            f"Price and OBV both fell {span}: volume confirms the fall.",
        )
        code = "obv_confirms_fall"
    elif price_change > 0 > obv_change:
        direction = Direction.SELL
        reason = (
            f"Price rose but OBV fell {span}: a bearish divergence, buyers are not behind the rise."
        )
        code = "obv_bearish_divergence"
    elif price_change < 0 < obv_change:
        direction = Direction.BUY
        reason = f"Price fell but OBV rose {span}: a bullish divergence, volume is accumulating."
        code = "obv_bullish_divergence"
    else:
        direction, strength = Direction.NEUTRAL, 0.0
        reason = f"Price or OBV is unchanged {span}: no confirmation or divergence."
        code = "obv_flat"
    return IndicatorSignal(
        SignalName.OBV,
        direction,
        strength,
        reason,
        last,
        _date_at(bars, last),
        obv_change,
        code=code,
        params={"lookback": lookback},
    )


def atr_signal(bars: Bars, atr: FloatArray, config: SignalConfig) -> IndicatorSignal:
    if not _latest_finite(atr) or not bars.close[-1] > 0:
        return _warming_up(SignalName.ATR, "ATR", bars)
    last = len(bars) - 1
    percent = float(atr[-1] / bars.close[-1] * 100)
    if percent < config.atr_low_percent:
        level = "low"
    elif percent > config.atr_high_percent:
        level = "high"
    else:
        level = "moderate"
    reason = (
        f"ATR is {_fmt(float(atr[-1]))}, {percent:.2f}% of the close: {level} volatility "
        "(context only, no direction)."
    )
    return IndicatorSignal(
        SignalName.ATR,
        Direction.NEUTRAL,
        0.0,
        reason,
        last,
        _date_at(bars, last),
        percent,
        code=f"atr_{level}",
        params={"atr": float(atr[-1]), "percent": percent},
    )


def indicator_signals(
    bars: Bars, indicators: IndicatorResult, config: SignalConfig = DEFAULT_CONFIG
) -> tuple[IndicatorSignal, ...]:
    """One signal per indicator present in `indicators`, about the last bar."""
    if indicators.length != len(bars):
        raise InvalidBars(f"indicators cover {indicators.length} bars but there are {len(bars)}")
    values = indicators.values
    signals: list[IndicatorSignal] = []
    if "rsi" in values:
        signals.append(rsi_signal(bars, values["rsi"], config))
    if "macd" in values:
        signals.append(macd_signal(bars, values["macd"], values["macd_signal"], config))
    if "bb_upper" in values:
        signals.append(
            bollinger_signal(bars, values["bb_upper"], values["bb_middle"], values["bb_lower"])
        )
    fast_key, slow_key = f"sma_{config.ma_fast_period}", f"sma_{config.ma_slow_period}"
    if fast_key in values and slow_key in values:
        signals.append(
            moving_average_cross_signal(bars, values[fast_key], values[slow_key], config)
        )
    if "stoch_k" in values:
        signals.append(stochastic_signal(bars, values["stoch_k"], values["stoch_d"], config))
    if "obv" in values:
        signals.append(obv_signal(bars, values["obv"], config))
    if "atr" in values:
        signals.append(atr_signal(bars, values["atr"], config))
    return tuple(signals)


def crossover_events(
    bars: Bars, indicators: IndicatorResult, config: SignalConfig = DEFAULT_CONFIG
) -> tuple[CrossoverEvent, ...]:
    """Every MACD, SMA golden/death and zone Stochastic cross in the series, oldest first."""
    values = indicators.values
    found: list[tuple[int, CrossoverKind, SignalName, Direction]] = []

    def collect(
        crosses: tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]],
        signal: SignalName,
        kinds: tuple[CrossoverKind, CrossoverKind],
    ) -> None:
        for indices, kind, direction in zip(
            crosses, kinds, (Direction.BUY, Direction.SELL), strict=True
        ):
            found.extend((int(index), kind, signal, direction) for index in indices)

    if "macd" in values:
        collect(
            _cross_indices(values["macd"], values["macd_signal"]),
            SignalName.MACD,
            (CrossoverKind.MACD_BULLISH, CrossoverKind.MACD_BEARISH),
        )
    fast_key, slow_key = f"sma_{config.ma_fast_period}", f"sma_{config.ma_slow_period}"
    if fast_key in values and slow_key in values:
        collect(
            _cross_indices(values[fast_key], values[slow_key]),
            SignalName.MA_CROSS,
            (CrossoverKind.GOLDEN_CROSS, CrossoverKind.DEATH_CROSS),
        )
    if "stoch_k" in values:
        collect(
            _stoch_zone_crosses(values["stoch_k"], values["stoch_d"], config),
            SignalName.STOCH,
            (CrossoverKind.STOCH_BULLISH, CrossoverKind.STOCH_BEARISH),
        )
    found.sort(key=lambda event: (event[0], event[1]))
    return tuple(
        CrossoverEvent(kind, signal, direction, index, _date_at(bars, index))
        for index, kind, signal, direction in found
    )


def compute_signals(
    bars: Bars, indicators: IndicatorResult, config: SignalConfig = DEFAULT_CONFIG
) -> SignalReport:
    """Individual signals, composite and crossover history, as of the last bar."""
    signals = indicator_signals(bars, indicators, config)
    last = len(bars) - 1 if len(bars) else None
    return SignalReport(
        index=last,
        date=_date_at(bars, last),
        signals=signals,
        composite=composite_signal(signals, config.weights),
        events=crossover_events(bars, indicators, config),
    )


def latest_snapshot(
    bars: Bars, spec: IndicatorSpec | None = None, config: SignalConfig = DEFAULT_CONFIG
) -> Snapshot:
    """Latest value of every indicator (those in `spec` plus what the signals read) and signals."""
    if len(bars) == 0:
        raise InvalidBars("a snapshot needs at least one bar")
    indicators = compute_indicators(bars, required_indicator_spec(spec, config))
    signals = indicator_signals(bars, indicators, config)
    last = len(bars) - 1
    return Snapshot(
        index=last,
        date=_date_at(bars, last),
        close=float(bars.close[-1]),
        indicators=MappingProxyType(indicators.latest()),
        signals=signals,
        composite=composite_signal(signals, config.weights),
    )
