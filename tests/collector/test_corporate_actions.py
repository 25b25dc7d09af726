"""Splits and dividends are collected (Alpha Vantage, Yahoo-style files), stored once per source,
explain a split day to the spike check and adjust what analysis reads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import talib
import time_machine
from django.core.management import call_command

from stockvis.collector.collect import collect
from stockvis.collector.models import DataQualityFlag
from stockvis.market.corporate_actions import adjusted_bars, corporate_events
from stockvis.market.models import Asset, CorporateAction
from stockvis.providers.base import DataKind
from tests.collector.conftest import AlphaVantageServer, us_stock
from tests.shared_data import shared_data_path

pytestmark = pytest.mark.django_db

AV = "portfoliotree-alphavantage"
NOW = dt.datetime(2026, 5, 18, 12, 0, tzinfo=dt.UTC)


def recorded_json(name: str) -> bytes:
    """The recorded CSV answer as the JSON answer the client asks for (same field names)."""
    with shared_data_path(AV, "fundamental", name).open(encoding="utf-8-sig", newline="") as f:
        return json.dumps({"symbol": "IBM", "data": list(csv.DictReader(f))}).encode()


def serve_ibm_actions(server: AlphaVantageServer) -> None:
    server.on("SPLITS", "IBM", recorded_json("SPLITS_358e2618.csv"))
    server.on("DIVIDENDS", "IBM", recorded_json("DIVIDENDS_5b9f5d9f.csv"))


def collect_actions(symbol: str = "IBM") -> None:
    with time_machine.travel(NOW, tick=False):
        report = collect(
            start=dt.date(2026, 5, 1),
            end=dt.date(2026, 5, 15),
            symbols=[symbol],
            provider_name="alphavantage",
            kinds=[DataKind.ACTIONS],
        )
    assert report.job.status == "success", report.job.error_summary


def test_alpha_vantage_splits_and_dividends_are_stored_once_however_often_collected(
    av_server: AlphaVantageServer,
) -> None:
    us_stock("IBM")
    serve_ibm_actions(av_server)

    collect_actions()
    collect_actions()

    rows = CorporateAction.objects.filter(asset__symbol="IBM", source="alphavantage")
    assert rows.filter(kind="split").count() == 2
    assert rows.filter(kind="dividend").count() == 110
    spin_off = rows.get(kind="split", ex_date=dt.date(2021, 11, 4))
    assert spin_off.ratio == Decimal("1.046")
    assert spin_off.amount is None
    assert rows.get(kind="dividend", ex_date=dt.date(2026, 5, 8)).amount == Decimal("1.69")
    assert av_server.count("SPLITS", "IBM") == 2


def _daily_payload(closes: dict[str, float]) -> bytes:
    series = {
        day: {
            "1. open": str(c),
            "2. high": str(c * 1.01),
            "3. low": str(c * 0.99),
            "4. close": str(c),
            "5. volume": "1000",
        }
        for day, c in closes.items()
    }
    return json.dumps({"Meta Data": {"2. Symbol": "NVDA"}, "Time Series (Daily)": series}).encode()


NVDA_CLOSES = {  # a 10-for-1 split on Monday 2024-06-10
    "2024-06-05": 1224.4,
    "2024-06-06": 1209.98,
    "2024-06-07": 1208.88,
    "2024-06-10": 121.79,
    "2024-06-11": 120.91,
}


def _collect_nvda(server: AlphaVantageServer, *, with_split: bool) -> None:
    us_stock("NVDA")
    server.on("TIME_SERIES_DAILY", "NVDA", _daily_payload(NVDA_CLOSES))
    splits = [{"effective_date": "2024-06-10", "split_factor": "10.0000"}] if with_split else []
    server.on("SPLITS", "NVDA", json.dumps({"symbol": "NVDA", "data": splits}).encode())
    server.on("DIVIDENDS", "NVDA", json.dumps({"symbol": "NVDA", "data": []}).encode())
    with time_machine.travel(NOW, tick=False):
        collect(
            start=dt.date(2024, 6, 5),
            end=dt.date(2024, 6, 11),
            symbols=["NVDA"],
            provider_name="alphavantage",
            kinds=[DataKind.ACTIONS, DataKind.DAILY],
        )


def test_a_known_split_is_no_spike(av_server: AlphaVantageServer) -> None:
    _collect_nvda(av_server, with_split=True)

    assert not DataQualityFlag.objects.filter(asset__symbol="NVDA", kind="spike").exists()
    bars = adjusted_bars(Asset.objects.get(symbol="NVDA"))
    assert bars.close.round(3).tolist() == [122.44, 120.998, 120.888, 121.79, 120.91]
    assert bars.volume.tolist() == [10000.0, 10000.0, 10000.0, 1000.0, 1000.0]


def test_an_unknown_split_is_still_flagged(av_server: AlphaVantageServer) -> None:
    _collect_nvda(av_server, with_split=False)

    [flag] = DataQualityFlag.objects.filter(asset__symbol="NVDA", kind="spike")
    assert flag.date == dt.date(2024, 6, 10)


def _import(tmp_path: Path, name: str, symbol: str) -> None:
    Asset.objects.create(
        symbol=symbol, name=symbol, category="stock", exchange="XNYS", currency="USD",
        preferred_source="yahoo",
    )  # fmt: skip
    with time_machine.travel(NOW, tick=False):
        call_command(
            "import-prices",
            str(shared_data_path("yfinance", name)),
            symbol=symbol,
            source="yahoo",
            stdout=io.StringIO(),
        )


def test_yahoo_dividends_adjust_the_close_as_yahoo_itself_does(tmp_path: Path) -> None:
    _import(tmp_path, "CALM-1d-no-bad-divs.csv", "CALM")
    file = pd.read_csv(shared_data_path("yfinance", "CALM-1d-no-bad-divs.csv"))

    stored = CorporateAction.objects.filter(asset__symbol="CALM", source="yahoo")
    assert stored.count() == (file["Dividends"] > 0).sum() == 10
    assert not stored.filter(in_prices=True).exists()  # OHLC beside an Adj Close: not adjusted
    bars = adjusted_bars(Asset.objects.get(symbol="CALM"))
    assert len(bars) == len(file)
    np.testing.assert_allclose(bars.close, file["Adj Close"].to_numpy(), rtol=2e-4)


def test_a_yahoo_split_is_stored_but_not_applied_twice_to_its_split_adjusted_prices(
    tmp_path: Path,
) -> None:
    _import(tmp_path, "4063-T-1d-bad-stock-split-fixed.csv", "SHECY")
    asset = Asset.objects.get(symbol="SHECY")

    split = CorporateAction.objects.get(asset=asset, kind="split")
    assert (split.ex_date, split.ratio, split.in_prices) == (dt.date(2023, 3, 30), 5, True)
    assert all(e.kind == "dividend" for e in corporate_events(asset, bars_source="yahoo"))
    # Bars of another source (unadjusted) do get the split from the file.
    assert any(e.kind == "split" for e in corporate_events(asset, bars_source="alphavantage"))


def test_a_split_learned_after_its_bars_clears_their_spike_flag(
    av_server: AlphaVantageServer,
) -> None:
    _collect_nvda(av_server, with_split=False)
    assert DataQualityFlag.objects.filter(asset__symbol="NVDA", kind="spike").exists()
    splits = [{"effective_date": "2024-06-10", "split_factor": "10.0000"}]
    av_server.on("SPLITS", "NVDA", json.dumps({"symbol": "NVDA", "data": splits}).encode())

    with time_machine.travel(NOW, tick=False):
        collect(
            start=dt.date(2024, 6, 5),
            end=dt.date(2024, 6, 11),
            symbols=["NVDA"],
            provider_name="alphavantage",
            kinds=[DataKind.ACTIONS],
        )

    assert not DataQualityFlag.objects.filter(asset__symbol="NVDA", kind="spike").exists()


def _weekly_json(name: str) -> bytes:
    """The recorded weekly CSV as the JSON answer the client asks for (same values)."""
    path = shared_data_path(AV, "time_series", name)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    keys = ("open", "high", "low", "close", "volume")
    series = {
        row["timestamp"]: {f"{i}. {key}": row[key] for i, key in enumerate(keys, start=1)}
        for row in rows
    }
    return json.dumps({"Meta Data": {"2. Symbol": "IBM"}, "Weekly Time Series": series}).encode()


def test_collected_ibm_weekly_bars_and_actions_reproduce_alpha_vantages_sma(
    av_server: AlphaVantageServer,
) -> None:
    us_stock("IBM")
    serve_ibm_actions(av_server)
    av_server.on("TIME_SERIES_WEEKLY", "IBM", _weekly_json("TIME_SERIES_WEEKLY_74eb54d6.csv"))
    with time_machine.travel(NOW, tick=False):
        report = collect(
            start=dt.date(1999, 11, 1),
            end=dt.date(2026, 5, 15),
            symbols=["IBM"],
            provider_name="alphavantage",
            kinds=[DataKind.ACTIONS, DataKind.WEEKLY],
        )
    assert report.job.status in ("success", "partial_failure"), report.job.error_summary

    bars = adjusted_bars(Asset.objects.get(symbol="IBM"), bar_type="weekly")
    ours = pd.Series(talib.SMA(bars.open, 10), index=pd.DatetimeIndex(bars.dates))
    theirs = pd.read_csv(
        shared_data_path(AV, "technical_moving_averages", "SMA_2e3849d5.csv"),
        parse_dates=["time"],
    ).set_index("time")["SMA"]
    joined = pd.concat([ours, theirs], axis=1, join="inner").dropna()

    assert len(joined) > 1300
    assert (joined.iloc[:, 0] / joined.iloc[:, 1] - 1).abs().max() < 0.003


def test_collect_from_a_csv_folder_stores_the_files_dividends(
    settings: Any, tmp_path: Path
) -> None:
    settings.CSV_IMPORT_DIR = tmp_path
    settings.ALERT_WEBHOOK_URL = ""
    (tmp_path / "CALM.csv").write_bytes(
        shared_data_path("yfinance", "CALM-1d-no-bad-divs.csv").read_bytes()
    )
    Asset.objects.create(
        symbol="CALM", name="Cal-Maine", category="stock", exchange="XNYS", currency="USD",
        preferred_source="csv",
    )  # fmt: skip

    with time_machine.travel(NOW, tick=False):
        collect(
            start=dt.date(2022, 1, 1),
            end=dt.date(2024, 12, 31),
            symbols=["CALM"],
            provider_name="csv",
            kinds=[DataKind.ACTIONS, DataKind.DAILY],
        )

    stored = CorporateAction.objects.filter(asset__symbol="CALM", source="csv", kind="dividend")
    assert stored.count() == 10
