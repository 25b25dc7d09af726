"""Back-adjustment for splits and dividends, checked against Alpha Vantage's own indicators."""

from __future__ import annotations

import csv
import datetime as dt

import numpy as np
import pandas as pd
import pytest
import talib

from stockvis.market.adjustment import (
    CorporateEvent,
    adjust_bars,
    adjustment_factors,
    split_ratio_between,
)
from stockvis.providers.alphavantage.actions import parse_dividends, parse_splits
from tests.shared_data import shared_data_path

AV = "portfoliotree-alphavantage"


def recorded_rows(*parts: str) -> list[dict[str, str]]:
    with shared_data_path(AV, *parts).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def ibm_events() -> list[CorporateEvent]:
    # The recorded files are Alpha Vantage's CSV form of the same fields as its JSON "data".
    splits = parse_splits({"data": recorded_rows("fundamental", "SPLITS_358e2618.csv")})
    dividends = parse_dividends({"data": recorded_rows("fundamental", "DIVIDENDS_5b9f5d9f.csv")})
    return [CorporateEvent(r.ex_date, r.kind.value, r.value) for r in [*splits, *dividends]]


def published(name: str, path: tuple[str, ...]) -> pd.Series:
    frame = pd.read_csv(shared_data_path(AV, *path), parse_dates=["time"])
    return frame.set_index("time")[name].sort_index()


@pytest.fixture(scope="module")
def ibm_weekly_adjusted_open() -> pd.Series:
    raw = pd.read_csv(
        shared_data_path(AV, "time_series", "TIME_SERIES_WEEKLY_74eb54d6.csv"),
        parse_dates=["timestamp"],
    ).sort_values("timestamp")
    adjusted = adjust_bars(
        raw["timestamp"].to_numpy(),
        raw["open"].to_numpy(),
        raw["high"].to_numpy(),
        raw["low"].to_numpy(),
        raw["close"].to_numpy(),
        raw["volume"].to_numpy(),
        ibm_events(),
        weekly=True,
    )
    return pd.Series(adjusted.open, index=pd.DatetimeIndex(raw["timestamp"]))


def relative_errors(ours: np.ndarray, index: pd.DatetimeIndex, theirs: pd.Series) -> pd.Series:
    joined = pd.concat([pd.Series(ours, index=index), theirs], axis=1, join="inner").dropna()
    return (joined.iloc[:, 0] / joined.iloc[:, 1] - 1).abs()


def test_ibm_weekly_sma10_on_adjusted_opens_matches_alpha_vantage_within_0_3_percent(
    ibm_weekly_adjusted_open: pd.Series,
) -> None:
    opens = ibm_weekly_adjusted_open
    errors = relative_errors(
        talib.SMA(opens.to_numpy(), 10),
        opens.index,
        published("SMA", ("technical_moving_averages", "SMA_2e3849d5.csv")),
    )

    assert len(errors) == 1375  # every week Alpha Vantage published, 2000-01 to 2026-05
    assert errors.max() < 0.003, errors.sort_values().tail()


def test_ibm_weekly_rsi10_on_adjusted_opens_matches_alpha_vantage(
    ibm_weekly_adjusted_open: pd.Series,
) -> None:
    opens = ibm_weekly_adjusted_open
    ours = talib.RSI(opens.to_numpy(), 10)
    theirs = published("RSI", ("technical_macd_stoch", "RSI_fbad53b2.csv"))
    errors = relative_errors(ours, opens.index, theirs)
    joined = pd.concat([pd.Series(ours, index=opens.index), theirs], axis=1, join="inner")
    points = (joined.iloc[:, 0] - joined.iloc[:, 1]).abs()

    assert len(errors) == 1374
    # 0.3 % of the RSI's 0-100 scale on every week. A dividend's factor needs the close of the
    # session before its ex-date; weekly bars only have the previous Friday's, which moves a few
    # weeks (late 2018, early 2020) by up to 0.55 % of their value.
    assert points.max() < 0.3, points.sort_values().tail()
    assert (errors < 0.003).mean() > 0.99
    assert errors.median() < 0.0002


