"""The authorization matrix: bob can neither read, list, change nor delete anything of alice's.

Every user-owned endpoint and method, with ids guessed in the URL and in the request body.
Someone else's object answers 404 exactly like one that does not exist (never 200, 204 or 403).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rest_framework.test import APIClient

from stockvis.accounts.models import User
from stockvis.portfolios import services
from stockvis.portfolios.models import (
    Holding,
    Notification,
    Portfolio,
    PortfolioSnapshot,
    PriceAlert,
    Transaction,
    Watchlist,
    WatchlistItem,
)
from tests.portfolios.owned import own_one_of_everything

from .conftest import client_for

pytestmark = pytest.mark.django_db

U = "/api/v1/users/"
TX = {"symbol": "AAPL", "kind": "buy", "date": "2026-03-02", "quantity": "1", "price": "1"}

# (method, path with {placeholders} for alice's ids, body)
MATRIX: list[tuple[str, str, dict[str, Any] | None]] = [
    ("get", "portfolios/{portfolio}/", None),
    ("patch", "portfolios/{portfolio}/", {"name": "pwned"}),
    ("put", "portfolios/{portfolio}/", {"name": "pwned"}),
    ("delete", "portfolios/{portfolio}/", None),
    ("get", "portfolios/{portfolio}/valuation/", None),
    ("get", "portfolios/{portfolio}/allocation/", None),
    ("get", "portfolios/{portfolio}/history/", None),
    ("get", "portfolios/{portfolio}/snapshots/", None),
    ("get", "portfolios/{portfolio}/risk/", None),
    ("get", "portfolio/{holding}/", None),
    ("patch", "portfolio/{holding}/", {"quantity": "999"}),
    ("put", "portfolio/{holding}/", {"quantity": "999"}),
    ("delete", "portfolio/{holding}/", None),
    ("get", "portfolio/?portfolio={portfolio}", None),
    (
        "post",
        "portfolio/",
        {"portfolio": "{portfolio}", "symbol": "MSFT", "quantity": "1", "average_price": "1"},
    ),
    ("get", "transactions/{transaction}/", None),
    ("patch", "transactions/{transaction}/", {"quantity": "999"}),
    ("put", "transactions/{transaction}/", {"quantity": "999"}),
    ("delete", "transactions/{transaction}/", None),
    ("get", "transactions/?portfolio={ledger}", None),
    ("post", "transactions/", {"portfolio": "{ledger}", **TX}),
    ("get", "watchlists/{watchlist}/", None),
    ("patch", "watchlists/{watchlist}/", {"name": "pwned"}),
    ("put", "watchlists/{watchlist}/", {"name": "pwned"}),
    ("delete", "watchlists/{watchlist}/", None),
    ("post", "watchlists/{watchlist}/items/", {"symbol": "MSFT"}),
    ("delete", "watchlists/{watchlist}/items/AAPL/", None),
    ("get", "alerts/{alert}/", None),
    ("patch", "alerts/{alert}/", {"threshold": "1", "is_active": False}),
    ("put", "alerts/{alert}/", {"threshold": "1"}),
    ("delete", "alerts/{alert}/", None),
    ("get", "notifications/{notification}/", None),
    ("post", "notifications/{notification}/read/", None),
    ("delete", "notifications/{notification}/", None),
]


@pytest.fixture
def alices(alice: User, priced: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """One of everything alice can own."""
    monkeypatch.setattr(services, "send_collection_task", lambda symbol: None)
    owned = own_one_of_everything(alice)
    services.snapshot_take(
        portfolio=Portfolio.objects.get(pk=owned["portfolio"]),
        kind="close",
        at=dt.datetime(2026, 3, 6, 22, tzinfo=dt.UTC),
    )
    return owned


def state_of(user: User) -> dict[str, Any]:
    """Everything of a user's, to prove a refused request changed nothing."""
    return {
        "portfolios": list(Portfolio.objects.filter(owner=user).values().order_by("pk")),
        "holdings": list(Holding.objects.filter(portfolio__owner=user).values().order_by("pk")),
        "transactions": list(
            Transaction.objects.filter(portfolio__owner=user).values().order_by("pk")
        ),
        "watchlists": list(Watchlist.objects.filter(owner=user).values().order_by("pk")),
        "items": list(WatchlistItem.objects.filter(watchlist__owner=user).values().order_by("pk")),
        "alerts": list(PriceAlert.objects.filter(owner=user).values().order_by("pk")),
        "notifications": list(Notification.objects.filter(owner=user).values().order_by("pk")),
        "snapshots": list(
            PortfolioSnapshot.objects.filter(portfolio__owner=user).values().order_by("pk")
        ),
    }


