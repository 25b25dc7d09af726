"""Impossible bars (non-finite values, dates before 1900 or after tomorrow) are rejected on every
ingest path: a CSV import, Alpha Vantage, FinanceDataReader and the synthetic provider's path."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from stockvis.collector.collect import collect
from stockvis.market.models import Asset, DailyPrice, WeeklyPrice
from stockvis.providers.base import DataKind
from stockvis.providers.fdr.client import FdrClient
from tests.collector.conftest import AlphaVantageServer, ScriptedProvider, bars, us_stock

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2024, 4, 5, 22, 0, tzinfo=dt.UTC)
GOOD_DATES = ["2024-04-02", "2024-04-03", "2024-04-04"]
CSV = (
    b"Date,Open,High,Low,Close,Volume\n"
    b"1600-01-03,10,11,9,10.5,100\n"
    b"1700-01-04,10,11,9,10.5,100\n"
    b"2024-04-01,inf,inf,inf,inf,1000\n"
    b"2024-04-02,10,11,9,10.5,100\n"
    b"2024-04-03,10.5,11,10,10.8,100\n"
    b"2024-04-04,10.8,11.2,10.6,11,100\n"
    b"2099-01-02,99,99,99,99,100\n"
)


def stored_daily(symbol: str) -> list[str]:
    dates = DailyPrice.objects.filter(asset__symbol=symbol).order_by("date")
    return [d.isoformat() for d in dates.values_list("date", flat=True)]


def test_an_imported_csv_keeps_only_possible_rows_and_2099_never_becomes_the_latest_quote(
    client: Client, tmp_path: Path
) -> None:
    us_stock("SPY")
    path = tmp_path / "spy.csv"
    path.write_bytes(CSV)

    with time_machine.travel(TODAY, tick=False):
        call_command("import-prices", str(path), symbol="SPY", stdout=io.StringIO())
        overview = client.get("/api/v1/stocks/api/overview/spy/")

    assert stored_daily("SPY") == GOOD_DATES
    assert overview.status_code == 200
    assert "2099" not in overview.content.decode()
    assert "2024-04-04" in overview.content.decode()


def _daily_payload(rows: dict[str, tuple[str, ...]]) -> bytes:
    series = {
        day: dict(zip(["1. open", "2. high", "3. low", "4. close", "5. volume"], row, strict=True))
        for day, row in rows.items()
    }
    return json.dumps({"Meta Data": {"2. Symbol": "IBM"}, "Time Series (Daily)": series}).encode()


def test_alpha_vantage_bars_with_infinities_or_from_2099_are_not_stored(
    av_server: AlphaVantageServer,
) -> None:
    us_stock("IBM")
    av_server.on(
        "TIME_SERIES_DAILY",
        "IBM",
        _daily_payload(
            {
                "2099-01-02": ("1", "1", "1", "1", "1"),
                "2024-04-04": ("10.8", "11.2", "10.6", "11", "100"),
                "2024-04-03": ("Infinity", "11", "10", "10.8", "100"),
                "2024-04-02": ("10", "11", "9", "10.5", "100"),
            }
        ),
    )

    with time_machine.travel(TODAY, tick=False):
        report = collect(
            start=dt.date(2024, 4, 1),
            end=dt.date(2099, 1, 2),
            symbols=["IBM"],
            provider_name="alphavantage",
            kinds=[DataKind.DAILY],
        )

    assert stored_daily("IBM") == ["2024-04-02", "2024-04-04"]
    assert report.results[0].rejected == 2


def test_finance_data_reader_bars_with_infinities_are_not_stored_daily_or_weekly() -> None:
    Asset.objects.create(
        symbol="005930", name="Samsung", category="stock", market="KR", exchange="XKRX",
        currency="KRW", preferred_source="fdr",
    )  # fmt: skip
    raw = pd.DataFrame(
        {
            "Open": [70000, 70000, 70500],
            "High": [71000, float("inf"), 71000],
            "Low": [69000, 69000, 70000],
            "Close": [70500, 70000, 70800],
            "Volume": [1, 1, 1],
        },
        index=pd.DatetimeIndex(["2024-04-01", "2024-04-02", "2024-04-03"], name="Date"),
    )

    def reader(symbol: str, start: str, end: str) -> pd.DataFrame:
        return raw

    with time_machine.travel(TODAY, tick=False):
        collect(
            start=dt.date(2024, 4, 1),
            end=dt.date(2024, 4, 3),
            symbols=["005930"],
            provider=FdrClient(reader=reader),
            kinds=[DataKind.DAILY, DataKind.WEEKLY],
        )

    assert stored_daily("005930") == ["2024-04-01", "2024-04-03"]
    # The weekly bar is rebuilt from the stored (finite) dailies only: no infinity reaches it.
    weekly = WeeklyPrice.objects.get(asset__symbol="005930")
    assert (weekly.date, weekly.high, weekly.volume) == (dt.date(2024, 4, 3), 71000.0, 2.0)


def test_the_synthetic_path_rejects_them_too(settings: Any) -> None:
    settings.ALERT_WEBHOOK_URL = ""
    us_stock("AAPL")
    provider = ScriptedProvider()
    provider.daily["AAPL"] = bars(
        [
            ("1600-01-03", 10, 11, 9, 10.5, 1),
            ("2024-04-02", 10, 11, 9, 10.5, 1),
            ("2024-04-03", 10, 11, 9, float("nan"), 1),
            ("2024-04-04", 10, 11, 9, 10.5, float("inf")),
            ("2099-01-02", 10, 11, 9, 10.5, 1),
        ]
    )

    with time_machine.travel(TODAY, tick=False):
        collect(
            start=dt.date(2024, 4, 1),
            end=dt.date(2024, 4, 4),
            symbols=["AAPL"],
            provider=provider,
            kinds=[DataKind.DAILY],
        )

    assert stored_daily("AAPL") == ["2024-04-02"]