def test_without_the_adjustment_the_same_check_fails(ibm_weekly_adjusted_open: pd.Series) -> None:
    raw = pd.read_csv(
        shared_data_path(AV, "time_series", "TIME_SERIES_WEEKLY_74eb54d6.csv"),
        parse_dates=["timestamp"],
    ).sort_values("timestamp")
    errors = relative_errors(
        talib.SMA(raw["open"].to_numpy(), 10),
        pd.DatetimeIndex(raw["timestamp"]),
        published("SMA", ("technical_moving_averages", "SMA_2e3849d5.csv")),
    )

    assert errors.max() > 0.3  # decades of dividends: raw opens are far above adjusted ones


# -- the rules on small series ------------------------------------------------------------------

DAYS = [dt.date(2024, 1, d) for d in (2, 3, 4, 5, 8)]


def test_a_two_for_one_split_halves_earlier_prices_and_doubles_earlier_volumes() -> None:
    close = np.array([100.0, 102.0, 51.0, 52.0, 53.0])
    split = CorporateEvent(dt.date(2024, 1, 4), "split", 2.0)

    bars = adjust_bars(DAYS, close, close + 1, close - 1, close, np.full(5, 10.0), [split])

    assert bars.close.tolist() == [50.0, 51.0, 51.0, 52.0, 53.0]
    assert bars.high.tolist() == [50.5, 51.5, 52.0, 53.0, 54.0]
    assert bars.volume.tolist() == [20.0, 20.0, 10.0, 10.0, 10.0]


def test_a_dividend_scales_earlier_prices_by_one_minus_amount_over_the_previous_close() -> None:
    close = np.array([100.0, 100.0, 98.0, 99.0, 100.0])
    dividend = CorporateEvent(dt.date(2024, 1, 4), "dividend", 2.0)

    factors = adjustment_factors(DAYS, close, [dividend])

    assert factors.price.tolist() == pytest.approx([0.98, 0.98, 1.0, 1.0, 1.0])
    assert factors.volume.tolist() == [1.0] * 5
    assert adjustment_factors(DAYS, close, [dividend], dividends=False).is_identity


def test_actions_outside_the_bars_or_impossible_ones_change_nothing() -> None:
    close = np.array([10.0, 10.0, 10.0, 10.0, 10.0])
    events = [
        CorporateEvent(dt.date(2023, 6, 1), "dividend", 1.0),  # before the first bar
        CorporateEvent(dt.date(2024, 1, 3), "dividend", 10.0),  # the whole price
        CorporateEvent(dt.date(2024, 1, 3), "split", 0.0),
        CorporateEvent(dt.date(2024, 1, 2), "split", 2.0),  # on the first bar: nothing before
    ]

    assert adjustment_factors(DAYS, close, events).is_identity


def test_an_announced_dividend_after_the_last_bar_leaves_the_latest_price_as_traded() -> None:
    close = np.array([10.0, 10.0, 10.0, 10.0, 10.0])
    upcoming = CorporateEvent(dt.date(2024, 1, 20), "dividend", 0.5)

    assert adjustment_factors(DAYS, close, [upcoming]).is_identity


def test_a_weekly_bar_containing_the_ex_date_has_its_open_adjusted_but_not_its_close() -> None:
    fridays = [dt.date(2024, 1, 5), dt.date(2024, 1, 12), dt.date(2024, 1, 19)]
    split = CorporateEvent(dt.date(2024, 1, 10), "split", 2.0)  # a Wednesday
    close = np.array([100.0, 50.0, 51.0])
    opens = np.array([99.0, 101.0, 50.0])

    bars = adjust_bars(
        fridays, opens, close + 2, close - 2, close, np.ones(3), [split], weekly=True
    )

    assert bars.open.tolist() == [49.5, 50.5, 50.0]
    assert bars.close.tolist() == [50.0, 50.0, 51.0]
    assert bars.low[1] <= min(bars.open[1], bars.close[1])
    assert bars.high[1] >= max(bars.open[1], bars.close[1])


def test_shares_bought_before_a_split_multiply_by_its_ratio() -> None:
    events = [
        CorporateEvent(dt.date(2020, 8, 31), "split", 4.0),
        CorporateEvent(dt.date(2024, 6, 10), "split", 10.0),
        CorporateEvent(dt.date(2021, 1, 4), "dividend", 0.2),
    ]

    assert split_ratio_between(events, dt.date(2020, 1, 2), dt.date(2026, 1, 2)) == 40.0
    assert split_ratio_between(events, dt.date(2020, 8, 31), dt.date(2026, 1, 2)) == 10.0
    assert split_ratio_between(events, dt.date(2020, 1, 2), dt.date(2020, 8, 30)) == 1.0
