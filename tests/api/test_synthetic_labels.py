"""Every answer that says `synthetic: true` carries its notice; an empty answer is not synthetic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from stockvis.accounts.services import user_register
from stockvis.market.models import Asset
from stockvis.portfolios import services
from stockvis.portfolios.models import Portfolio

pytestmark = pytest.mark.django_db


def labelled(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object in a JSON body that has a `synthetic` key, with where it is."""
    if isinstance(node, dict):
        if "synthetic" in node:
            yield where, node
        for key, value in node.items():
            yield from labelled(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from labelled(value, f"{where}[{index}]")


MARKET = [
    "/api/v1/stocks/api/chart/AAPL/",
    "/api/v1/stocks/api/overview/AAPL/",
    "/api/v1/stocks/api/income-statement/AAPL/",
    "/api/v1/stocks/api/indicators/AAPL/",
    "/api/v1/analysis/screener/",
]


def assert_every_synthetic_answer_has_its_notice(body: Any) -> int:
    found = 0
    for where, node in labelled(body):
        if node["synthetic"] is True:
            found += 1
            assert isinstance(node.get("notice"), str), where
            assert "synthetic" in node["notice"].lower() or "demo" in node["notice"].lower()
    return found


@pytest.mark.parametrize("path", MARKET)
def test_market_answers_with_demo_data_carry_the_notice(
    market: None, client: Client, path: str
) -> None:
    assert assert_every_synthetic_answer_has_its_notice(client.get(path).json()) >= 1


def test_portfolio_answers_with_demo_data_carry_the_notice(
    market: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "send_collection_task", lambda symbol: None)
    owner = user_register(username="demo", password="a-long-and-unusual-passphrase")
    portfolio = Portfolio.objects.get(owner=owner)
    services.holding_create(
        portfolio=portfolio,
        symbol="005930",
        quantity=Decimal(1),
        average_price=Decimal(60000),
        acquired_on=dt.date(2026, 11, 2),
    )
    watchlist = services.watchlist_create(owner=owner, name="w")
    services.watchlist_item_add(watchlist=watchlist, symbol="AAPL")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(owner).access_token}")
    base = f"/api/v1/users/portfolios/{portfolio.pk}/"
    day = "?date=2026-11-20"
    for path in (
        base + "valuation/" + day,
        base + "allocation/" + day,
        base + "history/?end=2026-11-20",
        "/api/v1/users/watchlists/",
    ):
        assert assert_every_synthetic_answer_has_its_notice(client.get(path).json()) >= 1, path


def test_an_asset_with_nothing_stored_is_not_called_synthetic(market: None, client: Client) -> None:
    Asset.objects.create(
        symbol="EMPTY",
        name="Nothing yet",
        category="stock",
        exchange="XNYS",
        currency="USD",
        preferred_source="synthetic",
    )
    for kind in ("chart", "overview", "balance-sheet"):
        body = client.get(f"/api/v1/stocks/api/{kind}/EMPTY/").json()
        assert (body["synthetic"], body["notice"]) == (False, None), kind
