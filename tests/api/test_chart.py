import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stockvis.market.models import Asset, DailyPrice, WeeklyPrice
from stockvis.market.params import PERIODS
from stockvis.market.signals import prices_changed
from stockvis.providers.synthetic import SYNTHETIC_LABEL

pytestmark = pytest.mark.django_db

CHART = "/api/v1/stocks/api/chart/{}/"


def test_the_chart_answers_bars_oldest_first_in_the_lightweight_charts_shape(
    market: None, client: Client
) -> None:
    body = client.get(CHART.format("AAPL"), {"period": "3m"}).json()
    stored = list(
        DailyPrice.objects.filter(asset__symbol="AAPL", date__gte=dt.date(2026, 8, 21))
        .order_by("date")
        .values_list("date", "open", "high", "low", "close", "volume")
    )
    assert [
        (dt.date.fromisoformat(b["time"]), b["open"], b["high"], b["low"], b["close"], b["volume"])
        for b in body["bars"]
    ] == stored
    assert set(body["bars"][0]) == {"time", "open", "high", "low", "close", "volume"}
    assert body["count"] == len(stored)
    assert body["first_date"] == body["bars"][0]["time"] == "2026-08-21"
    assert body["last_date"] == body["bars"][-1]["time"] == "2026-11-20"


def test_demo_bars_are_marked_synthetic_with_a_notice(market: None, client: Client) -> None:
    body = client.get(CHART.format("msft")).json()
    assert body["symbol"] == "MSFT"
    assert body["name"] == "Microsoft Corporation"
    assert body["currency"] == "USD"
    assert body["source"] == "synthetic"
    assert body["synthetic"] is True
    assert body["notice"] == SYNTHETIC_LABEL
    assert "synthetic" in body["notice"].lower()


def test_real_bars_are_not_marked_synthetic(market: None, client: Client) -> None:
    asset = Asset.objects.create(
        symbol="REAL",
        name="Real Co",
        category="stock",
        exchange="XNYS",
        currency="USD",
        preferred_source="alphavantage",
    )
    DailyPrice.objects.create(
        asset=asset,
        date=dt.date(2026, 1, 2),
        source="alphavantage",
        open=1,
        high=2,
        low=0.5,
        close=1.5,
        volume=100,
    )
    body = client.get(CHART.format("real"), {"period": "max"}).json()
    assert (body["source"], body["synthetic"], body["notice"]) == ("alphavantage", False, None)
    assert body["bars"] == [
        {"time": "2026-01-02", "open": 1.0, "high": 2.0, "low": 0.5, "close": 1.5, "volume": 100.0}
    ]


@pytest.mark.parametrize("period", list(PERIODS))
def test_every_period_reaches_back_from_the_latest_bar(
    market: None, client: Client, period: str
) -> None:
    body = client.get(CHART.format("AAPL"), {"period": period}).json()
    assert body["period"] == period
    assert body["last_date"] == "2026-11-20"
    span = PERIODS[period]
    first = dt.date.fromisoformat(body["first_date"])
    if period == "1d":
        assert body["count"] == 1
    elif span is None:
        assert body["count"] == DailyPrice.objects.filter(asset__symbol="AAPL").count()
    else:
        assert dt.date(2026, 11, 20) - first <= dt.timedelta(days=span)


def test_days_counts_calendar_days_ending_on_the_latest_bar_and_overrides_the_period(
    market: None, client: Client
) -> None:
    body = client.get(CHART.format("AAPL"), {"period": "max", "days": "14"}).json()
    assert (body["days"], body["period"]) == (14, None)
    # Fourteen calendar days ending on the latest bar (Nov 20): Nov 7 (a Saturday) to Nov 20.
    assert body["first_date"] == "2026-11-09"
    assert body["count"] == 10


def test_weekly_bars_come_from_the_weekly_table(market: None, client: Client) -> None:
    body = client.get(CHART.format("AAPL"), {"type": "weekly", "period": "1y"}).json()
    assert body["type"] == "weekly"
    stored = WeeklyPrice.objects.filter(
        asset__symbol="AAPL", date__gte=dt.date(2026, 11, 20) - dt.timedelta(days=366)
    ).order_by("date")
    assert [b["time"] for b in body["bars"]] == [w.date.isoformat() for w in stored]
    assert [b["close"] for b in body["bars"]] == [w.close for w in stored]
    assert 50 <= body["count"] <= 54


@pytest.mark.parametrize("spelling", ["btc-krw", "BTC-KRW", "Btc-Krw"])
def test_symbols_are_case_insensitive_and_normalised(
    market: None, client: Client, spelling: str
) -> None:
    response = client.get(CHART.format(spelling), {"period": "5d"})
    assert response.status_code == 200
    assert response.json()["symbol"] == "BTC-KRW"
    assert response.json()["last_date"] == "2026-11-20"  # crypto trades every day


def test_parameters_are_case_insensitive_too(market: None, client: Client) -> None:
    body = client.get(CHART.format("aapl"), {"type": "DAILY", "period": "1M"}).json()
    assert (body["type"], body["period"]) == ("daily", "1m")


@pytest.mark.parametrize("param", ["type", "period", "days"])
def test_an_empty_parameter_is_a_400_not_its_default(
    market: None, client: Client, param: str
) -> None:
    response = client.get(CHART.format("aapl"), {param: ""})
    assert response.status_code == 400
    assert list(response.json()["fields"]) == [param]