def call(client: APIClient, method: str, path: str, body: Any, ids: dict[str, int]) -> Any:
    url = U + path.format(**ids)
    data = None
    if body is not None:
        data = {k: (v.format(**ids) if isinstance(v, str) else v) for k, v in body.items()}
    return getattr(client, method)(url, data, format="json")


@pytest.mark.parametrize(("method", "path", "body"), MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
def test_bob_gets_404_for_every_object_of_alices_and_changes_nothing(
    alices: dict[str, int], alice: User, bob: User, method: str, path: str, body: Any
) -> None:
    before = state_of(alice)
    response = call(client_for(bob), method, path, body, alices)
    assert response.status_code == 404, (response.status_code, response.content[:200])
    assert state_of(alice) == before


@pytest.mark.parametrize(("method", "path", "body"), MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
def test_alice_herself_is_not_refused(
    alices: dict[str, int], alice: User, method: str, path: str, body: Any
) -> None:
    # The other half of the proof: the same requests are not 404 for the owner (so the 404s
    # above come from ownership, not from a broken URL or body).
    response = call(client_for(alice), method, path, body, alices)
    assert response.status_code != 404, response.content[:200]
    assert response.status_code < 500


@pytest.mark.parametrize(("method", "path", "body"), MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
def test_an_anonymous_client_gets_401(
    alices: dict[str, int], method: str, path: str, body: Any
) -> None:
    assert call(APIClient(), method, path, body, alices).status_code == 401


LISTS = ["portfolios/", "portfolio/", "transactions/", "watchlists/", "alerts/", "notifications/"]


@pytest.mark.parametrize("path", LISTS)
def test_bobs_lists_hold_nothing_of_alices(alices: dict[str, int], bob: User, path: str) -> None:
    listed = client_for(bob).get(U + path)
    assert listed.status_code == 200
    ids = {row["id"] for row in listed.json()["results"]}
    bobs_default = Portfolio.objects.get(owner=bob).pk
    assert ids <= {bobs_default}


def test_owner_fields_in_a_body_are_ignored(alices: dict[str, int], alice: User, bob: User) -> None:
    as_bob = client_for(bob)
    made = as_bob.post(U + "portfolios/", {"name": "Mine", "owner": alice.pk}, format="json")
    assert made.status_code == 201
    assert Portfolio.objects.get(pk=made.json()["id"]).owner == bob
    alert = as_bob.post(
        U + "alerts/",
        {"symbol": "AAPL", "kind": "price_above", "threshold": "1", "owner": alice.pk},
        format="json",
    )
    assert PriceAlert.objects.get(pk=alert.json()["id"]).owner == bob
    moved = as_bob.patch(U + f"portfolios/{made.json()['id']}/", {"owner": alice.pk}, format="json")
    assert moved.status_code == 200
    assert Portfolio.objects.get(pk=made.json()["id"]).owner == bob


def test_marking_all_read_touches_only_ones_own_notifications(
    alices: dict[str, int], bob: User
) -> None:
    assert client_for(bob).post(U + "notifications/read-all/").json() == {"marked": 0}
    assert Notification.objects.get(pk=alices["notification"]).read_at is None


def test_a_non_numeric_or_unknown_id_is_a_404_too(alices: dict[str, int], alice: User) -> None:
    as_alice = client_for(alice)
    assert as_alice.get(U + "portfolios/999999/").status_code == 404
    body = {"portfolio": "abc", "symbol": "MSFT", "quantity": "1", "average_price": "1"}
    assert as_alice.post(U + "portfolio/", body, format="json").status_code == 400
    body["portfolio"] = 999999
    assert as_alice.post(U + "portfolio/", body, format="json").status_code == 404
