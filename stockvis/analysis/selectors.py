"""Reads for the indicator API and the screener: whole bar histories, snapshot rows."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet

from stockvis.analysis.models import IndicatorSnapshot
from stockvis.analysis.sessions import closed_bar_count
from stockvis.market.corporate_actions import adjusted_columns
from stockvis.market.models import SYNTHETIC_SOURCE, Asset
from stockvis.market.params import ChartWindow
from stockvis.market.selectors import BarColumns, bars_between


@dataclass(frozen=True)
class WindowBars:
    """All stored bars of an asset up to its latest, with where the asked-for window starts.

    Bars before `window_start` are the warm-up: indicators are computed over the whole history
    and then cut, so a date's value never depends on the window asked for and equals TA-Lib
    run over the stored bars. `closed` counts the bars whose session has ended; signals read
    only those.
    """

    columns: BarColumns
    window_start: int
    closed: int


def history(asset: Asset, bar_type: str = "daily", *, adjusted: bool = True) -> BarColumns:
    """Every stored bar of the source a chart shows (``market.selectors.serving_source``: real
    data before synthetic), oldest first, back-adjusted for splits and dividends unless
    ``adjusted=False``: analysis reads adjusted prices."""
    columns = bars_between(asset, bar_type=bar_type)
    return adjusted_columns(asset, columns, bar_type=bar_type) if adjusted else columns


def window_bars(
    asset: Asset, window: ChartWindow, *, now: dt.datetime, adjusted: bool = True
) -> WindowBars:
    columns = history(asset, window.bar_type, adjusted=adjusted)
    start = window.start_for(columns.dates[-1]) if columns.dates else None
    first = bisect_left(columns.dates, start) if start is not None else 0
    closed = closed_bar_count(
        columns.dates, exchange=asset.exchange, bar_type=window.bar_type, now=now
    )
    return WindowBars(columns=columns, window_start=first, closed=closed)


# --- screener ----------------------------------------------------------------------------------

SCREENER_COLUMNS = (
    "asset__symbol",
    "asset__name",
    "asset__name_local",
    "asset__category",
    "asset__market",
    "asset__currency",
    "as_of",
    "source",
    "close",
    "change_percent",
    "rsi",
    "macd_hist",
    "sma_50",
    "sma_200",
    "score",
    "label",
    "rsi_direction",
    "macd_direction",
    "bbands_direction",
    "ma_cross_direction",
    "stoch_direction",
    "obv_direction",
)

# Sort keys the screener accepts, each with its column; ties always break on the symbol.
SORT_COLUMNS: Mapping[str, str] = {
    "score": "score",
    "rsi": "rsi",
    "change": "change_percent",
    "symbol": "asset__symbol",
    "name": "asset__name",
    "as_of": "as_of",
}


@dataclass(frozen=True)
class ScreenerFilters:
    """Validated screener filters; None leaves a filter out."""

    rsi_lt: float | None = None
    rsi_gt: float | None = None
    score_gte: float | None = None
    score_lte: float | None = None
    labels: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    markets: tuple[str, ...] = ()
    macd: str | None = None  # "bullish": MACD above its signal line, "bearish": below
    above_sma200: bool | None = None
    above_sma50: bool | None = None
    synthetic: bool | None = None
    directions: Mapping[str, str] | None = None  # e.g. {"rsi": "buy", "ma_cross": "sell"}


def _above(column: str, above: bool) -> Q:
    return Q(close__gt=F(column)) if above else Q(close__lte=F(column))


def screener_queryset(filters: ScreenerFilters) -> QuerySet[IndicatorSnapshot]:
    rows = IndicatorSnapshot.objects.filter(as_of__isnull=False, asset__is_active=True)
    if filters.rsi_lt is not None:
        rows = rows.filter(rsi__lt=filters.rsi_lt)
    if filters.rsi_gt is not None:
        rows = rows.filter(rsi__gt=filters.rsi_gt)
    if filters.score_gte is not None:
        rows = rows.filter(score__gte=filters.score_gte)
    if filters.score_lte is not None:
        rows = rows.filter(score__lte=filters.score_lte)
    if filters.labels:
        rows = rows.filter(label__in=filters.labels)
    if filters.categories:
        rows = rows.filter(asset__category__in=filters.categories)
    if filters.markets:
        rows = rows.filter(asset__market__in=filters.markets)
    if filters.macd == "bullish":
        rows = rows.filter(macd_hist__gt=0)
    elif filters.macd == "bearish":
        rows = rows.filter(macd_hist__lt=0)
    if filters.above_sma200 is not None:
        rows = rows.filter(_above("sma_200", filters.above_sma200))
    if filters.above_sma50 is not None:
        rows = rows.filter(_above("sma_50", filters.above_sma50))
    if filters.synthetic is not None:
        source_is_synthetic = Q(source=SYNTHETIC_SOURCE)
        rows = rows.filter(source_is_synthetic if filters.synthetic else ~source_is_synthetic)
    for name, direction in (filters.directions or {}).items():
        rows = rows.filter(**{f"{name}_direction": direction})
    return rows


@dataclass(frozen=True)
class ScreenerPage:
    rows: list[dict[str, Any]]
    total: int


def screener_page(
    filters: ScreenerFilters, *, sort: str, page: int, page_size: int
) -> ScreenerPage:
    """One page of matching snapshot rows and the number of all matches.

    Two queries: a window count riding on the page would be one, but it makes SQLite
    materialise every match instead of walking the sort column's index for one page.
    """
    matches = screener_queryset(filters)
    total = matches.count()
    offset = (page - 1) * page_size
    if offset >= total:
        return ScreenerPage(rows=[], total=total)
    descending = sort.startswith("-")
    column = SORT_COLUMNS[sort.lstrip("-")]
    order = (
        F(column).desc(nulls_last=True) if descending else F(column).asc(nulls_last=True),
        "asset__symbol",
    )
    rows = list(matches.order_by(*order).values(*SCREENER_COLUMNS)[offset : offset + page_size])
    return ScreenerPage(rows=rows, total=total)


def assets_missing_snapshot(limit: int) -> list[Asset]:
    """Active assets never snapshotted (a snapshot row exists once an asset has been looked at)."""
    return list(
        Asset.objects.filter(is_active=True, indicator_snapshot__isnull=True).order_by("id")[:limit]
    )


def count_assets_missing_snapshot() -> int:
    return Asset.objects.filter(is_active=True, indicator_snapshot__isnull=True).count()
