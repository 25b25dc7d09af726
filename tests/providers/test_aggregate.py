"""Weekly bars aggregated from daily bars."""

from __future__ import annotations

import pandas as pd
import pytest

from stockvis.providers.aggregate import weekly_from_daily
from stockvis.providers.base import PRICE_COLUMNS, empty_price_frame, price_frame
from stockvis.providers.csvfile import parse_price_csv
from tests.shared_data import shared_data_path


def bars(rows: list[tuple[str, float, float, float, float, float]]) -> pd.DataFrame:
    dates, o, h, lo, c, v = zip(*rows, strict=True)
    return price_frame(list(dates), o, h, lo, c, v)


def test_a_week_takes_first_open_highest_high_lowest_low_last_close_and_summed_volume():
    daily = bars(
        [
            ("2024-01-08", 10, 12, 9, 11, 100),
            ("2024-01-09", 11, 15, 10, 14, 200),
            ("2024-01-10", 14, 14, 8, 9, 300),
        ]
    )

    weekly = weekly_from_daily(daily)

    assert list(weekly.columns) == list(PRICE_COLUMNS)
    assert weekly.iloc[0].tolist() == [pd.Timestamp("2024-01-10"), 10, 15, 8, 9, 600]


def test_the_label_is_the_last_session_present_in_the_week():
    daily = bars(
        [
            ("2024-03-25", 1, 1, 1, 1, 1),
            ("2024-03-28", 2, 2, 2, 2, 1),  # Good Friday 29 March: no session
            ("2024-04-01", 3, 3, 3, 3, 1),
        ]
    )

    assert [d.date().isoformat() for d in weekly_from_daily(daily)["date"]] == [
        "2024-03-28",
        "2024-04-01",
    ]


def test_unordered_input_is_sorted_first():
    daily = bars([("2024-01-10", 3, 3, 3, 3, 1), ("2024-01-08", 1, 1, 1, 1, 1)])
    shuffled = daily.iloc[::-1].reset_index(drop=True)

    weekly = weekly_from_daily(shuffled)

    assert (weekly.iloc[0]["open"], weekly.iloc[0]["close"]) == (1, 3)


def test_an_empty_frame_gives_an_empty_frame():
    assert weekly_from_daily(empty_price_frame()).empty


def test_spy_daily_aggregates_to_one_bar_per_week_matching_the_daily_extremes():
    daily = parse_price_csv(shared_data_path("pandas-ta", "SPY_D.csv").read_bytes()).frame

    weekly = weekly_from_daily(daily)

    assert weekly["date"].is_monotonic_increasing
    assert weekly["date"].dt.to_period("W-SUN").is_unique
    assert weekly["high"].max() == daily["high"].max()
    assert weekly["low"].min() == daily["low"].min()
    assert weekly["volume"].sum() == pytest.approx(daily["volume"].sum())
    assert weekly["date"].isin(daily["date"]).all()