def test_a_padded_symbol_is_not_a_symbol(market: None, client: Client) -> None:
    assert client.get(CHART.format(" btc-krw ")).status_code == 400


def test_an_unknown_symbol_is_a_json_404(market: None, client: Client) -> None:
    response = client.get(CHART.format("NOPE"))
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "detail": "unknown symbol NOPE"}


def test_a_malformed_symbol_is_a_400_naming_the_rules(market: None, client: Client) -> None:
    response = client.get(CHART.format("a$b"))
    assert response.status_code == 400
    assert "A-Z, 0-9" in response.json()["fields"]["symbol"][0]


@pytest.mark.parametrize(
    ("params", "field", "allowed"),
    [
        ({"type": "hourly"}, "type", "daily, weekly"),
        ({"period": "7y"}, "period", "1d, 5d, 1m, 3m, 6m, 1y, 2y, 5y, max"),
        ({"days": "0"}, "days", "1"),
        ({"days": "36501"}, "days", "36500"),
        ({"days": "ten"}, "days", "integer"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_field_and_its_allowed_values(
    market: None, client: Client, params: dict[str, str], field: str, allowed: str
) -> None:
    response = client.get(CHART.format("AAPL"), params)
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid"
    assert field in body["detail"]
    assert allowed in body["fields"][field][0]


def test_an_asset_without_bars_answers_an_empty_chart(market: None, client: Client) -> None:
    Asset.objects.create(
        symbol="EMPTY",
        name="Empty",
        category="stock",
        exchange="XNYS",
        currency="USD",
        preferred_source="alphavantage",
    )
    body = client.get(CHART.format("empty")).json()
    assert (body["count"], body["bars"], body["first_date"], body["last_date"]) == (
        0,
        [],
        None,
        None,
    )
    assert body["synthetic"] is False


def test_a_repeated_request_is_served_from_the_cache_without_queries(
    market: None, client: Client
) -> None:
    first = client.get(CHART.format("AAPL"), {"period": "6m"})
    with CaptureQueriesContext(connection) as queries:
        second = client.get(CHART.format("aapl"), {"period": "6m"})
    assert second.content == first.content
    assert len(queries) == 0


def test_an_ingest_makes_the_cached_chart_stale_at_once(market: None, client: Client) -> None:
    before = client.get(CHART.format("AAPL"), {"period": "5d"}).json()
    asset = Asset.objects.by_symbol("AAPL")
    DailyPrice.objects.filter(asset=asset, date=dt.date(2026, 11, 20)).update(close=999.0)
    # Without the signal the cached answer stands (that is what the cache is for) ...
    assert client.get(CHART.format("AAPL"), {"period": "5d"}).json() == before
    prices_changed.send(sender=Asset, symbols=["AAPL"], kind="daily")
    # ... and once an ingest says the symbol changed, the stale answer is never served again.
    after = client.get(CHART.format("AAPL"), {"period": "5d"}).json()
    assert after["bars"][-1]["close"] == 999.0


def test_another_symbols_ingest_leaves_the_cached_chart_alone(market: None, client: Client) -> None:
    client.get(CHART.format("AAPL"), {"period": "5d"})
    prices_changed.send(sender=Asset, symbols=["MSFT"], kind="daily")
    with CaptureQueriesContext(connection) as queries:
        client.get(CHART.format("AAPL"), {"period": "5d"})
    assert len(queries) == 0


def test_a_repeated_query_is_validated_once_and_a_bad_one_every_time(
    market: None, client: Client
) -> None:
    from stockvis.market.views.chart import chart_query

    chart_query.cache_clear()
    for _ in range(3):
        assert client.get(CHART.format("aapl"), {"period": "1M"}).status_code == 200
    assert (chart_query.cache_info().misses, chart_query.cache_info().hits) == (1, 2)
    answers = [client.get(CHART.format("aapl"), {"period": "7y"}) for _ in range(2)]
    assert [r.status_code for r in answers] == [400, 400]
    assert answers[0].json() == answers[1].json()
    assert chart_query.cache_info().currsize == 1  # the invalid query is not kept


def test_a_chart_the_client_has_is_a_304_until_the_symbol_changes(
    market: None, client: Client
) -> None:
    first = client.get(CHART.format("AAPL"))
    etag = first["ETag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    again = client.get(CHART.format("aapl"), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    # Every response keeps its protections, the 304 included.
    assert "Content-Security-Policy" in again
    assert "X-Request-ID" in again
    assert client.get(CHART.format("AAPL"), HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    assert client.get(CHART.format("AAPL"), HTTP_IF_NONE_MATCH='"other"').status_code == 200
    assert (
        client.get(CHART.format("AAPL"), {"period": "3m"}, HTTP_IF_NONE_MATCH=etag).status_code
        == 200
    )
    asset = Asset.objects.by_symbol("AAPL")
    DailyPrice.objects.filter(asset=asset, date=dt.date(2026, 11, 20)).update(close=999.0)
    prices_changed.send(sender=Asset, symbols=["AAPL"], kind="daily")
    changed = client.get(CHART.format("AAPL"), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["bars"][-1]["close"] == 999.0
