"""Checks on a price frame before it is stored: OHLC sanity, calendar gaps and price spikes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from stockvis.core.calendars import UnknownExchange, sessions_between
from stockvis.providers.base import PRICE_COLUMNS

FlagKind = Literal["gap", "spike", "ohlc"]

DEFAULT_SPIKE_THRESHOLD = 0.30
# Relative slack for high/low comparisons so float noise is not called bad data.
DEFAULT_OHLC_TOLERANCE = 1e-9
#: No market data is older than this; an earlier date is a typo or a parser's guess.
FIRST_PLAUSIBLE_DATE = dt.date(1900, 1, 1)

# KRX price ticks by price level (won): a price below the bound moves in steps of the tick.
_KRX_TICKS: tuple[tuple[float, float], ...] = (
    (2_000, 1),
    (5_000, 5),
    (20_000, 10),
    (50_000, 50),
    (200_000, 100),
    (500_000, 500),
    (float("inf"), 1_000),
)
# US equities quote in cents from $1 up, in hundredths of a cent below (Reg NMS rule 612).
_US_EXCHANGES = frozenset({"XNYS", "XNAS", "XASE", "ARCX", "BATS", "NYSE", "NASDAQ", "IEXG"})
_KRX_EXCHANGES = frozenset({"XKRX", "XKOS"})


@dataclass(frozen=True, slots=True)
class RowIssue:
    """A row that was not stored, and every rule it broke."""

    date: dt.date | None
    rules: tuple[str, ...]
    detail: str


@dataclass(frozen=True, slots=True)
class QualityFlag:
    """Something worth a look in the admin; becomes a DataQualityFlag row."""

    kind: FlagKind
    date: dt.date
    detail: str


@dataclass(frozen=True, eq=False)
class ValidationReport:
    """``clean`` holds the rows to store (oldest first); the rest explains what was seen."""

    clean: pd.DataFrame
    rejected: list[RowIssue] = field(default_factory=list)
    flags: list[QualityFlag] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.flags


def price_tick(exchange: str, price: np.ndarray) -> np.ndarray:
    """The smallest price step at each ``price`` on ``exchange``; 0 where we do not know it.

    KRX ticks grow with the price level; US listings move in cents. Other markets (crypto, FX,
    indices) get no tick slack, only the float tolerance.
    """
    price = np.abs(np.nan_to_num(price, nan=0.0, posinf=0.0, neginf=0.0))
    if exchange in _KRX_EXCHANGES:
        bounds = np.array([bound for bound, _ in _KRX_TICKS])
        ticks = np.array([tick for _, tick in _KRX_TICKS])
        return ticks[np.searchsorted(bounds, price, side="right")]
    if exchange in _US_EXCHANGES:
        return np.where(price < 1.0, 0.0001, 0.01)
    return np.zeros_like(price)


def _date_masks(dates: pd.Series, today: dt.date | None) -> np.ndarray:
    """Rows dated before 1900 or after tomorrow (when ``today`` is known): no real bar has those."""
    stamps = pd.DatetimeIndex(dates)
    too_early = stamps < pd.Timestamp(FIRST_PLAUSIBLE_DATE)
    if today is None:
        return np.asarray(too_early)
    latest = pd.Timestamp(today + dt.timedelta(days=1))
    return np.asarray(too_early | (stamps > latest))


@dataclass(frozen=True, slots=True)
class _OhlcCheck:
    broken: dict[str, np.ndarray]
    #: high or low off by no more than one price tick: stored, but flagged for a human.
    near_miss: np.ndarray


def _ohlc_violations(
    frame: pd.DataFrame, tolerance: float, exchange: str, today: dt.date | None
) -> _OhlcCheck:
    """Rule name → boolean mask of the rows breaking it (vectorised over the frame)."""
    o, h, lo, c, v = (frame[col].to_numpy(dtype="float64") for col in PRICE_COLUMNS[1:])
    prices = np.column_stack([o, h, lo, c, v])
    with np.errstate(invalid="ignore"):
        top = np.fmax(o, c)
        bottom = np.fmin(o, c)
        slack_top = np.abs(top) * tolerance
        slack_bottom = np.abs(bottom) * tolerance
        # A tick is the step at the price level being compared.
        high_short = h < top - slack_top
        low_over = lo > bottom + slack_bottom
        high_broken = h < top - price_tick(exchange, top) - slack_top
        low_broken = lo > bottom + price_tick(exchange, bottom) + slack_bottom
        broken = {
            "missing value": np.isnan(prices).any(axis=1),
            "non-finite value": np.isinf(prices).any(axis=1),
            "date out of range": _date_masks(frame["date"], today),
            "price <= 0": (prices[:, :4] <= 0).any(axis=1),
            "volume < 0": v < 0,
            "high < low": h < lo - np.abs(lo) * tolerance,
            "high < max(open, close)": high_broken,
            "low > min(open, close)": low_broken,
        }
    any_broken = np.zeros(len(frame), dtype=bool)
    for mask in broken.values():
        any_broken |= mask
    return _OhlcCheck(broken, (high_short | low_over) & ~any_broken)


def _describe(row: pd.Series) -> str:
    return ", ".join(f"{col}={row[col]:g}" for col in PRICE_COLUMNS[1:])


def _row_date(row: pd.Series) -> dt.date | None:
    return row["date"].date() if pd.notna(row["date"]) else None


def _tick_flags(frame: pd.DataFrame, near_miss: np.ndarray) -> list[QualityFlag]:
    return [
        QualityFlag(
            "ohlc",
            frame.iloc[index]["date"].date(),
            f"high/low within one price tick of open/close, stored ({_describe(frame.iloc[index])})",
        )
        for index in np.flatnonzero(near_miss)
    ]


def check_ohlc_flagged(
    frame: pd.DataFrame,
    tolerance: float = DEFAULT_OHLC_TOLERANCE,
    *,
    exchange: str = "",
    today: dt.date | None = None,
) -> tuple[pd.DataFrame, list[RowIssue], list[QualityFlag]]:
    """``check_ohlc`` plus flags for the rows kept although a price is off by one tick."""
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    check = _ohlc_violations(frame, tolerance, exchange, today)
    rules = dict(check.broken)
    rules["duplicate date"] = frame["date"].duplicated(keep="last").to_numpy()
    bad = np.zeros(len(frame), dtype=bool)
    for mask in rules.values():
        bad |= mask
    issues: list[RowIssue] = []
    for index in np.flatnonzero(bad):
        row = frame.iloc[index]
        broken = tuple(name for name, mask in rules.items() if mask[index])
        detail = f"{'; '.join(broken)} ({_describe(row)})"
        issues.append(RowIssue(date=_row_date(row), rules=broken, detail=detail))
    flags = _tick_flags(frame, check.near_miss & ~bad)
    return frame.loc[~bad].reset_index(drop=True), issues, flags


def check_ohlc(
    frame: pd.DataFrame,
    tolerance: float = DEFAULT_OHLC_TOLERANCE,
    *,
    exchange: str = "",
    today: dt.date | None = None,
) -> tuple[pd.DataFrame, list[RowIssue]]:
    """Split rows into the sane and the rejected; a later row for the same date wins.

    Rejected: a missing or non-finite value, a price <= 0, a negative volume, a date before 1900
    or after tomorrow (``today`` given), high below low, or high/low on the wrong side of
    open/close by more than one price tick of ``exchange``.
    """
    clean, issues, _ = check_ohlc_flagged(frame, tolerance, exchange=exchange, today=today)
    return clean, issues


def _runs(positions: np.ndarray) -> list[tuple[int, int]]:
    """Consecutive integer runs in sorted ``positions`` as (first, last) pairs."""
    if positions.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(positions) != 1)
    starts = np.concatenate(([positions[0]], positions[breaks + 1]))
    ends = np.concatenate((positions[breaks], [positions[-1]]))
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def find_gaps(
    dates: pd.Series, exchange: str, start: dt.date | None = None, end: dt.date | None = None
) -> list[QualityFlag]:
    """Sessions of ``exchange`` between ``start`` and ``end`` with no bar, one flag per run.

    Defaults to the span of ``dates``: what lies before the first bar is history not yet
    collected, not a hole.
    """
    present = pd.DatetimeIndex(dates).normalize()
    if present.empty:
        return []
    first = start or present.min().date()
    last = end or present.max().date()
    sessions = pd.DatetimeIndex(pd.to_datetime(sessions_between(exchange, first, last)))
    missing_mask = ~sessions.isin(present)
    flags: list[QualityFlag] = []
    for lo, hi in _runs(np.flatnonzero(missing_mask)):
        a, b = sessions[lo].date(), sessions[hi].date()
        count = hi - lo + 1
        span = f"{a}" if a == b else f"{a}..{b}"
        noun = "session" if count == 1 else "sessions"
        flags.append(QualityFlag("gap", a, f"{count} missing {exchange} {noun}: {span}"))
    return flags


def find_spikes(
    frame: pd.DataFrame,
    threshold: float = DEFAULT_SPIKE_THRESHOLD,
    splits: Mapping[dt.date, float] | None = None,
) -> list[QualityFlag]:
    """Closes that moved more than ``threshold`` (0.30 = 30%) from the previous bar.

    ``splits`` (ex-date → new shares per old share) are known corporate actions: the move on a
    split's ex-date is measured on split-adjusted prices, so a 2-for-1 split is no -50% spike.
    """
    close = frame["close"].to_numpy(dtype="float64")
    if close.size < 2:
        return []
    previous = close[:-1] / _split_ratios(frame["date"], splits or {})
    with np.errstate(divide="ignore", invalid="ignore"):
        change = close[1:] / previous - 1.0
    hits = np.flatnonzero(np.abs(change) > threshold) + 1
    dates = frame["date"]
    return [
        QualityFlag(
            "spike",
            dates.iloc[i].date(),
            f"close {close[i]:g} vs previous {close[i - 1]:g} on "
            f"{dates.iloc[i - 1]:%Y-%m-%d}: {change[i - 1]:+.1%}",
        )
        for i in hits
    ]


def _split_ratios(dates: pd.Series, splits: Mapping[dt.date, float]) -> np.ndarray:
    """For each bar after the first, the split ratio between it and the bar before (1 if none)."""
    ratios = np.ones(max(len(dates) - 1, 0))
    if not splits or ratios.size == 0:
        return ratios
    days = pd.DatetimeIndex(dates).normalize()
    for ex_date, ratio in splits.items():
        if not ratio or ratio <= 0:
            continue
        stamp = pd.Timestamp(ex_date)
        # The split lies between bar i-1 (before it) and bar i (on or after it).
        after = np.flatnonzero((days[1:] >= stamp) & (days[:-1] < stamp))
        ratios[after] *= ratio
    return ratios


def validate_prices(
    frame: pd.DataFrame,
    *,
    exchange: str,
    spike_threshold: float = DEFAULT_SPIKE_THRESHOLD,
    ohlc_tolerance: float = DEFAULT_OHLC_TOLERANCE,
    gap_start: dt.date | None = None,
    gap_end: dt.date | None = None,
    check_gaps: bool = True,
    today: dt.date | None = None,
    splits: Mapping[dt.date, float] | None = None,
) -> ValidationReport:
    """Run every check on a canonical daily price frame.

    Rows breaking an OHLC rule are rejected (not stored) and flagged; gaps and spikes are only
    flagged, because the bars around them are real and a human decides what to do. ``today``
    (the caller's date; this module reads no clock) bounds the dates a bar may carry; ``splits``
    are the asset's known splits, which explain a jump instead of flagging it.
    """
    clean, rejected, tick_flags = check_ohlc_flagged(
        frame, ohlc_tolerance, exchange=exchange, today=today
    )
    flags = [
        QualityFlag("ohlc", issue.date, issue.detail)
        for issue in rejected
        # A flag is about a real session; a bar dated 1600 or 2099 is only reported.
        if issue.date is not None and "date out of range" not in issue.rules
    ]
    warnings = [f"{issue.date}: rejected, {issue.detail}" for issue in rejected]
    flags.extend(tick_flags)
    warnings.extend(f"{flag.date}: {flag.detail}" for flag in tick_flags)
    if check_gaps and not clean.empty:
        try:
            gaps = find_gaps(clean["date"], exchange, gap_start, gap_end)
        except UnknownExchange as exc:
            warnings.append(f"gap check skipped: {exc}")
        else:
            flags.extend(gaps)
            warnings.extend(f"gap: {flag.detail}" for flag in gaps)
    spikes = find_spikes(clean, spike_threshold, splits)
    flags.extend(spikes)
    warnings.extend(f"{flag.date}: spike, {flag.detail}" for flag in spikes)
    return ValidationReport(clean=clean, rejected=rejected, flags=flags, warnings=warnings)
