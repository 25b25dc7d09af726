"""A split restates share counts, never the money paid: valuation, day change and history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient

from stockvis.accounts.models import User
from stockvis.market.adjustment import CorporateEvent
from stockvis.market.models import CorporateAction
from stockvis.portfolios import services
from stockvis.portfolios.ledger import Transaction, TransactionKind
from stockvis.portfolios.models import Portfolio, PortfolioMode
from stockvis.portfolios.splits import split_adjusted

from .conftest import add_closes

pytestmark = pytest.mark.django_db

# AAPL splits 4-for-1 on Wednesday 4 March 2026 (invented for the test; the closes are per share).
SPLIT_DAY = dt.date(2026, 3, 4)


@pytest.fixture
def split_aapl(db: Any) -> None:
    days = [dt.date(2026, 3, d) for d in range(2, 7)]
    asset = add_closes("AAPL", dict(zip(days, [400, 420, 106, 108, 110], strict=True)))
    CorporateAction.objects.create(
        asset=asset, ex_date=SPLIT_DAY, kind="split", ratio=Decimal(4), source="csv"
    )
    add_closes("USD-KRW", dict.fromkeys(days, 1400))


def usd_ledger(client: APIClient, user: User) -> Portfolio:
    portfolio = services.portfolio_create(
        owner=user, name="US", base_currency="USD", mode=PortfolioMode.LEDGER
    )
    response = client.post(
        "/api/v1/users/transactions/",
        {
            "portfolio": portfolio.pk,
            "symbol": "AAPL",
            "kind": "buy",
            "date": "2026-03-02",
            "quantity": "10",
            "price": "400",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    return portfolio


def valuation(client: APIClient, portfolio: Portfolio, day: str) -> dict[str, Any]:
    response = client.get(f"/api/v1/users/portfolios/{portfolio.pk}/valuation/?date={day}")
    assert response.status_code == 200, response.json()
    [holding] = response.json()["holdings"]
    return holding  # type: ignore[no-any-return]


def test_shares_bought_before_a_split_are_valued_in_post_split_shares_at_the_price_paid(
    as_alice: APIClient, alice: User, split_aapl: None
) -> None:
    portfolio = usd_ledger(as_alice, alice)

    before = valuation(as_alice, portfolio, "2026-03-03")
    after = valuation(as_alice, portfolio, "2026-03-06")

    assert before["quantity"] == "10"
    assert before["local"]["market_value"] == "4200.00"
    assert after["quantity"] == "40"
    assert after["local"]["market_value"] == "4400.00"  # 40 × 110, not 10 × 110
    assert after["local"]["cost"] == "4000.00"  # what was really paid
    assert after["local"]["unrealised_pnl"] == "400.00"


def test_the_split_day_change_is_the_real_move_not_minus_75_percent(
    as_alice: APIClient, alice: User, split_aapl: None
) -> None:
    portfolio = usd_ledger(as_alice, alice)

    on_split_day = valuation(as_alice, portfolio, "2026-03-04")

    # 420 per old share is 105 per new one; 106 is +0.95 %.
    assert on_split_day["local"]["day_change_pct"] == "0.95"
    assert on_split_day["local"]["day_change"] == "40.00"


def test_the_value_history_has_no_split_cliff(
    as_alice: APIClient, alice: User, split_aapl: None
) -> None:
    portfolio = usd_ledger(as_alice, alice)

    response = as_alice.get(
        f"/api/v1/users/portfolios/{portfolio.pk}/history/?start=2026-03-02&end=2026-03-06"
    )

    assert response.status_code == 200, response.json()
    values = [Decimal(p["total_value"]) for p in response.json()["points"]]
    assert values == [Decimal("4000.00"), Decimal("4200.00"), Decimal("4240.00"),
                      Decimal("4320.00"), Decimal("4400.00")]  # fmt: skip


def test_split_adjusted_entries_keep_the_gross_amount() -> None:
    buy = Transaction(
        TransactionKind.BUY, dt.date(2020, 1, 2), "X", Decimal(3), Decimal(100), "USD"
    )
    after = Transaction(
        TransactionKind.BUY, dt.date(2020, 9, 1), "X", Decimal(1), Decimal(30), "USD"
    )
    splits = {"X": [CorporateEvent(dt.date(2020, 8, 31), "split", 3.0)]}

    early, late = split_adjusted([buy, after], splits, up_to=dt.date(2021, 1, 1))

    assert (early.quantity, early.gross_amount) == (Decimal(9), Decimal(300))
    assert late == after
    assert split_adjusted([buy], splits, up_to=dt.date(2020, 8, 30)) == [buy]
