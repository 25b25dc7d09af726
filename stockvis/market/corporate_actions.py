"""Reads of splits and dividends, and adjusted bars built from them (the adapter over
``stockvis.market.adjustment``).

``adjusted_bars`` is what analysis, the screener and predictions read; the chart and indicator
endpoints call ``adjusted_columns`` or ``adjusted_chart_rows`` when asked for ``adjusted=true``.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import replace

from stockvis.core import numbers
from stockvis.market.adjustment import ActionKindName, CorporateEvent, adjust_bars
from stockvis.market.models import Asset, CorporateAction, CorporateActionKind
from stockvis.market.selectors import BarColumns, ChartRows, bars_between


def corporate_events(asset: Asset, *, bars_source: str | None = None) -> list[CorporateEvent]:
    """The asset's splits and dividends that bars of ``bars_source`` do not already reflect.

    Several sources may report the same action; one event per (ex-date, kind) is kept, the bars'
    own source first. An action that the bars' source marks as already in its prices (Yahoo's
    split-adjusted OHLC) is left out, so it is never applied twice.
    """
    rows = CorporateAction.objects.filter(asset=asset).values_list(
        "ex_date", "kind", "ratio", "amount", "source", "in_prices"
    )
    chosen: dict[tuple[dt.date, str], tuple[bool, str, CorporateEvent | None]] = {}
    for ex_date, kind, ratio, amount, source, in_prices in rows:
        own = source == bars_source
        value = ratio if kind == CorporateActionKind.SPLIT else amount
        event = None
        if not (own and in_prices) and value is not None:
            name: ActionKindName = "split" if kind == CorporateActionKind.SPLIT else "dividend"
            event = CorporateEvent(ex_date, name, float(value))
        key = (ex_date, kind)
        current = chosen.get(key)
        # The bars' own source decides; otherwise the alphabetically first source, so the
        # answer never depends on row order.
        rank = (not own, source)
        if current is None or rank < (not current[0], current[1]):
            chosen[key] = (own, source, event)
    return sorted(
        (event for _, _, event in chosen.values() if event is not None),
        key=lambda e: (e.ex_date, e.kind),
    )


def known_splits(asset: Asset, *, bars_source: str) -> dict[dt.date, float]:
    """Split ex-date → ratio, for the spike check of bars of ``bars_source``."""
    return {
        event.ex_date: event.value
        for event in corporate_events(asset, bars_source=bars_source)
        if event.kind == "split"
    }


def adjusted_columns(
    asset: Asset, columns: BarColumns, *, bar_type: str, dividends: bool = True
) -> BarColumns:
    """``columns`` (the whole stored history, oldest first) back-adjusted for the asset's actions."""
    if not len(columns):
        return columns
    events = corporate_events(asset, bars_source=columns.source)
    if not events:
        return columns
    adjusted = adjust_bars(
        columns.dates,
        columns.open,
        columns.high,
        columns.low,
        columns.close,
        columns.volume,
        events,
        weekly=bar_type == "weekly",
        dividends=dividends,
    )
    return replace(
        columns,
        open=adjusted.open,
        high=adjusted.high,
        low=adjusted.low,
        close=adjusted.close,
        volume=adjusted.volume,
    )


def adjusted_bars(
    asset: Asset,
    *,
    bar_type: str = "daily",
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str | None = None,
    dividends: bool = True,
) -> BarColumns:
    """An asset's bars adjusted for splits and (unless ``dividends=False``) dividends.

    The adapter for whoever wants "an asset's adjusted bars" (analysis, predictions). The source
    is the one charts show (``bars_between``'s choice) unless given. Factors come from the
    history up to ``end`` and the actions effective by then, so a window's values do not depend
    on where it starts, and bars as of ``end`` know nothing of actions after it.
    """
    columns = bars_between(asset, bar_type=bar_type, end=end, source=source)
    adjusted = adjusted_columns(asset, columns, bar_type=bar_type, dividends=dividends)
    if start is None:
        return adjusted
    first = bisect_left(adjusted.dates, start)
    return BarColumns(
        adjusted.source,
        adjusted.dates[first:],
        adjusted.open[first:],
        adjusted.high[first:],
        adjusted.low[first:],
        adjusted.close[first:],
        adjusted.volume[first:],
    )


def adjusted_chart_rows(asset: Asset, rows: ChartRows, *, bar_type: str) -> ChartRows:
    """A chart window's rows with adjusted values (factors from the source's whole history)."""
    if not rows.rows:
        return rows
    full = adjusted_bars(asset, bar_type=bar_type, source=rows.source)
    by_date = {day.isoformat(): i for i, day in enumerate(full.dates)}
    adjusted: list[tuple[str, float, float, float, float, float]] = []
    for row in rows.rows:
        i = by_date.get(row[0])
        if i is None:
            adjusted.append(row)
            continue
        # Rounded like every displayed price: an adjusted 49.99999999 reads 50.0.
        values = (full.open[i], full.high[i], full.low[i], full.close[i], full.volume[i])
        o, h, lo, c, v = (numbers.price(float(value)) or 0.0 for value in values)
        adjusted.append((row[0], o, h, lo, c, v))
    return ChartRows(rows.source, adjusted)
