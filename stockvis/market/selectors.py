"""Reads of market data. Bulk bars leave the database as columns, never as model instances."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db.models import Max

from stockvis.market.models import Asset, DailyPrice, PriceBarBase, WeeklyPrice
from stockvis.market.params import ChartWindow

BAR_MODELS: dict[str, type[PriceBarBase]] = {"daily": DailyPrice, "weekly": WeeklyPrice}


@dataclass(frozen=True)
class BarColumns:
    """An asset's bars from one source, oldest first, as parallel columns."""

    source: str
    dates: list[dt.date]
    open: np.ndarray
    high: np.ndarray
    low: np.ndarray
    close: np.ndarray
    volume: np.ndarray

    def __len__(self) -> int:
        return len(self.dates)


def bar_source(asset: Asset, bar_type: str = "daily") -> str | None:
    """The source to read: the asset's preferred one if it has bars, else the one with the newest bar."""
    model = BAR_MODELS[bar_type]
    sources = dict(
        model._default_manager.filter(asset=asset).values_list("source").annotate(last=Max("date"))
    )
    if not sources:
        return None
    if asset.preferred_source in sources:
        return asset.preferred_source
    return max(sources, key=lambda s: sources[s])


def bars_between(
    asset: Asset,
    *,
    bar_type: str = "daily",
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str | None = None,
) -> BarColumns:
    source = source or bar_source(asset, bar_type) or asset.preferred_source
    rows = BAR_MODELS[bar_type]._default_manager.filter(asset=asset, source=source)
    if start is not None:
        rows = rows.filter(date__gte=start)
    if end is not None:
        rows = rows.filter(date__lte=end)
    data = list(rows.order_by("date").values_list("date", "open", "high", "low", "close", "volume"))
    if not data:
        empty = np.empty(0)
        return BarColumns(source, [], empty, empty, empty, empty, empty)
    dates, opens, highs, lows, closes, volumes = zip(*data, strict=True)
    as_array = np.asarray
    return BarColumns(
        source,
        list(dates),
        as_array(opens, dtype="float64"),
        as_array(highs, dtype="float64"),
        as_array(lows, dtype="float64"),
        as_array(closes, dtype="float64"),
        as_array(volumes, dtype="float64"),
    )


def bars_for_window(asset: Asset, window: ChartWindow) -> BarColumns:
    """The bars a chart window shows, counted back from the asset's latest stored bar."""
    source = bar_source(asset, window.bar_type)
    if source is None:
        return bars_between(asset, bar_type=window.bar_type, source=asset.preferred_source)
    latest = (
        BAR_MODELS[window.bar_type]
        ._default_manager.filter(asset=asset, source=source)
        .aggregate(Max("date"))["date__max"]
    )
    start = window.start_for(latest) if latest else None
    return bars_between(asset, bar_type=window.bar_type, start=start, source=source)
