"""Back-adjustment of price bars for splits and dividends (pure: arrays in, arrays out).

Raw bars are kept as collected; this turns them into the series a chart or an indicator should
read, in which a 2-for-1 split is not a -50 % day and an ex-dividend drop is not a loss. Prices
are back-adjusted: the latest bar keeps its price, every earlier bar is scaled by the product of
the factors of the actions after it (the convention of Alpha Vantage, Yahoo and CRSP):

- a split of ratio r (new shares per old share) scales earlier prices by 1/r and volumes by r;
- a cash dividend D with ex-date t scales earlier prices by 1 - D / C, where C is the close of
  the last bar before t (a dividend as large as that close is ignored: it cannot be right);
- an action dated after the last bar (a dividend announced ahead) is not applied yet.

A weekly bar spans several sessions: its open belongs to the week's first session, its close to
the last. An action whose ex-date falls inside the week therefore adjusts that week's open but not
its close; high and low follow the close and are then kept outside open and close.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

ActionKindName = Literal["split", "dividend"]


@dataclass(frozen=True, slots=True)
class CorporateEvent:
    """A split (``value`` = new shares per old share) or a cash dividend (``value`` per share)."""

    ex_date: dt.date
    kind: ActionKindName
    value: float


@dataclass(frozen=True, slots=True)
class AdjustmentFactors:
    """Per bar: the factor for its close, high and low; for its open; and for its volume."""

    price: np.ndarray
    open: np.ndarray
    volume: np.ndarray

    @property
    def is_identity(self) -> bool:
        return bool(
            np.all(self.price == 1.0) and np.all(self.open == 1.0) and np.all(self.volume == 1.0)
        )


@dataclass(frozen=True, slots=True)
class AdjustedBars:
    open: np.ndarray
    high: np.ndarray
    low: np.ndarray
    close: np.ndarray
    volume: np.ndarray


def as_days(dates: Sequence[dt.date] | np.ndarray) -> np.ndarray:
    """Dates as ``datetime64[D]`` (date objects, ISO strings or datetime64 of any unit)."""
    return np.asarray(dates, dtype="datetime64[D]")


def _week_starts(days: np.ndarray) -> np.ndarray:
    # 1970-01-01 was a Thursday: shift by 3 so that Monday is weekday 0.
    weekday = (days.astype("int64") + 3) % 7
    return days - weekday.astype("timedelta64[D]")


def adjustment_factors(
    dates: Sequence[dt.date] | np.ndarray,
    close: np.ndarray,
    events: Iterable[CorporateEvent],
    *,
    weekly: bool = False,
    dividends: bool = True,
) -> AdjustmentFactors:
    """The back-adjustment factors of bars dated ``dates`` (oldest first) with raw ``close``.

    ``dividends=False`` adjusts for splits only (what a share count needs).
    """
    days = as_days(dates)
    close = np.asarray(close, dtype="float64")
    price = np.ones(days.size)
    volume = np.ones(days.size)
    opens = np.ones(days.size)
    open_days = _week_starts(days) if weekly else days
    if days.size == 0:
        return AdjustmentFactors(price=price, open=opens, volume=volume)
    for event in sorted(events, key=lambda e: (e.ex_date, e.kind)):
        ex = np.datetime64(event.ex_date, "D")
        if ex > days[-1]:
            # Announced but not yet effective for these bars: the latest price stays as traded.
            continue
        before_close = days < ex
        before_open = open_days < ex
        if event.kind == "split":
            if not event.value > 0 or not np.isfinite(event.value):
                continue
            factor = 1.0 / event.value
            volume[before_close] *= event.value
        else:
            if not dividends:
                continue
            earlier = np.flatnonzero(before_close)
            if earlier.size == 0:
                continue  # no bar before the ex-date: nothing to adjust
            reference = close[earlier[-1]]
            if not (np.isfinite(reference) and 0 < event.value < reference):
                continue
            factor = 1.0 - event.value / reference
        price[before_close] *= factor
        opens[before_open] *= factor
    return AdjustmentFactors(price=price, open=opens, volume=volume)


def adjust_bars(
    dates: Sequence[dt.date] | np.ndarray,
    open_: np.ndarray,
    high: np.ndarray,
    low: np.ndarray,
    close: np.ndarray,
    volume: np.ndarray,
    events: Iterable[CorporateEvent],
    *,
    weekly: bool = False,
    dividends: bool = True,
) -> AdjustedBars:
    """Back-adjusted OHLCV of raw bars (oldest first); the inputs are not modified."""
    factors = adjustment_factors(dates, close, events, weekly=weekly, dividends=dividends)
    adj_open = np.asarray(open_, dtype="float64") * factors.open
    adj_close = np.asarray(close, dtype="float64") * factors.price
    adj_high = np.asarray(high, dtype="float64") * factors.price
    adj_low = np.asarray(low, dtype="float64") * factors.price
    if weekly:
        # Only an in-week action makes the open's factor differ; keep the bar well-formed.
        adj_high = np.fmax(adj_high, np.fmax(adj_open, adj_close))
        adj_low = np.fmin(adj_low, np.fmin(adj_open, adj_close))
    return AdjustedBars(
        open=adj_open,
        high=adj_high,
        low=adj_low,
        close=adj_close,
        volume=np.asarray(volume, dtype="float64") * factors.volume,
    )


def split_ratio_between(events: Iterable[CorporateEvent], after: dt.date, up_to: dt.date) -> float:
    """Shares held on ``up_to`` for each share held at the end of ``after``.

    Splits with an ex-date in (``after``, ``up_to``]: a holder of 10 shares bought before a
    2-for-1 split holds 20 after it, at the same total cost.
    """
    ratio = 1.0
    for event in events:
        if event.kind == "split" and after < event.ex_date <= up_to and event.value > 0:
            ratio *= event.value
    return ratio
