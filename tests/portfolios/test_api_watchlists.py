"""Watchlists: named lists of symbols with the latest price and change of each."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from stockvis.portfolios import services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_broker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "send_collection_task", lambda symbol: None)


def test_a_watchlist_shows_the_latest_close_and_change_of_each_symbol(
    as_alice: APIClient, priced: Any
) -> None:
    created = as_alice.post("/api/v1/users/watchlists/", {"name": "Tech"}, format="json")
    assert created.status_code == 201
    url = f"/api/v1/users/watchlists/{created.json()['id']}/"
    for symbol in ("aapl", "005930", "AAPL", "ZZZZ"):
        assert as_alice.post(url + "items/", {"symbol": symbol}, format="json").status_code == 201
    items = as_alice.get(url).json()["items"]
    assert [i["symbol"] for i in items] == ["AAPL", "005930", "ZZZZ"]
    assert items[0]["quote"] == {
        "date": "2026-03-06",
        "last": "200",
        "previous_close": "190",
        "change": "10",
        "change_pct": "5.26",
    }
    assert items[2]["quote"] is None  # collection still running
    assert as_alice.post(url + "items/", {"symbol": "KS99"}, format="json").status_code == 400
    assert as_alice.delete(url + "items/zzzz/").status_code == 204
    assert as_alice.delete(url + "items/ZZZZ/").status_code == 404
    renamed = as_alice.patch(url, {"name": "Chips"}, format="json")
    assert renamed.json()["name"] == "Chips"
    assert [w["name"] for w in as_alice.get("/api/v1/users/watchlists/").json()["results"]] == [
        "Chips"
    ]
    assert (
        as_alice.post("/api/v1/users/watchlists/", {"name": "Chips"}, format="json").status_code
        == 400
    )
    assert as_alice.delete(url).status_code == 204
