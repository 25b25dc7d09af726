"""The provenance endpoint: sources with their last ingest, freshness, and quality flags."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from stockvis.collector.models import DataQualityFlag
from stockvis.market.models import Asset, DailyPrice

pytestmark = pytest.mark.django_db
URL = "/api/v1/stocks/api/provenance/{}/"


def bar(asset: Asset, day: str, source: str) -> DailyPrice:
    return DailyPrice(
        asset=asset, date=day, source=source, open=1, high=2, low=0.5, close=1.5, volume=10
    )


@pytest.fixture
def asset() -> Asset:
    asset = Asset.objects.create(
        symbol="PRV", name="Provenance Inc", category="stock", exchange="XNYS", currency="USD"
    )
    DailyPrice.objects.bulk_create(
        [
            bar(asset, "2026-11-16", "csv"),
            bar(asset, "2026-11-17", "csv"),
            bar(asset, "2026-11-18", "alphavantage"),
            bar(asset, "2026-11-19", "alphavantage"),
        ]
    )
    DataQualityFlag.objects.create(asset=asset, date="2026-11-17", kind="spike", detail="+40%")
    DataQualityFlag.objects.create(
        asset=asset, date="2026-11-10", kind="gap", detail="2 sessions missing", reviewed=True
    )
    return asset


@time_machine.travel(dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC), tick=False)
def test_it_lists_each_source_newest_first_and_says_the_asset_is_fresh(
    asset: Asset, client: Client
) -> None:
    body = client.get(URL.format("prv")).json()
    assert [(s["source"], s["bars"], s["last"]) for s in body["sources"]] == [
        ("alphavantage", 2, "2026-11-19"),
        ("csv", 2, "2026-11-17"),
    ]
    assert body["last_ingested_at"] is not None
    assert body["synthetic"] is False
    assert body["freshness"]["status"] == "OK"
    assert body["freshness"]["latest"] == "2026-11-19"


@time_machine.travel(dt.datetime(2026, 11, 26, 22, 0, tzinfo=dt.UTC), tick=False)
def test_it_says_stale_when_sessions_passed_without_a_bar(asset: Asset, client: Client) -> None:
    body = client.get(URL.format("PRV")).json()
    assert body["freshness"]["status"] == "STALE"
    assert "behind" in body["freshness"]["detail"]


def test_it_counts_quality_flags_and_lists_the_newest_first(asset: Asset, client: Client) -> None:
    flags = client.get(URL.format("PRV")).json()["quality_flags"]
    assert (flags["total"], flags["unreviewed"]) == (2, 1)
    assert [(f["kind"], f["reviewed"]) for f in flags["recent"]] == [
        ("spike", False),
        ("gap", True),
    ]


def test_an_unknown_symbol_is_a_json_404(db: None, client: Client) -> None:
    response = client.get(URL.format("NOPE"))
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"
    assert "NOPE" in response.json()["detail"]
