"""Price validators: OHLC sanity, calendar gaps and spikes, on real files and small frames."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from stockvis.collector.validators import (
    QualityFlag,
    ValidationReport,
    check_ohlc,
    find_gaps,
    find_spikes,
    price_tick,
    validate_prices,
)
from stockvis.providers.base import price_frame
from stockvis.providers.csvfile import parse_price_csv
from tests.shared_data import shared_data_path


def bars(rows: list[tuple[str, float, float, float, float, float]]) -> pd.DataFrame:
    dates, o, h, lo, c, v = zip(*rows, strict=True)
    return price_frame(list(dates), o, h, lo, c, v)


def real(*parts: str) -> pd.DataFrame:
    return parse_price_csv(shared_data_path(*parts).read_bytes()).frame


GOOD = ("2024-01-02", 10.0, 11.0, 9.0, 10.5, 100.0)


# -- OHLC ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "rule"),
    [
        (("2024-01-03", 10, 10.4, 9, 10.5, 100), "high < max(open, close)"),
        (("2024-01-03", 10, 11, 10.2, 10.5, 100), "low > min(open, close)"),
        (("2024-01-03", 0, 11, 0, 10.5, 100), "price <= 0"),
        (("2024-01-03", -1, 11, -2, 10.5, 100), "price <= 0"),
        (("2024-01-03", 10, 11, 9, 10.5, -5), "volume < 0"),
        (("2024-01-03", np.nan, 11, 9, 10.5, 100), "missing value"),
        (("2024-01-03", 10, 11, 9, 10.5, np.nan), "missing value"),
    ],
)
def test_each_ohlc_rule_rejects_its_row_naming_date_and_rule(row, rule):
    report = validate_prices(bars([GOOD, row]), exchange="XNYS", check_gaps=False)

    assert len(report.clean) == 1
    assert report.clean.iloc[0]["date"] == pd.Timestamp("2024-01-02")
    [issue] = report.rejected
    assert issue.date == dt.date(2024, 1, 3)
    assert rule in issue.rules
    assert any("2024-01-03" in w and rule in w for w in report.warnings)
    assert QualityFlag("ohlc", dt.date(2024, 1, 3), issue.detail) in report.flags


def test_a_row_breaking_several_rules_lists_them_all():
    _, issues = check_ohlc(bars([("2024-01-03", 10, 8, 12, 10.5, -1)]))

    assert set(issues[0].rules) == {
        "high < low",
        "high < max(open, close)",
        "low > min(open, close)",
        "volume < 0",
    }


def test_a_doji_with_all_prices_equal_is_fine():
    report = validate_prices(
        bars([("2024-01-02", 5, 5, 5, 5, 0)]), exchange="XNYS", check_gaps=False
    )

    assert report.rejected == []
    assert report.ok


def test_a_duplicate_date_keeps_the_later_row():
    frame = bars([GOOD, ("2024-01-02", 20, 21, 19, 20.5, 1)])

    clean, issues = check_ohlc(frame)

    assert clean["close"].tolist() == [20.5]
    assert issues[0].rules == ("duplicate date",)


def test_samsung_trading_halt_rows_with_zero_prices_are_rejected():
    frame = real("ecstasyego-CSV", "005930.csv")

    report = validate_prices(frame, exchange="XKRX", check_gaps=False)

    halted = [i for i in report.rejected if "price <= 0" in i.rules]
    assert dt.date(2018, 4, 30) in {i.date for i in halted}
    assert len(report.clean) + len(report.rejected) == len(frame)


def test_samsung_rows_with_the_high_one_won_below_the_close_are_stored_and_flagged():
    frame = real("ecstasyego-CSV", "005930.csv")

    report = validate_prices(frame, exchange="XKRX")

    # Only the three trading-halt rows (all prices 0) are really broken.
    assert [i.date for i in report.rejected] == [
        dt.date(2018, 4, 30),
        dt.date(2018, 5, 2),
        dt.date(2018, 5, 3),
    ]
    tick = [f for f in report.flags if f.kind == "ohlc" and "within one price tick" in f.detail]
    assert len(tick) == 33
    assert dt.date(2000, 10, 6) in {f.date for f in tick}
    assert dt.date(2000, 10, 6) in set(report.clean["date"].dt.date)
    # With those rows kept, the only holes left are the three halted sessions.
    gaps = [f for f in report.flags if f.kind == "gap"]
    assert [g.detail for g in gaps] == ["3 missing XKRX sessions: 2018-04-30..2018-05-03"]


@pytest.mark.parametrize(
    ("exchange", "row", "kept"),
    [
        ("XKRX", ("2024-01-03", 3800, 3899, 3760, 3900, 1), True),  # 1 won, tick 5
        ("XKRX", ("2024-01-03", 3800, 3895, 3760, 3900, 1), True),  # exactly one tick
        ("XKRX", ("2024-01-03", 3800, 3894, 3760, 3900, 1), False),  # more than one tick
        ("XKRX", ("2024-01-03", 60000, 60050, 59950, 60100, 1), True),  # tick 100 at 60,000
        ("XKRX", ("2024-01-03", 60000, 60100, 60050, 59900, 1), False),  # low 150 over, tick 100
        ("XNYS", ("2024-01-03", 10, 10.49, 9, 10.5, 1), True),  # one cent
        ("XNYS", ("2024-01-03", 10, 10.48, 9, 10.5, 1), False),  # two cents
        ("XNYS", ("2024-01-03", 10.5, 11, 10.51, 10.6, 1), True),  # low a cent over the open
        ("24/7", ("2024-01-03", 10, 10.49, 9, 10.5, 1), False),  # crypto: no tick slack
    ],
)
def test_high_or_low_off_by_at_most_one_price_tick_is_kept_and_flagged(exchange, row, kept):
    report = validate_prices(bars([row]), exchange=exchange, check_gaps=False)

    assert (len(report.clean) == 1) is kept
    if kept:
        [flag] = report.flags
        assert flag.kind == "ohlc"
        assert "within one price tick" in flag.detail
    else:
        assert len(report.rejected) == 1


def test_high_below_low_is_rejected_even_within_a_tick():
    frame = bars([("2024-01-03", 10, 9.99, 10.01, 10, 1)])

    report = validate_prices(frame, exchange="XNYS", check_gaps=False)

    assert report.clean.empty
    assert "high < low" in report.rejected[0].rules


def test_krx_ticks_grow_with_the_price_level():
    prices = np.array([1_999, 2_000, 4_999, 19_999, 49_999, 199_999, 499_999, 500_000])

    assert price_tick("XKRX", prices).tolist() == [1, 5, 5, 10, 50, 100, 500, 1000]
    assert price_tick("XNYS", np.array([0.5, 12.0])).tolist() == [0.0001, 0.01]
    assert price_tick("24/7", np.array([50_000.0])).tolist() == [0.0]


# -- impossible values and dates ----------------------------------------------------------------


@pytest.mark.parametrize("bad", [np.inf, -np.inf])
def test_a_non_finite_price_or_volume_is_rejected(bad):
    for column in range(1, 6):
        row = list(GOOD)
        row[0] = "2024-01-03"
        row[column] = bad
        report = validate_prices(bars([GOOD, tuple(row)]), exchange="XNYS", check_gaps=False)

        assert len(report.clean) == 1, row
        assert "non-finite value" in report.rejected[0].rules


def test_the_issue_csv_row_of_infinities_is_rejected():
    frame = parse_price_csv(
        b"Date,Open,High,Low,Close,Volume\n2024-04-01,inf,inf,inf,inf,1000\n"
    ).frame

    report = validate_prices(frame, exchange="XNYS", today=dt.date(2024, 4, 2))

    assert report.clean.empty
    assert report.rejected[0].date == dt.date(2024, 4, 1)


def test_dates_before_1900_and_after_tomorrow_are_rejected_without_a_flag():
    frame = bars(
        [
            ("1600-01-03", 10, 11, 9, 10.5, 1),
            ("1700-01-04", 10, 11, 9, 10.5, 1),
            ("1899-12-29", 10, 11, 9, 10.5, 1),
            ("1900-01-02", 10, 11, 9, 10.5, 1),
            ("2024-04-01", 10, 11, 9, 10.5, 1),
            ("2024-04-02", 10, 11, 9, 10.5, 1),  # tomorrow: a bar stamped in Asia's today
            ("2024-04-03", 10, 11, 9, 10.5, 1),
            ("2099-01-02", 10, 11, 9, 10.5, 1),
        ]
    )

    report = validate_prices(frame, exchange="XNYS", check_gaps=False, today=dt.date(2024, 4, 1))

    assert [d.isoformat() for d in report.clean["date"].dt.date] == [
        "1900-01-02",
        "2024-04-01",
        "2024-04-02",
    ]
    assert {i.date.year for i in report.rejected if i.date} == {1600, 1700, 1899, 2024, 2099}
    assert all(i.rules == ("date out of range",) for i in report.rejected)
    assert report.flags == []


def test_without_today_only_the_lower_date_bound_applies():
    frame = bars([("1600-01-03", 10, 11, 9, 10.5, 1), ("2099-01-02", 10, 11, 9, 10.5, 1)])

    clean, issues = check_ohlc(frame)

    assert clean["date"].dt.year.tolist() == [2099]
    assert [i.date.year for i in issues if i.date] == [1600]


# -- spikes -------------------------------------------------------------------------------------


def test_the_unadjusted_4063_split_is_flagged_as_a_spike_and_still_stored():
    frame = real("yfinance", "4063-T-1d-bad-stock-split.csv")

    report = validate_prices(frame, exchange="XTKS")

    spikes = [f for f in report.flags if f.kind == "spike"]
    assert [f.date for f in spikes] == [dt.date(2023, 3, 29)]
    assert "-79.7%" in spikes[0].detail
    assert "20710" in spikes[0].detail
    assert len(report.clean) == len(frame)
    assert report.rejected == []


def test_the_repaired_4063_twin_has_no_spike():
    report = validate_prices(
        real("yfinance", "4063-T-1d-bad-stock-split-fixed.csv"), exchange="XTKS"
    )

    assert report.flags == []
    assert report.ok


def test_the_spike_threshold_is_a_parameter():
    frame = bars([GOOD, ("2024-01-03", 11, 12.5, 11, 12.1, 100)])  # +15.2%

    assert find_spikes(frame, 0.30) == []
    assert [f.date for f in find_spikes(frame, 0.10)] == [dt.date(2024, 1, 3)]


def test_spikes_are_measured_against_the_previous_clean_row():
    # The bad row in between is rejected first, so the jump is 10.5 → 10.6, not a spike.
    frame = bars([GOOD, ("2024-01-03", 1, 0.5, 1, 1, 1), ("2024-01-04", 10.5, 11, 10, 10.6, 1)])

    report = validate_prices(frame, exchange="XNYS", check_gaps=False)

    assert [f.kind for f in report.flags] == ["ohlc"]


# -- gaps ---------------------------------------------------------------------------------------


def test_missing_sessions_are_grouped_into_ranges_on_the_exchange_calendar():
    frame = real("fdr_krx_data_cache", "index", "year_ks11", "2025.csv")
    holey = frame.loc[
        ~frame["date"].isin(
            pd.to_datetime(["2025-03-04", "2025-03-05", "2025-03-06", "2025-06-10"])
        )
    ]

    report = validate_prices(holey, exchange="XKRX")

    gaps = [f for f in report.flags if f.kind == "gap"]
    assert [(g.date, g.detail) for g in gaps] == [
        (dt.date(2025, 3, 4), "3 missing XKRX sessions: 2025-03-04..2025-03-06"),
        (dt.date(2025, 6, 10), "1 missing XKRX session: 2025-06-10"),
    ]
    assert len(report.clean) == len(holey)


def test_a_complete_real_year_has_no_gaps_on_its_calendar():
    frame = real("fdr_krx_data_cache", "index", "year_ks11", "2025.csv")

    assert find_gaps(frame["date"], "XKRX") == []


def test_spy_history_has_no_gaps_on_the_nyse_calendar():
    frame = real("pandas-ta", "SPY_D.csv")

    gaps = find_gaps(frame["date"], "XNYS")

    assert gaps == [], gaps[:3]


@pytest.mark.parametrize("missing", ["2003-06-10", "2015-06-10", "1999-12-01"])
def test_a_missing_session_is_found_however_old_it_is(missing):
    # exchange_calendars' default calendar starts 20 years before today: older sessions used to
    # be skipped silently, so the answer changed with the clock.
    frame = real("pandas-ta", "SPY_D.csv")
    holey = frame.loc[frame["date"] != pd.Timestamp(missing)]

    gaps = find_gaps(holey["date"], "XNYS")

    assert [g.detail for g in gaps] == [f"1 missing XNYS session: {missing}"]


def test_crypto_expects_every_calendar_day():
    frame = bars(
        [
            ("2024-01-05", 1, 1, 1, 1, 1),  # Friday
            ("2024-01-08", 1, 1, 1, 1, 1),  # Monday
        ]
    )

    gaps = find_gaps(frame["date"], "24/7")

    assert [g.detail for g in gaps] == ["2 missing 24/7 sessions: 2024-01-06..2024-01-07"]


def test_a_weekend_is_no_gap_for_a_stock_exchange():
    frame = bars([("2024-01-05", 1, 1, 1, 1, 1), ("2024-01-08", 1, 1, 1, 1, 1)])

    assert find_gaps(frame["date"], "XNYS") == []


def test_the_gap_window_can_be_widened_to_the_requested_range():
    frame = bars([("2024-01-03", 1, 1, 1, 1, 1)])

    gaps = find_gaps(frame["date"], "XNYS", start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 4))

    assert [g.detail for g in gaps] == [
        "1 missing XNYS session: 2024-01-02",
        "1 missing XNYS session: 2024-01-04",
    ]


def test_an_unknown_exchange_skips_the_gap_check_with_a_warning():
    report = validate_prices(bars([GOOD]), exchange="NOWHERE")

    assert any("gap check skipped" in w for w in report.warnings)
    assert report.flags == []


# -- the report ---------------------------------------------------------------------------------


def test_the_report_is_frozen_and_its_clean_frame_is_oldest_first():
    frame = bars([("2024-01-03", 10, 11, 9, 10.5, 1), GOOD]).iloc[::-1]

    report = validate_prices(frame, exchange="XNYS")

    assert isinstance(report, ValidationReport)
    assert report.clean["date"].is_monotonic_increasing
    with pytest.raises(AttributeError):
        report.clean = frame  # type: ignore[misc]


def test_an_empty_frame_validates_to_an_empty_report():
    report = validate_prices(bars([GOOD]).iloc[0:0], exchange="XNYS")

    assert report.clean.empty
    assert report.ok
