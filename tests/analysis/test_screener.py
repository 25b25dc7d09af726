"""The screener: filters, sorting and paging over snapshot rows kept fresh by ingests."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.test import Client

from stockvis.analysis import services
from stockvis.analysis.models import IndicatorSnapshot
from stockvis.analysis.services import snapshots_refresh, snapshots_refresh_after_ingest
from stockvis.analysis.tasks import refresh_snapshots
from stockvis.collector.demo import demo_load
from stockvis.market.models import Asset, DailyPrice
from stockvis.market.signals import prices_changed
from tests.analysis.api_fixtures import (  # noqa: F401  (fixtures)
    AFTER_THE_CLOSE,
    DEMO_TODAY,
    after_the_close,
    demo,
)

URL = "/api/v1/analysis/screener/"


def screen(client: Client, **params: Any) -> dict[str, Any]:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def symbols(body: dict[str, Any]) -> list[str]:
    return [row["symbol"] for row in body["results"]]


def snapshot(symbol: str) -> IndicatorSnapshot:
    return IndicatorSnapshot.objects.get(asset__symbol=symbol)


# --- snapshots -------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_loading_the_demo_leaves_a_snapshot_for_every_asset():
    assert IndicatorSnapshot.objects.count() == Asset.objects.count() == 20
    aapl = snapshot("AAPL")
    assert aapl.as_of == DEMO_TODAY
    assert aapl.bar_count == DailyPrice.objects.filter(asset=aapl.asset).count()
    assert aapl.is_synthetic
    assert aapl.rsi is not None
    assert aapl.sma_200 is not None
    assert {signal["name"] for signal in aapl.signals} >= {"rsi", "macd", "ma_cross", "atr"}
    assert all(signal["reason"] for signal in aapl.signals)


@pytest.mark.usefixtures("demo")
def test_new_bars_announced_by_prices_changed_refresh_the_snapshot():
    asset = Asset.objects.by_symbol("AAPL")
    before = snapshot("AAPL")
    last = DailyPrice.objects.filter(asset=asset).latest("date")
    # A crash on a new closed bar: RSI falls, the close moves, the as-of date moves on.
    DailyPrice.objects.create(
        asset=asset,
        date=dt.date(2026, 11, 23),  # the Monday after the demo's last bar
        source="synthetic",
        open=last.close,
        high=last.close,
        low=last.close * 0.5,
        close=last.close * 0.55,
        volume=last.volume * 3,
    )
    with time_machine.travel(dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC), tick=False):
        prices_changed.send(sender=Asset, symbols=["AAPL"], kind="daily")

    after = snapshot("AAPL")
    assert after.as_of > before.as_of
    assert after.close == pytest.approx(last.close * 0.55)
    assert after.change_percent == pytest.approx(-45)
    assert after.rsi < before.rsi
    assert after.computed_at > before.computed_at


@pytest.mark.usefixtures("demo")
def test_weekly_ingests_leave_the_snapshots_alone():
    with mock.patch.object(services, "snapshots_refresh") as refresh:
        prices_changed.send(sender=Asset, symbols=["AAPL"], kind="weekly")
    refresh.assert_not_called()


def test_a_big_ingest_queues_the_refresh_for_the_worker_in_chunks(
    db, django_capture_on_commit_callbacks
):
    many = [f"S{i}" for i in range(services.TASK_CHUNK + 5)]
    with (
        mock.patch.object(refresh_snapshots, "delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        snapshots_refresh_after_ingest(symbols=many, kind="daily")

    assert [call.args[0] for call in delay.call_args_list] == [
        many[: services.TASK_CHUNK],
        many[services.TASK_CHUNK :],
    ]


def test_a_failing_inline_refresh_never_breaks_the_ingest_and_goes_to_the_worker(db):
    with (
        mock.patch.object(services, "snapshots_refresh", side_effect=RuntimeError("boom")),
        mock.patch.object(services, "snapshots_enqueue") as enqueue,
    ):
        snapshots_refresh_after_ingest(symbols=["AAPL"], kind="daily")
    enqueue.assert_called_once_with(symbols=["AAPL"])


@pytest.mark.usefixtures("demo")
def test_the_refresh_task_refreshes_the_named_symbols_and_skips_unknown_ones():
    IndicatorSnapshot.objects.all().delete()

    assert refresh_snapshots(["aapl", "NOPE", "bad symbol!"]) == 1
    assert list(IndicatorSnapshot.objects.values_list("asset__symbol", flat=True)) == ["AAPL"]


@pytest.mark.usefixtures("after_the_close")
def test_assets_without_a_snapshot_are_computed_on_first_sight(db, client):
    demo_load(today=DEMO_TODAY, years=1)  # no commit here: prices_changed never ran
    assert IndicatorSnapshot.objects.count() == 0

    first = screen(client)
    second = screen(client)

    assert first["meta"]["computed_now"] == 20
    assert first["count"] == 20
    assert second["meta"]["computed_now"] == 0
    assert second["meta"]["missing_snapshots"] == 0


@pytest.mark.usefixtures("after_the_close")
def test_past_the_lazy_limit_the_rest_are_counted_as_missing(db, client):
    demo_load(today=DEMO_TODAY, years=1)
    with mock.patch.object(services, "LAZY_SNAPSHOT_LIMIT", 5):
        body = screen(client)
    assert body["meta"]["computed_now"] == 5
    assert body["meta"]["missing_snapshots"] == 15
    assert body["count"] == 5


@pytest.mark.usefixtures("demo")
def test_assets_without_bars_are_not_listed(client):
    Asset.objects.create(
        symbol="EMPTY", name="No bars", category="stock", exchange="XNYS", currency="USD"
    )

    body = screen(client, page_size=100)

    assert "EMPTY" not in symbols(body)
    assert snapshot("EMPTY").as_of is None  # looked at once, not recomputed per request
    assert screen(client)["meta"]["computed_now"] == 0


@pytest.mark.usefixtures("demo")
def test_the_check_for_missing_snapshots_rests_a_while_once_none_is_missing(client):
    assert screen(client)["meta"]["computed_now"] == 0
    IndicatorSnapshot.objects.filter(asset__symbol="IBM").delete()  # behind the screener's back

    assert screen(client)["meta"]["computed_now"] == 0
    later = AFTER_THE_CLOSE + dt.timedelta(seconds=services.COMPLETE_CHECK_TTL + 1)
    with time_machine.travel(later, tick=False):
        assert screen(client)["meta"]["computed_now"] == 1
    assert snapshot("IBM").as_of == DEMO_TODAY


# --- filters -----------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_rsi_filters_keep_only_rows_inside_the_bounds(client):
    body = screen(client, rsi_gt=40, rsi_lt=60, page_size=100)

    rows = body["results"]
    assert rows
    assert all(40 < row["rsi"] < 60 for row in rows)
    expected = IndicatorSnapshot.objects.filter(rsi__gt=40, rsi__lt=60).count()
    assert body["count"] == len(rows) == expected < 20


@pytest.mark.usefixtures("demo")
def test_signal_filters_on_the_composite_label(client):
    labels = dict(IndicatorSnapshot.objects.values_list("asset__symbol", "label"))
    some_label = max(set(labels.values()), key=list(labels.values()).count)

    body = screen(client, signal=some_label, page_size=100)

    assert sorted(symbols(body)) == sorted(s for s, label in labels.items() if label == some_label)
    both = screen(client, signal="buy,strong_buy", page_size=100)
    assert all(row["label"] in {"buy", "strong_buy"} for row in both["results"])


@pytest.mark.usefixtures("demo")
def test_individual_signal_directions_filter_too(client):
    body = screen(client, obv_signal="SELL", page_size=100)

    assert body["results"]
    assert all(row["signals"]["obv"] == "sell" for row in body["results"])
    assert body["count"] == IndicatorSnapshot.objects.filter(obv_direction="sell").count()


@pytest.mark.usefixtures("demo")
def test_category_and_market_filters(client):
    korean_stocks = screen(client, category="stock", market="kr", page_size=100)
    crypto_or_fx = screen(client, category="crypto,fx", page_size=100)

    assert sorted(symbols(korean_stocks)) == ["000660", "005930", "035420", "035720"]
    assert all(row["market"] == "KR" for row in korean_stocks["results"])
    assert sorted(symbols(crypto_or_fx)) == ["BTC-KRW", "ETH-KRW", "USD-KRW"]


@pytest.mark.usefixtures("demo")
def test_macd_and_moving_average_filters(client):
    bullish = screen(client, macd="bullish", page_size=100)
    bearish = screen(client, macd="bearish", page_size=100)
    above = screen(client, above_sma200="true", page_size=100)
    below = screen(client, above_sma200="false", page_size=100)

    assert all(row["macd_hist"] > 0 for row in bullish["results"])
    assert all(row["macd_hist"] < 0 for row in bearish["results"])
    assert bullish["count"] + bearish["count"] == 20
    assert all(row["above_sma200"] is True for row in above["results"])
    assert all(row["above_sma200"] is False for row in below["results"])
    assert above["count"] + below["count"] == 20


@pytest.mark.usefixtures("demo")
def test_synthetic_rows_say_so(client):
    body = screen(client, page_size=1)

    assert body["results"][0]["synthetic"] is True
    assert body["meta"]["synthetic"] is True
    assert "not real market prices" in body["meta"]["notice"]
    assert screen(client, synthetic="false")["count"] == 0


# --- sorting and paging ------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_rows_sort_by_score_descending_unless_asked_otherwise(client):
    by_score = screen(client, page_size=100)["results"]
    by_rsi = screen(client, sort="rsi", page_size=100)["results"]
    by_symbol = screen(client, sort="-symbol", page_size=100)["results"]
    by_change = screen(client, sort="-change", page_size=100)["results"]

    scores = [row["score"] for row in by_score]
    assert scores == sorted(scores, reverse=True)
    assert [row["rsi"] for row in by_rsi] == sorted(row["rsi"] for row in by_rsi)
    assert [row["symbol"] for row in by_symbol] == sorted(
        symbols({"results": by_symbol}), reverse=True
    )
    changes = [row["change_percent"] for row in by_change]
    assert changes == sorted(changes, reverse=True)


@pytest.mark.usefixtures("demo")
def test_pages_are_bounded_and_count_every_match(client):
    first = screen(client, sort="symbol", page_size=8)
    third = screen(client, sort="symbol", page_size=8, page=3)
    beyond = screen(client, sort="symbol", page_size=8, page=4)

    assert (first["count"], first["pages"], len(first["results"])) == (20, 3, 8)
    assert len(third["results"]) == 4
    assert (beyond["count"], beyond["results"]) == (20, [])
    every = (
        symbols(first)
        + symbols(screen(client, sort="symbol", page_size=8, page=2))
        + symbols(third)
    )
    assert every == sorted(Asset.objects.values_list("symbol", flat=True))


@pytest.mark.usefixtures("demo")
def test_a_row_carries_what_a_screener_table_shows(client):
    (row,) = screen(client, category="stock", market="US", sort="symbol", page_size=1)["results"]

    assert row["symbol"] == "AAPL"
    assert row["name"] == "Apple Inc."
    assert row["as_of"] == DEMO_TODAY.isoformat()
    assert set(row) >= {
        "category",
        "market",
        "close",
        "change_percent",
        "rsi",
        "score",
        "label",
        "signals",
        "synthetic",
    }


@pytest.mark.parametrize(
    ("param", "value", "allowed"),
    [
        ("rsi_lt", "101", "from 0 to 100"),
        ("rsi_gt", "low", "from 0 to 100"),
        ("rsi_gt", "nan", "from 0 to 100"),
        ("score_lte", "inf", "from -100 to 100"),
        ("score_gte", "-101", "from -100 to 100"),
        ("signal", "hold", "strong_sell, sell, neutral, buy, strong_buy"),
        ("category", "bond", "stock, etf, index, crypto, commodity, fx"),
        ("market", "JP", "US, KR, GLOBAL"),
        ("macd", "up", "bullish, bearish"),
        ("above_sma200", "maybe", "valid boolean"),
        ("rsi_signal", "hold", '"hold" is not a valid choice'),
        ("sort", "price", "score, -score, rsi, -rsi"),
        ("page", "0", "from 1 to 100000"),
        ("page_size", "201", "from 1 to 200"),
        ("limit", "5", "unknown parameter"),
    ],
)
@pytest.mark.django_db
def test_bad_filters_are_a_400_naming_what_is_allowed(client, param, value, allowed):
    response = client.get(URL, {param: value})

    assert response.status_code == 400
    assert allowed in response.json()["fields"][param][0]


@pytest.mark.usefixtures("demo")
def test_a_page_takes_two_small_queries_once_snapshots_exist(client, django_assert_max_num_queries):
    screen(client)  # the first request finds no asset without a snapshot
    # The count of all matches and the page; the check for missing snapshots rests a while.
    with django_assert_max_num_queries(2):
        screen(client, rsi_lt=70, market="US", sort="-score", page_size=5)


@pytest.mark.usefixtures("demo")
def test_snapshots_refresh_rebuilds_every_asset():
    IndicatorSnapshot.objects.update(score=0, rsi=None)

    assert snapshots_refresh() == 20
    assert IndicatorSnapshot.objects.filter(rsi__isnull=True).count() == 0


@pytest.mark.django_db
def test_the_openapi_schema_describes_every_filter_with_its_choices_and_ranges(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    operation = schema["paths"]["/api/v1/analysis/screener/"]["get"]
    params = {param["name"]: param["schema"] for param in operation["parameters"]}
    assert (params["rsi_lt"]["minimum"], params["rsi_lt"]["maximum"]) == (0, 100)
    assert (params["score_gte"]["minimum"], params["score_gte"]["maximum"]) == (-100, 100)
    assert params["page_size"]["maximum"] == 200
    assert params["macd"]["enum"] == ["bullish", "bearish"]
    assert params["ma_cross_signal"]["enum"] == ["buy", "sell", "neutral"]
    assert {"-score", "rsi", "symbol", "-change"} <= set(params["sort"]["enum"])
    assert {"signal", "category", "market", "above_sma200", "synthetic"} <= set(params)
    assert {"200", "400"} <= set(operation["responses"])
    rows = schema["components"]["schemas"]["ScreenerRow"]["properties"]
    assert {
        "symbol",
        "close",
        "change_percent",
        "rsi",
        "score",
        "label",
        "as_of",
        "synthetic",
    } <= set(rows)


@pytest.mark.usefixtures("demo")
def test_the_nightly_refresh_fans_every_asset_out_to_the_workers_in_chunks(
    django_capture_on_commit_callbacks,
):
    with (
        mock.patch.object(services, "TASK_CHUNK", 8),
        mock.patch.object(refresh_snapshots, "delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert refresh_snapshots() == 20

    chunks = [call.args[0] for call in delay.call_args_list]
    assert [len(chunk) for chunk in chunks] == [8, 8, 4]
    queued = sorted(symbol for chunk in chunks for symbol in chunk)
    assert queued == sorted(Asset.objects.values_list("symbol", flat=True))
