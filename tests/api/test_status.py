import pytest
from django.test import Client

from stockvis.market.models import Asset, DailyPrice
from stockvis.market.serializers import SYNTHETIC_NOTICE

pytestmark = pytest.mark.django_db

STATUS = "/api/v1/users/portfolio/symbol/{}/status/"


def test_the_status_of_a_collected_stock_is_complete_with_its_counts(
    market: None, client: Client
) -> None:
    body = client.get(STATUS.format("aapl")).json()
    asset = Asset.objects.by_symbol("AAPL")
    assert body == {
        "symbol": "AAPL",
        "stock_exists": True,
        "resolved": True,
        "problem": None,
        "has_overview": True,
        "has_prices": True,
        "has_financial": True,
        "is_complete": True,
        "source": "synthetic",
        "synthetic": True,
        "notice": SYNTHETIC_NOTICE,
        "bars_by_source": {
            "daily": {"synthetic": asset.daily_prices.count()},
            "weekly": {"synthetic": asset.weekly_prices.count()},
        },
        "details": {
            "daily_prices": asset.daily_prices.count(),
            "weekly_prices": asset.weekly_prices.count(),
            "balance_sheets": asset.balance_sheets.count(),
            "income_statements": asset.income_statements.count(),
            "cash_flows": asset.cash_flows.count(),
        },
    }


def test_an_etf_with_bars_is_complete_without_statements(market: None, client: Client) -> None:
    body = client.get(STATUS.format("SPY")).json()
    assert (body["has_overview"], body["has_financial"], body["is_complete"]) == (
        False,
        False,
        True,
    )
    assert body["details"]["balance_sheets"] == 0


def test_a_stock_with_prices_only_is_not_complete(market: None, client: Client) -> None:
    asset = Asset.objects.create(
        symbol="NEW", name="New Co", category="stock", exchange="XNYS", currency="USD"
    )
    DailyPrice.objects.create(
        asset=asset, date="2026-11-20", source="csv", open=1, high=1, low=1, close=1, volume=1
    )
    body = client.get(STATUS.format("new")).json()
    assert (body["stock_exists"], body["has_prices"], body["is_complete"]) == (True, True, False)
    assert body["details"]["daily_prices"] == 1


def test_an_unknown_symbol_is_reported_as_not_existing_rather_than_404(
    db: None, client: Client
) -> None:
    response = client.get(STATUS.format("zzzz"))
    assert response.status_code == 200
    body = response.json()
    assert body["symbol"] == "ZZZZ"
    assert body["stock_exists"] is False
    assert body["is_complete"] is False
    assert set(body["details"].values()) == {0}
    assert (body["source"], body["synthetic"], body["notice"]) == (None, False, None)


def test_a_malformed_symbol_is_a_400(db: None, client: Client) -> None:
    response = client.get(STATUS.format("bad$symbol"))
    assert response.status_code == 400
    assert "symbol" in response.json()["detail"]
