"""`adjusted=` on the chart and indicator endpoints, and adjusted prices in the screener."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from stockvis.analysis.models import IndicatorSnapshot
from stockvis.analysis.services import snapshots_refresh_assets
from stockvis.core.calendars import sessions_between
from stockvis.market.corporate_actions import adjusted_bars
from stockvis.market.models import Asset, CorporateAction, DailyPrice

pytestmark = pytest.mark.django_db

CHART = "/api/v1/stocks/api/chart/{}/"
INDICATORS = "/api/v1/stocks/api/indicators/{}/"
SPLIT_DAY = dt.date(2024, 6, 10)


@pytest.fixture
def nvda() -> Asset:
    """Sixty sessions of a flat-ish stock with a raw 10-for-1 split drop in the middle."""
    cache.clear()
    asset = Asset.objects.create(
        symbol="NVDA", name="NVIDIA", category="stock", exchange="XNYS", currency="USD",
        preferred_source="alphavantage",
    )  # fmt: skip
    days = sessions_between("XNYS", dt.date(2024, 5, 1), dt.date(2024, 7, 26))
    rng = np.random.default_rng(7)
    closes = 120 * np.exp(np.cumsum(rng.normal(0, 0.01, len(days))))
    DailyPrice.objects.bulk_create(
        DailyPrice(
            asset=asset,
            date=day,
            source="alphavantage",
            open=c * m,
            high=c * m * 1.01,
            low=c * m * 0.99,
            close=c * m,
            volume=1000.0,
        )
        for day, c in zip(days, closes, strict=True)
        for m in [10.0 if day < SPLIT_DAY else 1.0]
    )
    CorporateAction.objects.create(
        asset=asset, ex_date=SPLIT_DAY, kind="split", ratio=Decimal(10), source="alphavantage"
    )
    return asset


def test_the_chart_serves_bars_as_collected_unless_asked_for_adjusted(
    nvda: Asset, client: Client
) -> None:
    raw = client.get(CHART.format("nvda"), {"period": "max"}).json()
    adjusted = client.get(CHART.format("nvda"), {"period": "max", "adjusted": "true"}).json()

    first_raw, first_adj = raw["bars"][0], adjusted["bars"][0]
    assert raw["adjusted"] is False
    assert adjusted["adjusted"] is True
    assert first_adj["close"] == pytest.approx(first_raw["close"] / 10)
    assert first_adj["volume"] == pytest.approx(first_raw["volume"] * 10)
    last_raw, last_adj = raw["bars"][-1], adjusted["bars"][-1]
    assert last_adj["time"] == last_raw["time"]
    for field in ("open", "high", "low", "close", "volume"):
        assert last_adj[field] == round(last_raw[field], 4)  # as traded, to 4 decimals
    moves = np.diff(np.log([b["close"] for b in adjusted["bars"]]))
    assert np.abs(moves).max() < 0.05  # no -90 % day left


def test_a_bad_adjusted_value_is_a_400(nvda: Asset, client: Client) -> None:
    response = client.get(CHART.format("nvda"), {"adjusted": "maybe"})
    assert response.status_code == 400
    response = client.get(INDICATORS.format("nvda"), {"adjusted": "maybe"})
    assert response.status_code == 400


def test_indicators_read_adjusted_prices_by_default(nvda: Asset, client: Client) -> None:
    default = client.get(INDICATORS.format("nvda"), {"indicators": "sma", "sma": "5"}).json()
    raw = client.get(
        INDICATORS.format("nvda"), {"indicators": "sma", "sma": "5", "adjusted": "false"}
    ).json()

    assert default["params"]["adjusted"] is True
    assert raw["params"]["adjusted"] is False
    expected = adjusted_bars(nvda).close[:5].mean()
    assert default["indicators"]["sma_5"][4] == pytest.approx(expected)
    assert raw["indicators"]["sma_5"][4] == pytest.approx(expected * 10)


def test_the_screener_snapshot_is_computed_on_adjusted_prices(nvda: Asset) -> None:
    snapshots_refresh_assets(assets=[nvda], now=timezone.now())

    snapshot = IndicatorSnapshot.objects.get(asset=nvda)
    # The SMA 50 spans the split: on raw prices it would average in ten-times-higher closes.
    bars = adjusted_bars(nvda)
    assert snapshot.sma_50 == pytest.approx(bars.close[-50:].mean())
    assert snapshot.close == pytest.approx(bars.close[-1])
    assert snapshot.sma_50 < bars.close[-1] * 1.5


def test_the_overview_change_on_a_split_day_is_the_real_move(nvda: Asset, client: Client) -> None:
    DailyPrice.objects.filter(asset=nvda, date__gt=SPLIT_DAY).delete()
    last, previous = DailyPrice.objects.filter(asset=nvda).order_by("-date")[:2]

    quote = client.get("/api/v1/stocks/api/overview/nvda/").json()["quote"]

    assert quote["date"] == SPLIT_DAY.isoformat()
    # Percentages are rounded to 2 decimals (stockvis.core.numbers).
    assert quote["change_percent"] == round((last.close / (previous.close / 10) - 1) * 100, 2)
    assert abs(quote["change_percent"]) < 5
