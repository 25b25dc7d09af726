"""The FinanceDataReader client with a fake reader that serves frames built from real files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import requests

from stockvis.providers.base import (
    PRICE_COLUMNS,
    AssetRef,
    Category,
    DataKind,
    MarketDataProvider,
    ProviderError,
    StatementKind,
)
from stockvis.providers.fdr import FdrClient, provider_symbol
from tests.shared_data import shared_data_path

SAMSUNG = AssetRef("005930", "XKRX", Category.STOCK, "KRW")
KOSPI = AssetRef("KS11", "XKRX", Category.INDEX, "KRW")
BITCOIN = AssetRef("BTC-KRW", "24/7", Category.CRYPTO, "KRW")


def read_like_fdr(path: Path) -> pd.DataFrame:
    """A file as DataReader returns it: dates in the index, capitalised columns."""
    frame = pd.read_csv(path, encoding="utf-8-sig", index_col=0, parse_dates=True)
    frame.index.name = "Date"
    frame.columns = [str(c).capitalize() for c in frame.columns]
    return frame.sort_index()


class FakeReader:
    """Stands in for ``FinanceDataReader.DataReader``: real files, filtered to the range asked."""

    def __init__(self, files: dict[str, list[Path]] | None = None, error: Exception | None = None):
        self.files = files or {}
        self.error = error
        self.calls: list[tuple[str, str, str]] = []

    def __call__(self, symbol: str, start: str, end: str) -> pd.DataFrame:
        self.calls.append((symbol, start, end))
        if self.error is not None:
            raise self.error
        frames = [read_like_fdr(path) for path in self.files.get(symbol, [])]
        if not frames:
            return pd.DataFrame()
        frame = pd.concat(frames) if len(frames) > 1 else frames[0]
        if frame.empty:
            return frame
        return frame.loc[start:end]  # type: ignore[misc]


@pytest.fixture
def files() -> dict[str, list[Path]]:
    index = ("fdr_krx_data_cache", "index")
    return {
        "005930": [shared_data_path("ecstasyego-CSV", "005930.csv")],
        "KS11": [
            shared_data_path(*index, "year_ks11", "2024.csv"),
            shared_data_path(*index, "year_ks11", "2025.csv"),
        ],
        "KQ11": [shared_data_path(*index, "year_kq11", "2025.csv")],
        "BTC/KRW": [
            shared_data_path(
                "portfoliotree-alphavantage", "crypto", "DIGITAL_CURRENCY_DAILY_ffab6e21.csv"
            )
        ],
    }


@pytest.fixture
def listing():
    path = shared_data_path("fdr_krx_data_cache", "listing", "krx", "2026-03-20.csv")
    return lambda: pd.read_csv(path, encoding="utf-8-sig", dtype={"Code": str})


@pytest.fixture
def client(files, listing) -> FdrClient:
    return FdrClient(reader=FakeReader(files), listing=listing)


def test_the_client_implements_the_provider_protocol(client):
    assert isinstance(client, MarketDataProvider)
    assert client.supports(SAMSUNG, DataKind.DAILY)
    assert client.supports(KOSPI, DataKind.WEEKLY)
    assert not client.supports(SAMSUNG, DataKind.STATEMENTS)


def test_samsung_daily_bars_come_from_the_reader_in_canonical_form(client):
    frame = client.daily_prices(SAMSUNG, dt.date(2024, 12, 1), dt.date(2024, 12, 31))

    assert list(frame.columns) == list(PRICE_COLUMNS)
    assert frame["date"].is_monotonic_increasing
    assert frame["date"].min() >= pd.Timestamp("2024-12-01")
    assert frame["date"].max() == pd.Timestamp("2024-12-16")  # the file ends there
    assert len(frame) == 11
    assert frame[list(PRICE_COLUMNS[1:])].notna().all().all()


def test_index_files_with_a_bom_and_extra_columns_become_bars(client):
    fetch = client.fetch_daily(KOSPI, dt.date(2024, 1, 1), dt.date(2025, 12, 31))

    first = fetch.frame.iloc[0]
    assert fetch.dropped_all_nan_rows == 0
    assert len(fetch.frame) == 244 + 242
    assert first["date"] == pd.Timestamp("2024-01-02")
    assert fetch.frame.iloc[-1]["date"] <= pd.Timestamp("2025-12-31")


def test_the_kosdaq_index_is_read_under_its_own_code(files, listing):
    reader = FakeReader(files)
    client = FdrClient(reader=reader, listing=listing)
    kosdaq = AssetRef("KQ11", "XKRX", Category.INDEX, "KRW")

    frame = client.daily_prices(kosdaq, dt.date(2025, 1, 1), dt.date(2025, 1, 31))

    assert reader.calls == [("KQ11", "2025-01-01", "2025-01-31")]
    assert frame.iloc[0]["close"] == pytest.approx(686.63)


def test_a_non_trading_day_file_with_only_a_bom_is_a_no_data_error(listing):
    empty = shared_data_path("fdr_krx_data_cache", "index", "ks11", "2026-03-21.csv")
    client = FdrClient(reader=FakeReader({"KS11": [empty]}), listing=listing)

    with pytest.raises(ProviderError, match="no data for KS11") as caught:
        client.daily_prices(KOSPI, dt.date(2026, 3, 21), dt.date(2026, 3, 21))

    assert caught.value.permanent


def test_a_bad_code_returning_an_empty_frame_is_an_error_not_success(client):
    bad = AssetRef("999999", "XKRX", Category.STOCK, "KRW")

    with pytest.raises(ProviderError, match="no data for 999999") as caught:
        client.daily_prices(bad, dt.date(2024, 1, 1), dt.date(2024, 1, 31))

    assert caught.value.permanent


def test_all_nan_rows_are_dropped_and_counted(listing):
    real = read_like_fdr(shared_data_path("ecstasyego-CSV", "005930.csv")).loc["2024-12"]
    padded = real.copy()
    holidays = pd.DataFrame(
        np.nan, index=pd.to_datetime(["2024-12-25", "2024-12-31"]), columns=real.columns
    )
    padded = pd.concat([padded, holidays]).sort_index()
    client = FdrClient(reader=lambda *_: padded, listing=listing)

    fetch = client.fetch_daily(SAMSUNG, dt.date(2024, 12, 1), dt.date(2024, 12, 31))

    assert fetch.dropped_all_nan_rows == 2
    assert len(fetch.frame) == len(real)
    assert "dropped 2 all-NaN rows" in fetch.warnings[0]
    assert (
        client.daily_prices(SAMSUNG, dt.date(2024, 12, 1), dt.date(2024, 12, 31)).attrs[
            "dropped_all_nan_rows"
        ]
        == 2
    )


def test_a_frame_of_only_nan_rows_is_a_no_data_error(listing):
    nothing = pd.DataFrame(
        np.nan, index=pd.to_datetime(["2024-12-25"]), columns=["Open", "High", "Low", "Close"]
    )
    client = FdrClient(reader=lambda *_: nothing, listing=listing)

    with pytest.raises(ProviderError, match="no data"):
        client.daily_prices(SAMSUNG, dt.date(2024, 12, 25), dt.date(2024, 12, 25))


def test_a_frame_without_volume_gets_zero_volume_with_a_warning(listing):
    fx = (
        read_like_fdr(shared_data_path("ecstasyego-CSV", "005930.csv"))
        .loc["2024-12"]
        .drop(columns=["Volume"])
    )
    client = FdrClient(reader=lambda *_: fx, listing=listing)

    fetch = client.fetch_daily(SAMSUNG, dt.date(2024, 12, 1), dt.date(2024, 12, 31))

    assert (fetch.frame["volume"] == 0).all()


@pytest.mark.parametrize(
    "error",
    [
        requests.ConnectionError("reset by peer"),
        requests.Timeout("read timed out"),
        ConnectionResetError("reset"),
        TimeoutError("slow"),
    ],
)
def test_network_errors_from_the_reader_are_transient(listing, error):
    client = FdrClient(reader=FakeReader(error=error), listing=listing)

    with pytest.raises(ProviderError) as caught:
        client.daily_prices(SAMSUNG, dt.date(2024, 1, 1), dt.date(2024, 1, 31))

    assert not caught.value.permanent
    assert caught.value.provider == "fdr"


def test_other_reader_errors_are_permanent(listing):
    client = FdrClient(
        reader=FakeReader(error=ValueError("symbol 'XX' not found")), listing=listing
    )

    with pytest.raises(ProviderError, match="symbol 'XX' not found") as caught:
        client.daily_prices(SAMSUNG, dt.date(2024, 1, 1), dt.date(2024, 1, 31))

    assert caught.value.permanent


@pytest.mark.parametrize(
    ("asset", "expected"),
    [
        (SAMSUNG, "005930"),
        (KOSPI, "KS11"),
        (AssetRef("KQ11", "XKRX", Category.INDEX, "KRW"), "KQ11"),
        (AssetRef("US500", "XNYS", Category.INDEX, "USD"), "US500"),
        (BITCOIN, "BTC/KRW"),
        (AssetRef("GC=F", "24/5", Category.COMMODITY, "USD"), "GC=F"),
        (AssetRef("USD-KRW", "24/5", Category.FX, "KRW"), "USD/KRW"),
        (AssetRef("XRP-KRW", "24/7", Category.CRYPTO, "KRW"), "XRP/KRW"),
        (AssetRef("ODD", "24/7", Category.CRYPTO, "KRW", provider_symbol="ODD/KRW"), "ODD/KRW"),
    ],
)
def test_canonical_symbols_map_to_finance_datareader_symbols(asset, expected):
    assert provider_symbol(asset) == expected


def test_the_reader_gets_the_provider_symbol_and_iso_dates(files, listing):
    reader = FakeReader(files)
    client = FdrClient(reader=reader, listing=listing)

    client.daily_prices(BITCOIN, dt.date(2026, 5, 1), dt.date(2026, 5, 17))

    assert reader.calls == [("BTC/KRW", "2026-05-01", "2026-05-17")]


# -- weekly -------------------------------------------------------------------------------------


def test_weekly_bars_are_labelled_with_the_last_session_of_the_week(client):
    weekly = client.weekly_prices(KOSPI, dt.date(2025, 9, 29), dt.date(2025, 10, 17))

    by_date = weekly.set_index("date")
    # Chuseok: Friday 3 October and the next Monday to Thursday were holidays.
    assert list(by_date.index.date) == [
        dt.date(2025, 10, 2),
        dt.date(2025, 10, 10),
        dt.date(2025, 10, 17),
    ]
    week = by_date.loc["2025-10-02"]
    assert week["open"] == pytest.approx(3414.43)
    assert week["high"] == pytest.approx(3565.96)
    assert week["low"] == pytest.approx(3413.33)
    assert week["close"] == pytest.approx(3549.21)
    assert week["volume"] == 416480046 + 526401520 + 493641155 + 402107231


def test_weekly_reads_from_the_monday_so_the_first_week_opens_right(files, listing):
    reader = FakeReader(files)
    client = FdrClient(reader=reader, listing=listing)

    weekly = client.weekly_prices(KOSPI, dt.date(2025, 10, 1), dt.date(2025, 10, 3))

    assert reader.calls[0][1] == "2025-09-29"
    assert weekly.iloc[0]["open"] == pytest.approx(3414.43)


def test_crypto_weekends_close_their_own_week(client):
    weekly = client.weekly_prices(BITCOIN, dt.date(2026, 5, 4), dt.date(2026, 5, 17))

    assert [d.strftime("%a %Y-%m-%d") for d in weekly["date"]] == [
        "Sun 2026-05-10",
        "Sun 2026-05-17",
    ]


# -- describing assets --------------------------------------------------------------------------


def test_a_krx_code_is_a_krw_stock_on_xkrx_named_from_the_listing(client):
    info = client.describe_asset("005930")

    assert (info.symbol, info.category, info.exchange, info.currency) == (
        "005930",
        Category.STOCK,
        "XKRX",
        "KRW",
    )
    assert info.name == "삼성전자"
    assert info.name_local == "삼성전자"


def test_a_krx_code_is_still_described_when_the_listing_is_unavailable(files):
    def offline():
        raise requests.ConnectionError("no network")

    info = FdrClient(reader=FakeReader(files), listing=offline).describe_asset("000660")

    assert (info.name, info.exchange) == ("000660", "XKRX")


@pytest.mark.parametrize(
    ("symbol", "category", "exchange", "currency", "remote"),
    [
        ("KS11", Category.INDEX, "XKRX", "KRW", "KS11"),
        ("kq11", Category.INDEX, "XKRX", "KRW", "KQ11"),
        ("US500", Category.INDEX, "XNYS", "USD", "US500"),
        ("BTC/KRW", Category.CRYPTO, "24/7", "KRW", "BTC/KRW"),
        ("GC=F", Category.COMMODITY, "24/5", "USD", "GC=F"),
        ("USD-KRW", Category.FX, "24/5", "KRW", "USD/KRW"),
    ],
)
def test_indices_crypto_fx_and_commodities_come_from_the_static_table(
    client, symbol, category, exchange, currency, remote
):
    info = client.describe_asset(symbol)

    assert (info.category, info.exchange, info.currency, info.provider_symbol) == (
        category,
        exchange,
        currency,
        remote,
    )
    assert "/" not in info.symbol


def test_an_unknown_symbol_cannot_be_described(client):
    with pytest.raises(ProviderError) as caught:
        client.describe_asset("NOTREAL")

    assert caught.value.permanent


def test_search_finds_krx_names_and_static_assets(client):
    assert [m.symbol for m in client.search("삼성전자")][:1] == ["005930"]
    assert "KS11" in [m.symbol for m in client.search("kospi")]


def test_fundamentals_are_not_offered(client):
    with pytest.raises(ProviderError) as caught:
        client.statements(SAMSUNG, StatementKind.BALANCE_SHEET)
    assert caught.value.permanent
    with pytest.raises(ProviderError):
        client.company_overview(SAMSUNG)
