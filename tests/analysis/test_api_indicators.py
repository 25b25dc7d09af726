"""The indicator endpoint: TA-Lib's values on the stored bars, warm-up, validation, signals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pytest
import talib
import time_machine
from django.test import Client

from stockvis.analysis import services
from stockvis.analysis.sessions import closed_bar_count
from stockvis.analysis.signals import REASON_CODES
from stockvis.collector.demo import demo_load
from stockvis.collector.imports import prices_import
from stockvis.market.models import Asset, DailyPrice, WeeklyPrice
from stockvis.market.signals import prices_changed
from stockvis.providers.csvfile.parser import parse_price_csv
from tests.analysis.api_fixtures import (  # noqa: F401  (fixtures)
    DEMO_TODAY,
    after_the_close,
    as_array,
    demo,
    stored_bars,
)
from tests.analysis.shared_data import shared_data_file

URL = "/api/v1/stocks/api/indicators/{}/"


def get(client: Client, symbol: str, **params: Any) -> Any:
    return client.get(URL.format(symbol), params)


def talib_reference(bars: dict[str, Any], **periods: Any) -> dict[str, np.ndarray]:
    """The eight indicators called straight on TA-Lib with the API's defaults (or `periods`)."""
    p = {
        "rsi": 14,
        "fast": 12,
        "slow": 26,
        "signal": 9,
        "bb": 20,
        "sd": 2.0,
        "k": 14,
        "smooth": 3,
        "d": 3,
        "atr": 14,
        **periods,
    }
    high, low, close, volume = bars["high"], bars["low"], bars["close"], bars["volume"]
    out = {"rsi": talib.RSI(close, p["rsi"])}
    out["macd"], out["macd_signal"], out["macd_hist"] = talib.MACD(
        close, p["fast"], p["slow"], p["signal"]
    )
    out["bb_upper"], out["bb_middle"], out["bb_lower"] = talib.BBANDS(
        close, p["bb"], p["sd"], p["sd"], talib.MA_Type.SMA
    )
    for period in (20, 50, 200):
        out[f"sma_{period}"] = talib.SMA(close, period)
        out[f"ema_{period}"] = talib.EMA(close, period)
    out["stoch_k"], out["stoch_d"] = talib.STOCH(
        high, low, close, p["k"], p["smooth"], talib.MA_Type.SMA, p["d"], talib.MA_Type.SMA
    )
    out["obv"] = talib.OBV(close, volume)
    out["atr"] = talib.ATR(high, low, close, p["atr"])
    return out


def assert_matches_talib(body: dict[str, Any], bars: dict[str, Any], **periods: Any) -> None:
    reference = talib_reference(bars, **periods)
    first = bars["dates"].index(body["dates"][0])
    assert body["dates"] == bars["dates"][first:]
    for name, values in body["indicators"].items():
        np.testing.assert_array_equal(as_array(values), reference[name][first:], err_msg=name)


# --- values ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_every_indicator_equals_talib_called_on_the_stored_bars(client):
    response = get(client, "AAPL", period="max", sma="20,50,200", ema="20,50,200")

    assert response.status_code == 200
    body = response.json()
    assert set(body["indicators"]) == {
        "rsi",
        "macd",
        "macd_signal",
        "macd_hist",
        "bb_upper",
        "bb_middle",
        "bb_lower",
        "sma_20",
        "sma_50",
        "sma_200",
        "ema_20",
        "ema_50",
        "ema_200",
        "stoch_k",
        "stoch_d",
        "obv",
        "atr",
    }
    assert_matches_talib(body, stored_bars("AAPL"))
    assert body["meta"]["warmup_bars"] == 0
    assert (
        body["meta"]["bars"]
        == len(body["dates"])
        == DailyPrice.objects.filter(asset__symbol="AAPL").count()
    )


