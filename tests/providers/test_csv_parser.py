"""The CSV price import parser against every real layout in the shared data folder."""

from __future__ import annotations

import pandas as pd
import pytest

from stockvis.providers.base import PRICE_COLUMNS
from stockvis.providers.csvfile import CsvImportError, parse_price_csv
from tests.shared_data import shared_data_path


def parse_file(*parts: str):
    return parse_price_csv(shared_data_path(*parts).read_bytes())


def assert_canonical(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == list(PRICE_COLUMNS)
    assert frame["date"].is_monotonic_increasing
    assert frame["date"].is_unique
    assert (frame["date"] == frame["date"].dt.normalize()).all()
    for column in PRICE_COLUMNS[1:]:
        assert frame[column].dtype == "float64"


@pytest.mark.parametrize(
    ("parts", "layout", "rows", "first", "last"),
    [
        (("yfinance", "CALM-1d-no-bad-divs.csv"), "yahoo", 662, "2022-01-03", None),
        (("yfinance", "EWG-1d-no-bad-divs.csv"), "yahoo", 662, "2022-01-03", None),
        (("yfinance", "4063-T-1d-bad-stock-split.csv"), "yahoo", 22, "2023-03-15", "2023-04-14"),
        (
            ("yfinance", "4063-T-1d-bad-stock-split-fixed.csv"),
            "yahoo",
            22,
            "2023-03-15",
            "2023-04-14",
        ),
        (("ecstasyego-CSV", "005930.csv"), "financedatareader", 6000, "2000-08-25", "2024-12-16"),
        (("invest-KR", "005930.csv"), "korean", 370, "2023-12-05", None),
        (("invest-KR", "000660.csv"), "korean", 370, "2023-12-05", None),
        (("invest-KR", "035720.csv"), "korean", 370, "2023-12-05", None),
        (("invest-KR", "247540.csv"), "korean", 370, "2023-12-05", None),
        (
            ("plotly-datasets", "finance-charts-apple.csv"),
            "plotly",
            506,
            "2015-02-17",
            "2017-02-16",
        ),
        (("pandas-ta", "SPY_D.csv"), "generic", 5241, "1999-11-01", None),
        (
            ("portfoliotree-alphavantage", "time_series", "TIME_SERIES_DAILY_42a08190.csv"),
            "alphavantage",
            100,
            None,
            "2026-05-15",
        ),
        (
            ("fdr_krx_data_cache", "index", "year_ks11", "2025.csv"),
            "financedatareader",
            242,
            "2025-01-02",
            None,
        ),
    ],
)
def test_each_real_layout_parses_into_canonical_bars(parts, layout, rows, first, last):
    parsed = parse_file(*parts)

    assert parsed.layout == layout
    assert parsed.rows == rows
    assert_canonical(parsed.frame)
    if first:
        assert parsed.frame.iloc[0]["date"] == pd.Timestamp(first)
    if last:
        assert parsed.frame.iloc[-1]["date"] == pd.Timestamp(last)


def test_yahoo_timestamps_keep_their_local_trading_date():
    # "2023-04-14 00:00:00+09:00" is 13 April in UTC; the Tokyo session is the 14th.
    parsed = parse_file("yfinance", "4063-T-1d-bad-stock-split.csv")

    last = parsed.frame.iloc[-1]
    assert last["date"] == pd.Timestamp("2023-04-14")
    assert (last["open"], last["high"], last["low"], last["close"], last["volume"]) == (
        4126,
        4130,
        4055,
        4129,
        7459400,
    )


def test_yahoo_uses_close_not_adjusted_close():
    parsed = parse_file("yfinance", "CALM-1d-no-bad-divs.csv")

    assert parsed.frame.iloc[0]["close"] == pytest.approx(37.70000076293945)


def test_korean_headers_map_to_the_same_columns():
    parsed = parse_file("invest-KR", "005930.csv")

    first = parsed.frame.iloc[0]
    assert (first["open"], first["high"], first["low"], first["close"], first["volume"]) == (
        72300,
        72400,
        71200,
        71200,
        12129682,
    )


def test_plotly_ticker_prefixed_headers_ignore_the_adjusted_and_band_columns():
    parsed = parse_file("plotly-datasets", "finance-charts-apple.csv")

    assert parsed.frame.iloc[0]["close"] == pytest.approx(127.830002)
    assert parsed.frame.iloc[0]["volume"] == 63152400


def test_newest_first_alpha_vantage_csv_is_turned_oldest_first():
    parsed = parse_file(
        "portfoliotree-alphavantage", "time_series", "TIME_SERIES_DAILY_42a08190.csv"
    )

    last = parsed.frame.iloc[-1]
    assert (last["open"], last["close"], last["volume"]) == (218.2, 219.3, 6154450)


def test_the_messy_tesla_file_skips_its_intraday_row_and_reads_slashed_dates():
    parsed = parse_file("plotly-datasets", "tesla-stock-price.csv")

    assert parsed.rows == 756
    assert_canonical(parsed.frame)
    assert any("line 2" in w and "11:34" in w for w in parsed.warnings)
    newest = parsed.frame.iloc[-1]
    assert newest["date"] == pd.Timestamp("2018-10-15")
    assert (newest["open"], newest["high"], newest["low"], newest["close"]) == (
        259.06,
        263.28,
        254.5367,
        259.59,
    )
    assert newest["volume"] == 6189026
    assert parsed.frame.iloc[0]["date"] == pd.Timestamp("2015-10-15")


def test_the_unnamed_index_column_is_ignored():
    parsed = parse_file("pandas-ta", "SPY_D.csv")

    assert parsed.frame.iloc[0]["open"] == 136.5


def test_the_krx_index_file_with_a_bom_reorders_its_columns():
    parsed = parse_file("fdr_krx_data_cache", "index", "year_ks11", "2025.csv")

    first = parsed.frame.iloc[0]
    assert (first["open"], first["close"]) == (2400.87, 2398.94)


def test_a_bom_only_file_is_an_import_error():
    with pytest.raises(CsvImportError, match="empty"):
        parse_file("fdr_krx_data_cache", "index", "ks11", "2026-03-21.csv")


# -- quirks built in memory --------------------------------------------------------------------


def test_crlf_bom_quotes_and_thousands_separators_are_read():
    text = (
        '\ufeff"Date","Open","High","Low","Close","Volume"\r\n'
        '"2024/01/03","1,010.5","1,020","1,000","1,015","1,234,567"\r\n'
        '"2024/01/02","1,000","1,012","990","1,005","2,000,000"\r\n'
    ).encode()

    frame = parse_price_csv(text).frame

    assert frame["date"].tolist() == [pd.Timestamp("2024-01-02"), pd.Timestamp("2024-01-03")]
    assert frame.iloc[1].tolist()[1:] == [1010.5, 1020, 1000, 1015, 1234567]


def test_a_cp949_file_from_korean_excel_is_read():
    text = "날짜,시가,고가,저가,종가,거래량\n2024-01-02,100,110,90,105,1000\n".encode("cp949")

    assert parse_price_csv(text).layout == "korean"


def test_a_file_without_volume_gets_zero_volume_and_a_warning():
    parsed = parse_price_csv("Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1.5\n")

    assert parsed.frame["volume"].tolist() == [0.0]
    assert "no volume column" in parsed.warnings[0]


def test_missing_value_spellings_become_nan_for_the_validators_to_reject():
    parsed = parse_price_csv("Date,Open,High,Low,Close,Volume\n2024-01-02,null,2,1,1.5,10\n")

    assert parsed.frame["open"].isna().all()


def test_identical_duplicate_dates_are_kept_once_with_a_warning():
    text = (
        "Date,Open,High,Low,Close,Volume\n"
        "2024-01-02,1,2,0.5,1.5,10\n"
        "2024-01-03,1,2,0.5,1.5,10\n"
        "2024-01-02,1,2,0.5,1.5,10\n"
    )

    parsed = parse_price_csv(text)

    assert parsed.rows == 2
    assert "lines 2, 4" in parsed.warnings[0]


def test_duplicate_dates_with_different_prices_are_an_error_naming_both_lines():
    text = "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n2024-01-02,1,2,0.5,1.6,10\n"

    with pytest.raises(CsvImportError, match=r"line 3: date 2024-01-02 .*first on line 2"):
        parse_price_csv(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("Date,Open,High,Low,Close\n", "no rows"),
        ("Day,Price\n2024-01-02,1\n", r"line 1: no open, high, low column"),
        ("Date,Open,High,Low,Close\n2024-01-02,1,2,0.5\n", r"line 2: expected 5 fields"),
        (
            "Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1\nyesterday,1,2,0.5,1\n",
            "line 3: cannot read date 'yesterday'",
        ),
        (
            "Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,abc\n",
            "line 2: Close value 'abc' is not a number",
        ),
        (
            "Date,Open,High,Low,Close\n2024-02-30,1,2,0.5,1\n",
            "line 2: cannot read date '2024-02-30'",
        ),
        (
            "Date,Close,Open,High,Low,Price\n2024-01-02,1,1,1,1,1\n",
            "line 1: two columns mean close",
        ),
    ],
    ids=[
        "empty",
        "header-only",
        "no-ohlc",
        "short-row",
        "bad-date",
        "bad-number",
        "impossible-date",
        "ambiguous",
    ],
)
def test_unreadable_input_names_the_line_and_the_problem(text, message):
    with pytest.raises(CsvImportError, match=message):
        parse_price_csv(text)


def test_compact_and_us_style_dates_are_read():
    text = "Date,Open,High,Low,Close\n20240102,1,2,0.5,1\n01/03/2024,1,2,0.5,1\n"

    dates = parse_price_csv(text).frame["date"].tolist()

    assert dates == [pd.Timestamp("2024-01-02"), pd.Timestamp("2024-01-03")]


def test_the_error_carries_the_line_number_as_an_attribute():
    with pytest.raises(CsvImportError) as caught:
        parse_price_csv("Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,x\n")

    assert caught.value.line == 2
