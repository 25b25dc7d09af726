"""The one place the ML code reads an asset's bars: closed daily bars through the market selectors."""

# Everything in stockvis.ml (training, prediction, portfolio risk, monitoring) goes through
# `asset_bars`, so which source wins (real over synthetic) and whether the series is
# split-adjusted is decided here, in one function, by the market selectors it calls.

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from stockvis.analysis.indicators import Bars
from stockvis.analysis.sessions import closed_bar_count
from stockvis.market.corporate_actions import adjusted_bars
from stockvis.market.models import SYNTHETIC_SOURCE, Asset


@dataclass(frozen=True)
class AssetSeries:
    asset: Asset
    source: str
    dates: list[dt.date]
    bars: Bars

    @property
    def synthetic(self) -> bool:
        return self.source == SYNTHETIC_SOURCE

    def __len__(self) -> int:
        return len(self.dates)

    def tail(self, count: int) -> AssetSeries:
        if count >= len(self.dates):
            return self
        start = len(self.dates) - count
        b = self.bars
        return AssetSeries(
            self.asset,
            self.source,
            self.dates[start:],
            Bars(
                open=b.open[start:],
                high=b.high[start:],
                low=b.low[start:],
                close=b.close[start:],
                volume=b.volume[start:],
                dates=None if b.dates is None else b.dates[start:],
            ),
        )


def asset_bars(asset: Asset, *, now: dt.datetime, end: dt.date | None = None) -> AssetSeries:
    """The asset's closed daily bars (a session still trading at ``now`` is left out),
    back-adjusted for the splits and dividends effective by their last bar."""
    columns = adjusted_bars(asset, bar_type="daily", end=end)
    closed = closed_bar_count(columns.dates, exchange=asset.exchange, bar_type="daily", now=now)
    dates = columns.dates[:closed]
    bars = Bars(
        open=columns.open[:closed],
        high=columns.high[:closed],
        low=columns.low[:closed],
        close=columns.close[:closed],
        volume=columns.volume[:closed],
        dates=np.asarray(dates, dtype="datetime64[D]"),
    )
    return AssetSeries(asset, columns.source, dates, bars)
