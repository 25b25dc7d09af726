"""Technical indicators over daily bars: a validated, copy-free wrapper around TA-Lib."""

# Pure core: no Django, no I/O, no clock. TA-Lib is the reference implementation, so every output
# equals a direct TA-Lib call bit for bit; this module adds a validated parameter set
# (`IndicatorSpec`), stable output names and NaN warm-up values the API layer turns into null.
# The indicator API, the signals (`stockvis.analysis.signals`) and the screener call
# `compute_indicators`; `bench/indicators.py` holds it within 1.5x of bare TA-Lib on 1,000,000
# bars, which is why inputs are converted once (in `Bars`) and nothing is copied after that.

from __future__ import annotations

import numbers
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import talib

FloatArray = npt.NDArray[np.float64]
DateArray = npt.NDArray[np.datetime64]

MIN_PERIOD: Final = 2
MAX_PERIOD: Final = 500
MIN_SMOOTHING_PERIOD: Final = 1
MIN_BB_STDDEV: Final = 0.1
MAX_BB_STDDEV: Final = 5.0
MAX_MOVING_AVERAGES: Final = 10


class Indicator(StrEnum):
    """The indicators `compute_indicators` can be asked for."""

    RSI = "rsi"
    MACD = "macd"
    BBANDS = "bbands"
    SMA = "sma"
    EMA = "ema"
    STOCH = "stoch"
    OBV = "obv"
    ATR = "atr"


ALL_INDICATORS: Final = frozenset(Indicator)


class InvalidIndicatorParams(ValueError):
    """A parameter outside its allowed range; the API answers it with a 400 naming `param`."""

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        super().__init__(f"{param} {message}")


class InvalidBars(ValueError):
    """Price arrays that cannot form a bar series (different lengths, not one-dimensional)."""


def _readonly_float64(values: Any, name: str) -> FloatArray:
    # ascontiguousarray is a no-op for float64 C-contiguous input, so a selector's arrays pass
    # through without a copy; the read-only view keeps Bars frozen without touching the
    # caller's own array flags.
    array = np.ascontiguousarray(values, dtype=np.float64)
    if array.ndim != 1:
        raise InvalidBars(f"{name} must be one-dimensional, got shape {array.shape}")
    view = array.view()
    view.setflags(write=False)
    return view


@dataclass(frozen=True, eq=False, slots=True)
class Bars:
    """Daily OHLCV bars, oldest first, as read-only contiguous float64 arrays of equal length.

    Bars must be closed: a selector drops today's still-forming bar, because every signal treats
    the last bar as final. Bars does not copy its inputs; do not mutate arrays you passed in.
    `dates` is optional (benchmarks and tests need none) and becomes datetime64[D].
    """

    open: FloatArray
    high: FloatArray
    low: FloatArray
    close: FloatArray
    volume: FloatArray
    dates: DateArray | None = None

    def __post_init__(self) -> None:
        for name in ("open", "high", "low", "close", "volume"):
            object.__setattr__(self, name, _readonly_float64(getattr(self, name), name))
        length = self.close.shape[0]
        for name in ("open", "high", "low", "volume"):
            if getattr(self, name).shape[0] != length:
                raise InvalidBars(
                    f"{name} has {getattr(self, name).shape[0]} values but close has {length}"
                )
        if self.dates is not None:
            dates = np.asarray(self.dates, dtype="datetime64[D]")
            if dates.shape != (length,):
                raise InvalidBars(f"dates has shape {dates.shape} but close has {length} values")
            dates = dates.view()
            dates.setflags(write=False)
            object.__setattr__(self, "dates", dates)

    def __len__(self) -> int:
        return int(self.close.shape[0])

    def head(self, length: int) -> Bars:
        """The first `length` bars, as views (no copy): the series as it stood back then."""
        return Bars(
            open=self.open[:length],
            high=self.high[:length],
            low=self.low[:length],
            close=self.close[:length],
            volume=self.volume[:length],
            dates=None if self.dates is None else self.dates[:length],
        )


