"""Checks on a price frame before it is stored: OHLC sanity, calendar gaps and price spikes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from stockvis.core.calendars import UnknownExchange, sessions_between
from stockvis.providers.base import PRICE_COLUMNS

FlagKind = Literal["gap", "spike", "ohlc"]

DEFAULT_SPIKE_THRESHOLD = 0.30
# Relative slack for high/low comparisons so float noise is not called bad data. Callers may
# widen it: back-adjusted KRX series round high and close to different ticks (high 3899, close
# 3900 in Samsung's 2000s history).
DEFAULT_OHLC_TOLERANCE = 1e-9


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


def _ohlc_violations(frame: pd.DataFrame, tolerance: float) -> dict[str, np.ndarray]:
    """Rule name → boolean mask of the rows breaking it (vectorised over the frame)."""
    o, h, lo, c, v = (frame[col].to_numpy(dtype="float64") for col in PRICE_COLUMNS[1:])
    prices = np.column_stack([o, h, lo, c])
    with np.errstate(invalid="ignore"):
        top = np.fmax(o, c)
        bottom = np.fmin(o, c)
        return {
            "missing value": np.isnan(prices).any(axis=1) | np.isnan(v),
            "price <= 0": (prices <= 0).any(axis=1),
            "volume < 0": v < 0,
            "high < max(open, close)": h < top - np.abs(top) * tolerance,
            "low > min(open, close)": lo > bottom + np.abs(bottom) * tolerance,
        }


def check_ohlc(
    frame: pd.DataFrame, tolerance: float = DEFAULT_OHLC_TOLERANCE
) -> tuple[pd.DataFrame, list[RowIssue]]:
    """Split rows into the sane and the rejected; a later row for the same date wins."""
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    rules = _ohlc_violations(frame, tolerance)
    rules["duplicate date"] = frame["date"].duplicated(keep="last").to_numpy()
    bad = np.zeros(len(frame), dtype=bool)
    for mask in rules.values():
        bad |= mask
    issues: list[RowIssue] = []
    for index in np.flatnonzero(bad):
        row = frame.iloc[index]
        broken = tuple(name for name, mask in rules.items() if mask[index])
        date = row["date"].date() if pd.notna(row["date"]) else None
        values = ", ".join(f"{col}={row[col]:g}" for col in PRICE_COLUMNS[1:])
        issues.append(RowIssue(date=date, rules=broken, detail=f"{'; '.join(broken)} ({values})"))
    return frame.loc[~bad].reset_index(drop=True), issues


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
    frame: pd.DataFrame, threshold: float = DEFAULT_SPIKE_THRESHOLD
) -> list[QualityFlag]:
    """Closes that moved more than ``threshold`` (0.30 = 30%) from the previous bar."""
    close = frame["close"].to_numpy(dtype="float64")
    if close.size < 2:
        return []
    previous = close[:-1]
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


def validate_prices(
    frame: pd.DataFrame,
    *,
    exchange: str,
    spike_threshold: float = DEFAULT_SPIKE_THRESHOLD,
    ohlc_tolerance: float = DEFAULT_OHLC_TOLERANCE,
    gap_start: dt.date | None = None,
    gap_end: dt.date | None = None,
    check_gaps: bool = True,
) -> ValidationReport:
    """Run every check on a canonical daily price frame.

    Rows breaking an OHLC rule are rejected (not stored) and flagged; gaps and spikes are only
    flagged, because the bars around them are real and a human decides what to do.
    """
    clean, rejected = check_ohlc(frame, ohlc_tolerance)
    flags = [
        QualityFlag("ohlc", issue.date, issue.detail)
        for issue in rejected
        if issue.date is not None
    ]
    warnings = [f"{issue.date}: rejected, {issue.detail}" for issue in rejected]
    if check_gaps and not clean.empty:
        try:
            gaps = find_gaps(clean["date"], exchange, gap_start, gap_end)
        except UnknownExchange as exc:
            warnings.append(f"gap check skipped: {exc}")
        else:
            flags.extend(gaps)
            warnings.extend(f"gap: {flag.detail}" for flag in gaps)
    spikes = find_spikes(clean, spike_threshold)
    flags.extend(spikes)
    warnings.extend(f"{flag.date}: spike, {flag.detail}" for flag in spikes)
    return ValidationReport(clean=clean, rejected=rejected, flags=flags, warnings=warnings)
