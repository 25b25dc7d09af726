"""Dates a user sends are bounded: a hostile date is a 400, never a long computation or a 500."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rest_framework.test import APIClient

from stockvis.accounts.models import User
from stockvis.portfolios.models import Holding, Portfolio
from stockvis.portfolios.serializers import HISTORY_MAX_DAYS

pytestmark = pytest.mark.django_db

U = "/api/v1/users/"


@pytest.fixture
def holding(as_alice: APIClient, alice: User, priced: Any) -> Holding:
    response = as_alice.post(
        f"{U}portfolio/",
        {"symbol": "AAPL", "quantity": "2", "average_price": "150", "acquired_on": "2026-03-02"},
        format="json",
    )
    assert response.status_code == 201, response.content
    return Holding.objects.get(pk=response.json()["id"])


@pytest.mark.parametrize(
    "query",
    [
        "history/?end=9999-12-31",
        "history/?end=2400-01-01",
        "history/?start=0001-01-01",
        "history/?start=1900-01-01&end=2026-03-06",
        "valuation/?date=0001-01-01",
        "allocation/?date=0001-01-01",
        "valuation/?date=2999-01-01",
        "snapshots/?since=9999-12-31T23:59:59-14:00",
        "snapshots/?since=0001-01-01T00:00:00%2B14:00",
        "snapshots/?since=",
        "valuation/?date=",
        "history/?end=",
    ],
)
def test_a_hostile_or_empty_date_is_a_400_naming_the_parameter(
    as_alice: APIClient, holding: Holding, query: str
) -> None:
    response = as_alice.get(f"{U}portfolios/{holding.portfolio_id}/{query}")
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["error"] == "invalid"
    assert query.split("?")[1].split("=")[0] in body["fields"]


@pytest.mark.parametrize("acquired_on", ["0001-01-02", "1899-12-31", "2999-01-01"])
def test_a_holding_acquired_out_of_range_is_refused(
    as_alice: APIClient, holding: Holding, acquired_on: str
) -> None:
    created = as_alice.post(
        f"{U}portfolio/",
        {"symbol": "MSFT", "quantity": "1", "average_price": "1", "acquired_on": acquired_on},
        format="json",
    )
    edited = as_alice.patch(f"{U}portfolio/{holding.pk}/", {"acquired_on": acquired_on})
    assert (created.status_code, edited.status_code) == (400, 400)
    assert "acquired_on" in created.json()["fields"]
    holding.refresh_from_db()
    assert holding.acquired_on == dt.date(2026, 3, 2)


def test_a_transaction_dated_in_year_one_is_refused(as_alice: APIClient, alice: User) -> None:
    ledger = Portfolio.objects.create(owner=alice, name="ledger", mode="ledger")
    response = as_alice.post(
        f"{U}transactions/",
        {
            "portfolio": ledger.pk,
            "symbol": "AAPL",
            "kind": "buy",
            "date": "0001-01-02",
            "quantity": "1",
            "price": "1",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "date" in response.json()["fields"]


def test_history_of_an_old_holding_is_bounded_to_twenty_years_of_points(
    as_alice: APIClient, alice: User, priced: Any
) -> None:
    created = as_alice.post(
        f"{U}portfolio/",
        {"symbol": "005930", "quantity": "1", "average_price": "1", "acquired_on": "1900-01-02"},
        format="json",
    )
    portfolio = created.json()["portfolio"]
    response = as_alice.get(f"{U}portfolios/{portfolio}/history/?end=2026-03-06")
    assert response.status_code == 200
    body = response.json()
    assert len(body["points"]) == HISTORY_MAX_DAYS + 1
    assert body["end"] == "2026-03-06"
    assert len(response.content) < 3_000_000


def test_snapshots_since_a_date_with_a_zone_still_filter(
    as_alice: APIClient, holding: Holding
) -> None:
    response = as_alice.get(
        f"{U}portfolios/{holding.portfolio_id}/snapshots/?since=2026-03-01T00:00:00%2B09:00"
    )
    assert response.status_code == 200
    assert response.json() == []
