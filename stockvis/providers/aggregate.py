"""Weekly bars aggregated from daily bars, for providers that have no weekly endpoint."""

from __future__ import annotations

import pandas as pd

from stockvis.providers.base import PRICE_COLUMNS, empty_price_frame


def weekly_from_daily(daily: pd.DataFrame) -> pd.DataFrame:
    """Aggregate a canonical daily price frame into weekly bars, oldest first.

    Weeks run Monday to Sunday so that weekend sessions of 24/7 assets (crypto) fall into the week
    they end, not the next one. Each bar is labelled with the last session actually present in its
    week (a Thursday when Friday is a holiday), which is what Alpha Vantage does too: open of the
    first session, highest high, lowest low, close of the last session, summed volume.

    An unfinished current week is labelled with its latest session so far, so its label moves as
    the week goes on; whoever stores weekly bars must replace the week, not only the date.
    """
    if daily.empty:
        return empty_price_frame()
    frame = daily.loc[:, list(PRICE_COLUMNS)].sort_values("date", kind="stable")
    week = frame["date"].dt.to_period("W-SUN")
    grouped = frame.groupby(week, sort=True)
    weekly = pd.DataFrame(
        {
            "date": grouped["date"].max(),
            "open": grouped["open"].first(),
            "high": grouped["high"].max(),
            "low": grouped["low"].min(),
            "close": grouped["close"].last(),
            # min_count keeps a week whose volumes are all missing missing, not zero.
            "volume": grouped["volume"].sum(min_count=1),
        }
    )
    return weekly.reset_index(drop=True).loc[:, list(PRICE_COLUMNS)]
