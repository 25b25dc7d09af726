"""Reading adjusted bars: which actions apply to which source, and nothing after `end`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from stockvis.market.corporate_actions import adjusted_bars, corporate_events
from stockvis.market.models import Asset, CorporateAction, DailyPrice
from stockvis.ml.data import asset_bars

pytestmark = pytest.mark.django_db

DAYS = [dt.date(2024, 6, d) for d in (5, 6, 7, 10, 11)]
CLOSES = [1000.0, 1010.0, 1020.0, 103.0, 104.0]


@pytest.fixture
def stock() -> Asset:
    asset = Asset.objects.create(
        symbol="SPLT", name="Split Co", category="stock", exchange="XNYS", currency="USD",
        preferred_source="alphavantage",
    )  # fmt: skip
    DailyPrice.objects.bulk_create(
        DailyPrice(
            asset=asset, date=d, source="alphavantage", open=c, high=c, low=c, close=c, volume=1.0
        )
        for d, c in zip(DAYS, CLOSES, strict=True)
    )
    CorporateAction.objects.create(
        asset=asset, ex_date=DAYS[3], kind="split", ratio=Decimal(10), source="alphavantage"
    )
    return asset


def test_adjusted_bars_divide_pre_split_prices_and_keep_the_latest_as_traded(stock: Asset) -> None:
    bars = adjusted_bars(stock)

    assert bars.close.tolist() == pytest.approx([100.0, 101.0, 102.0, 103.0, 104.0])
    assert adjusted_bars(stock, start=DAYS[2]).close.tolist() == pytest.approx([102, 103, 104])


def test_bars_as_of_a_day_before_the_split_know_nothing_of_it(stock: Asset) -> None:
    bars = adjusted_bars(stock, end=DAYS[2])

    assert bars.close.tolist() == [1000.0, 1010.0, 1020.0]


def test_the_same_action_from_two_sources_is_applied_once(stock: Asset) -> None:
    CorporateAction.objects.create(
        asset=stock, ex_date=DAYS[3], kind="split", ratio=Decimal(10), source="yahoo",
        in_prices=True,
    )  # fmt: skip

    assert len(corporate_events(stock, bars_source="alphavantage")) == 1
    assert corporate_events(stock, bars_source="yahoo") == []
    assert adjusted_bars(stock).close[0] == pytest.approx(100.0)


def test_predictions_read_adjusted_bars(stock: Asset) -> None:
    series = asset_bars(stock, now=timezone.now())

    assert series.bars.close.tolist() == pytest.approx([100.0, 101.0, 102.0, 103.0, 104.0])
