import datetime as dt

import pytest
from django.db import IntegrityError

from stockvis.market.models import Asset, BalanceSheet, DailyPrice

pytestmark = pytest.mark.django_db


def make_asset(symbol: str = "AAPL") -> Asset:
    return Asset.objects.create(
        symbol=symbol, name="Apple", category="stock", exchange="XNYS", currency="USD"
    )


def test_symbols_are_normalised_on_the_way_in_and_found_in_any_case() -> None:
    asset = make_asset(" btc/krw ")
    assert asset.symbol == "BTC-KRW"
    assert Asset.objects.by_symbol("btc-krw") == asset


def test_the_database_refuses_a_non_canonical_symbol_written_around_the_model() -> None:
    make_asset()
    with pytest.raises(IntegrityError):
        Asset.objects.filter(symbol="AAPL").update(symbol="a b")


def test_one_bar_per_asset_date_and_source() -> None:
    asset = make_asset()
    bar = {
        "asset": asset,
        "date": dt.date(2026, 11, 20),
        "open": 1,
        "high": 2,
        "low": 0.5,
        "close": 1.5,
        "volume": 10,
    }
    DailyPrice.objects.create(source="synthetic", **bar)
    DailyPrice.objects.create(source="alphavantage", **bar)
    with pytest.raises(IntegrityError):
        DailyPrice.objects.create(source="synthetic", **bar)


def test_one_statement_per_asset_period_and_fiscal_date() -> None:
    asset = make_asset()
    row = {
        "asset": asset,
        "period_type": "annual",
        "fiscal_date_ending": dt.date(2025, 12, 31),
        "fiscal_year": 2025,
        "source": "x",
    }
    BalanceSheet.objects.create(total_assets=10, **row)
    with pytest.raises(IntegrityError):
        BalanceSheet.objects.create(total_assets=11, **row)