@pytest.mark.usefixtures("demo")
def test_custom_parameters_give_talibs_values_for_those_parameters(client):
    response = get(
        client,
        "msft",
        period="max",
        rsi_period=7,
        macd_fast=5,
        macd_slow=35,
        macd_signal=5,
        bb_period=10,
        bb_stddev=2.5,
        stoch_k=5,
        stoch_smooth=1,
        stoch_d=4,
        atr_period=21,
        indicators="rsi,macd,bbands,stoch,atr",
    )

    assert response.status_code == 200
    assert_matches_talib(
        response.json(),
        stored_bars("MSFT"),
        rsi=7,
        fast=5,
        slow=35,
        signal=5,
        bb=10,
        sd=2.5,
        k=5,
        smooth=1,
        d=4,
        atr=21,
    )


@pytest.mark.usefixtures("demo")
def test_weekly_bars_are_computed_like_daily_ones(client):
    response = get(client, "005930", type="weekly", period="max", indicators="rsi,macd,obv")

    assert response.status_code == 200
    body = response.json()
    assert body["params"]["type"] == "weekly"
    assert_matches_talib(body, stored_bars("005930", WeeklyPrice))


@pytest.mark.parametrize(
    ("symbol", "exchange", "currency", "market", "parts"),
    [
        ("SPYREAL", "XNYS", "USD", "US", ("pandas-ta", "SPY_D.csv")),
        ("005930", "XKRX", "KRW", "KR", ("ecstasyego-CSV", "005930.csv")),
    ],
)
def test_values_equal_talib_on_a_real_price_file_imported_through_the_collector(
    client, db, symbol, exchange, currency, market, parts, django_capture_on_commit_callbacks
):
    Asset.objects.create(
        symbol=symbol,
        name=f"{symbol} from a real price file",
        category="stock",
        market=market,
        exchange=exchange,
        currency=currency,
        preferred_source="csv",
    )
    parsed = parse_price_csv(Path(shared_data_file(*parts)).read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        report = prices_import(frame=parsed.frame, symbol=symbol, source="csv")
    assert report.failed == 0

    response = get(client, symbol, period="max", sma="20,50,200", ema="20,50,200")

    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["synthetic"] is False
    assert body["meta"]["notice"] is None
    assert body["meta"]["source"] == "csv"
    stored = stored_bars(symbol)
    assert len(stored["dates"]) > 1000
    assert_matches_talib(body, stored)


# --- warm-up ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_the_first_shown_values_are_warmed_up_on_history_before_the_window(client):
    response = get(client, "NVDA", period="1m", sma="20,50,200", ema="20,200")

    body = response.json()
    stored = stored_bars("NVDA")
    assert body["meta"]["warmup_bars"] == stored["dates"].index(body["dates"][0]) > 200
    assert len(body["dates"]) == body["meta"]["bars"] < 25
    for name, values in body["indicators"].items():
        assert values[0] is not None, f"{name} starts with null despite two years of history"
    assert_matches_talib(body, stored)


@pytest.mark.usefixtures("demo")
def test_a_dates_value_does_not_depend_on_the_window_asked_for(client):
    month = get(client, "TSLA", period="1m").json()
    year = get(client, "TSLA", period="1y").json()

    offset = year["dates"].index(month["dates"][0])
    for name, values in month["indicators"].items():
        assert year["indicators"][name][offset:] == values, name


@pytest.mark.usefixtures("after_the_close")
def test_values_are_null_only_while_the_history_is_too_short(client, db):
    asset = Asset.objects.create(
        symbol="NEWCO",
        name="Newly listed",
        category="stock",
        market="US",
        exchange="XNYS",
        currency="USD",
        preferred_source="csv",
    )
    closes = 100 + np.cumsum(np.sin(np.arange(30)))
    days = [dt.date(2026, 9, 1) + dt.timedelta(days=i) for i in range(30)]
    DailyPrice.objects.bulk_create(
        DailyPrice(
            asset=asset,
            date=day,
            source="csv",
            open=close,
            high=close + 1,
            low=close - 1,
            close=close,
            volume=1000 + i,
        )
        for i, (day, close) in enumerate(zip(days, closes, strict=True))
    )

    body = get(client, "NEWCO", period="max", sma="5,50").json()

    rsi = body["indicators"]["rsi"]
    assert rsi[:14] == [None] * 14
    assert None not in rsi[14:]
    assert body["indicators"]["sma_5"][:4] == [None] * 4
    assert body["indicators"]["sma_50"] == [None] * 30
    signals = {signal["name"]: signal for signal in body["signals"]}
    assert signals["ma_cross"]["has_data"] is False
    assert "Not enough history" in signals["ma_cross"]["reason"]
    assert signals["rsi"]["has_data"] is True


@pytest.mark.usefixtures("after_the_close")
def test_an_asset_without_bars_answers_empty_arrays(client, db):
    Asset.objects.create(
        symbol="EMPTY", name="No bars", category="stock", exchange="XNYS", currency="USD"
    )

    response = get(client, "empty")

    assert response.status_code == 200
    body = response.json()
    assert body["dates"] == []
    assert all(values == [] for values in body["indicators"].values())
    assert body["composite"]["score"] == 0
    assert body["meta"]["signals_as_of"] is None


# --- selection -------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_indicators_chooses_which_arrays_are_returned(client):
    body = get(client, "AAPL", indicators="RSI,bb,obv").json()

    assert list(body["indicators"]) == ["rsi", "bb_upper", "bb_middle", "bb_lower", "obv"]
    assert body["params"]["indicators"] == ["bbands", "obv", "rsi"]
    assert all(len(values) == len(body["dates"]) for values in body["indicators"].values())


@pytest.mark.usefixtures("demo")
def test_sma_and_ema_take_several_periods(client):
    body = get(client, "AAPL", indicators="sma,ema", sma="200,50,20,50", ema="9").json()

    assert list(body["indicators"]) == ["sma_20", "sma_50", "sma_200", "ema_9"]
    assert body["params"]["sma"] == [20, 50, 200]


@pytest.mark.usefixtures("demo")
def test_the_window_follows_the_charts_period_and_days(client):
    three_months = get(client, "AAPL", period="3m").json()
    ten_days = get(client, "AAPL", days=10, period="5y").json()

    assert dt.date.fromisoformat(three_months["dates"][0]) >= dt.date(2026, 8, 20)
    assert three_months["params"]["period"] == "3m"
    assert ten_days["params"]["days"] == 10
    assert dt.date.fromisoformat(ten_days["dates"][0]) >= dt.date(2026, 11, 10)


# --- validation ------------------------------------------------------------------------------

BAD_PARAMETERS = [
    ("rsi_period", "1", "from 2 to 500"),
    ("rsi_period", "501", "from 2 to 500"),
    ("rsi_period", "fourteen", "from 2 to 500"),
    ("macd_fast", "26", "below macd_slow"),
    ("macd_fast", "1", "from 2 to 500"),
    ("macd_slow", "501", "from 2 to 500"),
    ("macd_signal", "1", "from 2 to 500"),
    ("bb_period", "501", "from 2 to 500"),
    ("bb_stddev", "0.05", "from 0.1 to 5.0"),
    ("bb_stddev", "5.5", "from 0.1 to 5.0"),
    ("bb_stddev", "nan", "from 0.1 to 5.0"),
    ("sma", "1", "from 2 to 500"),
    ("sma", "20,x", "comma-separated whole numbers"),
    ("sma", ",".join(str(p) for p in range(2, 13)), "1 to 10 distinct periods"),
    ("ema", "600", "from 2 to 500"),
    ("stoch_k", "1", "from 2 to 500"),
    ("stoch_smooth", "0", "from 1 to 500"),
    ("stoch_d", "501", "from 1 to 500"),
    ("atr_period", "1", "from 2 to 500"),
    ("indicators", "rsi,vwap", "must be chosen from atr, bbands, ema, macd, obv, rsi, sma, stoch"),
    ("indicators", ",", "must name at least one"),
    ("type", "monthly", "daily, weekly"),
    ("period", "7y", "1d, 5d, 1m, 3m, 6m, 1y, 2y, 5y, max"),
    ("days", "0", "from 1 to 36500"),
    ("days", "36501", "from 1 to 36500"),
    ("rsi_perod", "5", "unknown parameter; allowed: type, period, days"),
]


@pytest.mark.parametrize(("param", "value", "allowed"), BAD_PARAMETERS)
@pytest.mark.django_db
def test_each_parameter_out_of_range_is_a_400_naming_it_and_what_is_allowed(
    client, param, value, allowed
):
    response = get(client, "AAPL", **{param: value})

    assert response.status_code == 400
    body = response.json()
    assert list(body["fields"]) == [param]
    assert allowed in body["fields"][param][0]


@pytest.mark.parametrize(
    "params",
    [
        {"rsi_period": 2, "bb_period": 500, "bb_stddev": 0.1, "atr_period": 500},
        {"macd_fast": 2, "macd_slow": 500, "macd_signal": 500, "bb_stddev": 5},
        {"stoch_k": 2, "stoch_smooth": 1, "stoch_d": 1, "sma": "2,500", "ema": "2,500"},
        {"type": "WEEKLY", "period": "MAX", "days": 36500},
    ],
)
@pytest.mark.usefixtures("demo")
def test_the_bounds_of_every_range_are_accepted(client, params):
    assert get(client, "AAPL", **params).status_code == 200


@pytest.mark.usefixtures("demo")
def test_an_unknown_symbol_is_a_404_a_malformed_one_a_400_and_symbols_ignore_case(client):
    assert get(client, "NOPE").status_code == 404
    assert get(client, "bad symbol!").status_code == 400
    assert get(client, "btc-krw").json()["meta"]["symbol"] == "BTC-KRW"


# --- signals ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_every_signal_comes_with_its_date_direction_strength_and_reason(client):
    body = get(client, "AAPL").json()

    names = [signal["name"] for signal in body["signals"]]
    assert names == ["rsi", "macd", "bbands", "ma_cross", "stoch", "obv", "atr"]
    for signal in body["signals"]:
        assert signal["direction"] in {"buy", "sell", "neutral"}
        assert 0 <= signal["strength"] <= 1
        assert signal["reason"].endswith(".")
        assert signal["reason_code"] in REASON_CODES
        assert signal["reason_code"].split("_")[0] in signal["name"].replace("bbands", "bb")
        assert all(isinstance(v, int | float | str) for v in signal["reason_params"].values())
        assert dt.date.fromisoformat(signal["date"]) <= DEMO_TODAY
        assert signal["has_data"] is True
    composite = body["composite"]
    assert -100 <= composite["score"] <= 100
    assert composite["label"] in {"strong_sell", "sell", "neutral", "buy", "strong_buy"}
    assert sum(composite["weights"].values()) == pytest.approx(1, abs=1e-3)
    assert "atr" not in composite["weights"]  # context only, no direction
    # Each figure is rounded to 1 decimal on its own, so the sum is off by at most 6 halves.
    assert sum(composite["contributions"].values()) == pytest.approx(composite["score"], abs=0.3)
    for event in body["events"]:
        assert event["date"] >= body["dates"][0]


@pytest.mark.usefixtures("demo")
def test_asking_for_some_indicators_answers_only_their_signals_and_events(client):
    everything = get(client, "AAPL", days=730).json()
    body = get(client, "AAPL", days=730, indicators="rsi,macd").json()

    assert [signal["name"] for signal in body["signals"]] == ["rsi", "macd"]
    assert {event["signal"] for event in body["events"]} <= {"rsi", "macd"}
    assert [e for e in everything["events"] if e["signal"] in {"rsi", "macd"}] == body["events"]
    assert body["composite"] == everything["composite"]  # always all seven signals
    assert set(body["indicators"]) < set(everything["indicators"])


@pytest.mark.usefixtures("demo")
def test_scores_are_rounded_to_one_decimal(client):
    composite = get(client, "AAPL").json()["composite"]
    for value in (composite["score"], *composite["contributions"].values()):
        assert value == round(value, 1)


@pytest.mark.usefixtures("demo")
def test_the_composite_equals_the_screeners_snapshot_for_default_parameters(client):
    body = get(client, "IBM").json()
    snapshot = Asset.objects.by_symbol("IBM").indicator_snapshot

    assert body["composite"]["label"] == snapshot.label
    assert body["composite"]["score"] == pytest.approx(snapshot.score, abs=0.05)
    assert body["indicators"]["rsi"][-1] == pytest.approx(snapshot.rsi)


def test_signals_read_closed_bars_only_while_the_days_bar_is_still_forming(client, db):
    with time_machine.travel(dt.datetime(2026, 11, 20, 18, 0, tzinfo=dt.UTC), tick=False):
        demo_load(today=DEMO_TODAY, years=1)
        body = get(client, "AAPL").json()

    # NYSE closes at 21:00 UTC: Friday's bar is drawn, but the signals stop at Thursday.
    assert body["dates"][-1] == "2026-11-20"
    assert body["indicators"]["rsi"][-1] is not None
    assert body["meta"]["signals_as_of"] == "2026-11-19"
    assert {signal["date"] for signal in body["signals"] if signal["name"] == "rsi"} == {
        "2026-11-19"
    }


@pytest.mark.parametrize(
    ("exchange", "bar_type", "dates", "now", "closed"),
    [
        ("XNYS", "daily", ["2026-11-19", "2026-11-20"], "2026-11-20T20:59:00", 1),
        ("XNYS", "daily", ["2026-11-19", "2026-11-20"], "2026-11-20T21:00:00", 2),
        ("XKRX", "daily", ["2026-11-20"], "2026-11-20T06:00:00", 0),
        ("XKRX", "daily", ["2026-11-20"], "2026-11-20T06:30:00", 1),
        ("24/7", "daily", ["2026-11-22"], "2026-11-22T23:59:00", 0),
        ("24/7", "daily", ["2026-11-22"], "2026-11-23T00:00:00", 1),
        ("XNYS", "weekly", ["2026-11-13", "2026-11-18"], "2026-11-20T12:00:00", 1),
        ("XNYS", "weekly", ["2026-11-13", "2026-11-18"], "2026-11-20T21:00:00", 2),
    ],
)
def test_a_bar_counts_as_closed_once_its_session_or_week_has_ended(
    exchange, bar_type, dates, now, closed
):
    moment = dt.datetime.fromisoformat(now).replace(tzinfo=dt.UTC)
    days = [dt.date.fromisoformat(day) for day in dates]

    assert closed_bar_count(days, exchange=exchange, bar_type=bar_type, now=moment) == closed


# --- meta, caching, schema -------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_synthetic_data_is_flagged_with_a_notice(client):
    meta = get(client, "AAPL").json()["meta"]

    assert meta["synthetic"] is True
    assert meta["source"] == "synthetic"
    assert "not real market prices" in meta["notice"]
    assert meta["symbol"] == "AAPL"
    assert meta["name"] == "Apple Inc."


@pytest.mark.usefixtures("demo")
def test_the_response_is_cached_until_the_symbol_is_ingested_again(client):
    with mock.patch.object(services, "compute_signals", wraps=services.compute_signals) as computed:
        first = get(client, "AAPL", rsi_period=9)
        second = get(client, "aapl", rsi_period=9)
        assert computed.call_count == 1
        assert first.content == second.content
        assert first["Content-Type"] == "application/json"

        get(client, "AAPL", rsi_period=10)
        assert computed.call_count == 2

        prices_changed.send(sender=Asset, symbols=["AAPL"], kind="daily")
        get(client, "AAPL", rsi_period=9)
        assert computed.call_count == 3


def test_the_openapi_schema_describes_every_parameter_with_its_range(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    operation = schema["paths"]["/api/v1/stocks/api/indicators/{symbol}/"]["get"]
    params = {param["name"]: param for param in operation["parameters"]}
    for name in ("rsi_period", "macd_fast", "macd_slow", "macd_signal", "bb_period", "atr_period"):
        assert params[name]["schema"]["minimum"] == 2
        assert params[name]["schema"]["maximum"] == 500
    assert params["stoch_d"]["schema"]["minimum"] == 1
    assert params["bb_stddev"]["schema"]["minimum"] == 0.1
    assert params["type"]["schema"]["enum"] == ["daily", "weekly"]
    assert "max" in params["period"]["schema"]["enum"]
    assert params["days"]["schema"]["maximum"] == 36500
    assert {"200", "400", "404"} <= set(operation["responses"])
    response_schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert response_schema["$ref"].endswith("/IndicatorResponse")
    component = schema["components"]["schemas"]["IndicatorResponse"]
    assert {"meta", "params", "dates", "indicators", "signals", "composite", "events"} <= set(
        component["properties"]
    )
