"""The same code on PostgreSQL and Redis: migrations, idempotent upserts, health."""

import datetime as dt

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client

from stockvis.collector.demo import demo_load
from stockvis.collector.ingest import prices_upsert
from stockvis.market.models import Asset, DailyPrice
from stockvis.providers.base import price_frame

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_suite_really_runs_on_postgresql_and_redis() -> None:
    assert connection.vendor == "postgresql"
    assert caches["default"].__class__.__name__ == "RedisCache"
    cache.set("integration-probe", 42, 5)
    assert cache.get("integration-probe") == 42


def test_demo_load_twice_leaves_the_same_rows_on_postgresql() -> None:
    demo_load(today=dt.date(2026, 11, 20), years=1)
    rows = DailyPrice.objects.count()
    again = demo_load(today=dt.date(2026, 11, 20), years=1)
    assert again.daily.inserted == 0
    assert DailyPrice.objects.count() == rows


def test_upserting_a_changed_bar_updates_it_in_place() -> None:
    asset = Asset.objects.create(
        symbol="IBM", name="IBM", category="stock", exchange="XNYS", currency="USD"
    )
    frame = price_frame(
        ["2026-11-19", "2026-11-20"], [1, 2], [2, 3], [0.5, 1.5], [1.5, 2.5], [10, 20]
    )
    first = prices_upsert(asset=asset, frame=frame, source="alphavantage")
    frame.loc[1, "close"] = 2.75
    second = prices_upsert(asset=asset, frame=frame, source="alphavantage")
    assert (first.inserted, second.inserted, second.updated, second.unchanged) == (2, 0, 1, 1)
    assert DailyPrice.objects.get(asset=asset, date=dt.date(2026, 11, 20)).close == 2.75


def test_healthz_is_green_with_the_redis_cache_and_broker(client: Client) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok", body
    assert body["services"]["database"]["detail"] == "postgresql"
    assert body["services"]["cache"]["detail"] == "RedisCache"
    assert "redis" in body["services"]["broker"]["detail"].lower()


def test_with_redis_every_web_process_counts_throttles_in_redis(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rest_framework.throttling import SimpleRateThrottle

    assert caches["throttle"].__class__.__name__ == "RedisCache"
    rates = {**SimpleRateThrottle.THROTTLE_RATES, "anon": "1/min"}
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)
    client = Client()
    assert client.get("/api/v1/stocks/api/search/popular/").status_code == 200
    assert client.get("/api/v1/stocks/api/search/popular/").status_code == 429
    # What another web process sees: the history in Redis itself.
    assert len(caches["default"].get("throttle_anon_127.0.0.1")) == 1