def checked_int(
    param: str,
    value: Any,
    low: int,
    high: int,
    error: type[InvalidIndicatorParams] = InvalidIndicatorParams,
) -> int:
    """``value`` as an int in ``[low, high]``, else ``error`` naming ``param`` and the range."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise error(param, f"must be an integer from {low} to {high}, got {value!r}")
    if not low <= int(value) <= high:
        raise error(param, f"must be from {low} to {high}, got {value}")
    return int(value)


def checked_float(
    param: str,
    value: Any,
    low: float,
    high: float,
    error: type[InvalidIndicatorParams] = InvalidIndicatorParams,
) -> float:
    """``value`` as a float in ``[low, high]`` (NaN refused), else ``error`` naming ``param``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise error(param, f"must be a number from {low} to {high}, got {value!r}")
    number = float(value)
    # `not low <= x <= high` is also true for NaN, so NaN is rejected here too.
    if not low <= number <= high:
        raise error(param, f"must be from {low} to {high}, got {value}")
    return number


def _checked_periods(param: str, value: Any) -> tuple[int, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidIndicatorParams(param, f"must be a list of integers, got {value!r}")
    periods = sorted({checked_int(param, period, MIN_PERIOD, MAX_PERIOD) for period in value})
    if not 1 <= len(periods) <= MAX_MOVING_AVERAGES:
        raise InvalidIndicatorParams(
            param, f"must hold 1 to {MAX_MOVING_AVERAGES} distinct periods, got {len(periods)}"
        )
    return tuple(periods)


def _checked_indicators(value: Any) -> frozenset[Indicator]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidIndicatorParams("indicators", f"must be a list of names, got {value!r}")
    allowed = ", ".join(sorted(ALL_INDICATORS))
    chosen = set()
    for name in value:
        try:
            chosen.add(Indicator(str(name).lower()))
        except ValueError:
            raise InvalidIndicatorParams(
                "indicators", f"must be chosen from {allowed}, got {name!r}"
            ) from None
    if not chosen:
        raise InvalidIndicatorParams("indicators", f"must name at least one of {allowed}")
    return frozenset(chosen)


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    """Which indicators to compute and with which parameters; validated on construction.

    Periods are 2..500 (smoothing periods of the Stochastic 1..500), the MACD fast period must be
    below the slow one, the Bollinger width 0.1..5 standard deviations. Any collection of names
    or periods is accepted; after validation `indicators` is a frozenset of `Indicator` and
    `sma_periods`/`ema_periods` are sorted tuples without duplicates (1 to 10 of them).
    """

    indicators: Collection[str] = ALL_INDICATORS
    rsi_period: int = 14
    macd_fast_period: int = 12
    macd_slow_period: int = 26
    macd_signal_period: int = 9
    bb_period: int = 20
    bb_stddev: float = 2.0
    sma_periods: Collection[int] = (20,)
    ema_periods: Collection[int] = (20,)
    stoch_fastk_period: int = 14
    stoch_slowk_period: int = 3
    stoch_slowd_period: int = 3
    atr_period: int = 14

    def __post_init__(self) -> None:
        set_field = object.__setattr__
        set_field(self, "indicators", _checked_indicators(self.indicators))
        for name in (
            "rsi_period",
            "macd_fast_period",
            "macd_slow_period",
            "macd_signal_period",
            "bb_period",
            "stoch_fastk_period",
            "atr_period",
        ):
            set_field(self, name, checked_int(name, getattr(self, name), MIN_PERIOD, MAX_PERIOD))
        for name in ("stoch_slowk_period", "stoch_slowd_period"):
            set_field(
                self,
                name,
                checked_int(name, getattr(self, name), MIN_SMOOTHING_PERIOD, MAX_PERIOD),
            )
        if self.macd_fast_period >= self.macd_slow_period:
            raise InvalidIndicatorParams(
                "macd_fast_period",
                f"must be below macd_slow_period ({self.macd_slow_period}), "
                f"got {self.macd_fast_period}",
            )
        set_field(
            self,
            "bb_stddev",
            checked_float("bb_stddev", self.bb_stddev, MIN_BB_STDDEV, MAX_BB_STDDEV),
        )
        set_field(self, "sma_periods", _checked_periods("sma_periods", self.sma_periods))
        set_field(self, "ema_periods", _checked_periods("ema_periods", self.ema_periods))

    def output_names(self) -> tuple[str, ...]:
        """The keys `compute_indicators` returns for this spec, in a stable order."""
        names: list[str] = []
        if Indicator.RSI in self.indicators:
            names.append("rsi")
        if Indicator.MACD in self.indicators:
            names += ["macd", "macd_signal", "macd_hist"]
        if Indicator.BBANDS in self.indicators:
            names += ["bb_upper", "bb_middle", "bb_lower"]
        if Indicator.SMA in self.indicators:
            names += [f"sma_{period}" for period in self.sma_periods]
        if Indicator.EMA in self.indicators:
            names += [f"ema_{period}" for period in self.ema_periods]
        if Indicator.STOCH in self.indicators:
            names += ["stoch_k", "stoch_d"]
        if Indicator.OBV in self.indicators:
            names.append("obv")
        if Indicator.ATR in self.indicators:
            names.append("atr")
        return tuple(names)


DEFAULT_SPEC: Final = IndicatorSpec()


def _latest_or_none(values: FloatArray) -> float | None:
    if values.shape[0] == 0:
        return None
    latest = float(values[-1])
    return latest if np.isfinite(latest) else None


@dataclass(frozen=True, eq=False, slots=True)
class IndicatorResult:
    """Named indicator arrays, each as long as the bars, NaN during warm-up, read-only."""

    spec: IndicatorSpec
    length: int
    values: Mapping[str, FloatArray] = field(default_factory=lambda: MappingProxyType({}))

    def __getitem__(self, name: str) -> FloatArray:
        return self.values[name]

    def __contains__(self, name: object) -> bool:
        return name in self.values

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def get(self, name: str) -> FloatArray | None:
        return self.values.get(name)

    def names(self) -> tuple[str, ...]:
        return tuple(self.values)

    def latest(self) -> dict[str, float | None]:
        """The value of every indicator at the last bar; None where it is still warming up."""
        return {name: _latest_or_none(values) for name, values in self.values.items()}

    def head(self, length: int) -> IndicatorResult:
        """The first `length` values of every indicator, as views (no copy)."""
        return IndicatorResult(
            spec=self.spec,
            length=min(length, self.length),
            values=MappingProxyType(
                {name: values[:length] for name, values in self.values.items()}
            ),
        )


def compute_indicators(bars: Bars, spec: IndicatorSpec = DEFAULT_SPEC) -> IndicatorResult:
    """Compute the indicators `spec` asks for; outputs equal TA-Lib's, NaN during warm-up."""
    chosen = spec.indicators
    high, low, close = bars.high, bars.low, bars.close
    values: dict[str, FloatArray] = {}
    if Indicator.RSI in chosen:
        values["rsi"] = talib.RSI(close, timeperiod=spec.rsi_period)
    if Indicator.MACD in chosen:
        values["macd"], values["macd_signal"], values["macd_hist"] = talib.MACD(
            close,
            fastperiod=spec.macd_fast_period,
            slowperiod=spec.macd_slow_period,
            signalperiod=spec.macd_signal_period,
        )
    if Indicator.BBANDS in chosen:
        values["bb_upper"], values["bb_middle"], values["bb_lower"] = talib.BBANDS(
            close,
            timeperiod=spec.bb_period,
            nbdevup=spec.bb_stddev,
            nbdevdn=spec.bb_stddev,
            matype=talib.MA_Type.SMA,
        )
    if Indicator.SMA in chosen:
        for period in spec.sma_periods:
            values[f"sma_{period}"] = talib.SMA(close, timeperiod=period)
    if Indicator.EMA in chosen:
        for period in spec.ema_periods:
            values[f"ema_{period}"] = talib.EMA(close, timeperiod=period)
    if Indicator.STOCH in chosen:
        values["stoch_k"], values["stoch_d"] = talib.STOCH(
            high,
            low,
            close,
            fastk_period=spec.stoch_fastk_period,
            slowk_period=spec.stoch_slowk_period,
            slowk_matype=talib.MA_Type.SMA,
            slowd_period=spec.stoch_slowd_period,
            slowd_matype=talib.MA_Type.SMA,
        )
    if Indicator.OBV in chosen:
        values["obv"] = talib.OBV(close, bars.volume)
    if Indicator.ATR in chosen:
        values["atr"] = talib.ATR(high, low, close, timeperiod=spec.atr_period)
    for array in values.values():
        array.setflags(write=False)
    return IndicatorResult(spec=spec, length=len(bars), values=MappingProxyType(values))
