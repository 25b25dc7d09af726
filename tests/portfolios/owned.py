"""One of everything a user can own (portfolio, holding, ledger, transaction, watchlist, alert,
notification), for the tests that walk every user-owned endpoint: the security matrix and the
signed-in schema fuzzing. Needs AAPL priced; collection tasks are the caller's to silence."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from stockvis.portfolios import services
from stockvis.portfolios.models import Notification, Portfolio, PortfolioMode


def own_one_of_everything(owner: Any) -> dict[str, int]:
    portfolio = Portfolio.objects.get(owner=owner)
    holding = services.holding_create(
        portfolio=portfolio, symbol="AAPL", quantity=Decimal(10), average_price=Decimal(150)
    )
    ledger = services.portfolio_create(owner=owner, name="Trades", mode=PortfolioMode.LEDGER)
    tx = services.transaction_record(
        portfolio=ledger,
        symbol="AAPL",
        kind="buy",
        date=dt.date(2026, 3, 2),
        quantity=Decimal(5),
        price=Decimal(150),
    )
    watchlist = services.watchlist_create(owner=owner, name="Tech")
    services.watchlist_item_add(watchlist=watchlist, symbol="AAPL")
    alert = services.alert_create(
        owner=owner, symbol="AAPL", kind="price_above", threshold=Decimal(500)
    )
    notification = Notification.objects.create(owner=owner, alert=alert, title="t", message="m")
    return {
        "portfolio": portfolio.pk,
        "holding": holding.pk,
        "ledger": ledger.pk,
        "transaction": tx.pk,
        "watchlist": watchlist.pk,
        "alert": alert.pk,
        "notification": notification.pk,
    }
