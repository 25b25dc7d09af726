"""The process's cache of decoded ledgers never serves a ledger the database no longer holds.

Each test first reads the ledger (so the cache holds it), then changes the transactions through
one of the ways the ORM writes them, and reads again: the second read must show the change.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction

from stockvis.accounts.models import User
from stockvis.market.models import Asset
from stockvis.portfolios import ledger, selectors, services
from stockvis.portfolios.ledger_cache import LEDGERS, CachedLedger, LedgerCache
from stockvis.portfolios.models import Portfolio, PortfolioMode, Transaction

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(alice: User, priced: dict[str, Asset]) -> Portfolio:
    LEDGERS.clear()
    portfolio = services.portfolio_create(
        owner=alice, name="Cached", base_currency="USD", mode=PortfolioMode.LEDGER
    )
    for day, quantity in ((2, "10"), (3, "5")):
        trade(portfolio, "buy", day, quantity, price="150")
    return portfolio


def trade(portfolio: Portfolio, kind: str, day: int, quantity: str, price: str = "190") -> Any:
    """An AAPL trade on ``day`` March 2026 through the service (which rebuilds the holdings)."""
    return services.transaction_record(
        portfolio=portfolio,
        symbol="AAPL",
        kind=kind,
        date=dt.date(2026, 3, day),
        quantity=Decimal(quantity),
        price=Decimal(price),
    )


def held(portfolio: Portfolio) -> dict[str, Decimal]:
    entries, _ = selectors.ledger_transactions(portfolio)
    return {s: p.quantity for s, p in ledger.positions_from_ledger(entries).items() if p.is_open}


def a_buy(portfolio: Portfolio, asset: Asset, quantity: str) -> Transaction:
    return Transaction(
        portfolio=portfolio,
        asset=asset,
        kind="buy",
        date=dt.date(2026, 3, 4),
        quantity=Decimal(quantity),
        price=Decimal("60000"),
        currency=asset.currency,
    )


def test_a_second_read_of_an_unchanged_ledger_is_the_cached_one(book: Portfolio) -> None:
    first, _ = selectors.ledger_transactions(book)
    second, _ = selectors.ledger_transactions(book)
    assert second == first
    assert second is not first
    assert all(a is b for a, b in zip(first, second, strict=True))  # the same decoded entries
    assert len(LEDGERS) == 1  # one ledger per portfolio: a new version replaces the old one


def test_recording_updating_and_deleting_through_the_services_show_at_once(
    book: Portfolio,
) -> None:
    assert held(book) == {"AAPL": Decimal(15)}
    tx = trade(book, "sell", 4, "4")
    assert held(book) == {"AAPL": Decimal(11)}
    services.transaction_update(tx=tx, changes={"quantity": Decimal("6")})
    assert held(book) == {"AAPL": Decimal(9)}
    services.transaction_delete(tx=tx)
    assert held(book) == {"AAPL": Decimal(15)}


def test_every_orm_write_path_changes_the_version(
    book: Portfolio, priced: dict[str, Asset]
) -> None:
    samsung = priced["005930"]
    assert held(book) == {"AAPL": Decimal(15)}
    version = Portfolio.objects.get(pk=book.pk).ledger_version

    def changed() -> bool:
        nonlocal version
        now = Portfolio.objects.get(pk=book.pk).ledger_version
        changed, version = now != version, now
        return changed

    one = a_buy(book, samsung, "1")
    one.save()  # what the admin's add form does
    assert changed()
    assert held(book)["005930"] == 1
    one.quantity = Decimal("2")
    one.save()  # the admin's change form
    assert changed()
    assert held(book)["005930"] == 2
    Transaction.objects.bulk_create([a_buy(book, samsung, "3")])
    assert changed()
    assert held(book)["005930"] == 5
    Transaction.objects.filter(portfolio=book, asset=samsung).update(quantity=Decimal("4"))
    assert changed()
    assert held(book)["005930"] == 8
    rows = list(Transaction.objects.filter(portfolio=book, asset=samsung))
    for row in rows:
        row.quantity = Decimal("1")
    Transaction.objects.bulk_update(rows, ["quantity"])
    assert changed()
    assert held(book)["005930"] == 2
    Transaction.objects.filter(pk=rows[0].pk).delete()  # the admin's "delete selected"
    assert changed()
    assert held(book)["005930"] == 1
    rows[1].delete()  # the admin's delete page
    assert changed()
    assert held(book) == {"AAPL": Decimal(15)}


def test_moving_a_transaction_to_another_portfolio_changes_both(
    book: Portfolio, alice: User
) -> None:
    other = services.portfolio_create(
        owner=alice, name="Other", base_currency="USD", mode=PortfolioMode.LEDGER
    )
    assert held(book) == {"AAPL": Decimal(15)}
    assert held(other) == {}
    moved = Transaction.objects.filter(portfolio=book).order_by("date").last()
    assert moved is not None
    moved.portfolio = other
    moved.save()
    assert held(book) == {"AAPL": Decimal(10)}
    assert held(other) == {"AAPL": Decimal(5)}


def test_a_write_that_is_rolled_back_leaves_the_committed_ledger(book: Portfolio) -> None:
    assert held(book) == {"AAPL": Decimal(15)}
    with pytest.raises(services.PortfolioRuleError):
        # Overselling: the sale is saved, the holdings rebuild (which reads and caches the
        # ledger with the sale under the new version) refuses it, and all of it rolls back.
        trade(book, "sell", 5, "99")
    assert held(book) == {"AAPL": Decimal(15)}
    with transaction.atomic():
        trade(book, "sell", 5, "1")
        assert held(book) == {"AAPL": Decimal(14)}
        transaction.set_rollback(True)
    assert held(book) == {"AAPL": Decimal(15)}


def test_a_renamed_asset_is_named_anew(book: Portfolio, priced: dict[str, Asset]) -> None:
    assert held(book) == {"AAPL": Decimal(15)}
    Asset.objects.filter(pk=priced["AAPL"].pk).update(symbol="AAPL2")
    assert held(book) == {"AAPL2": Decimal(15)}


def test_a_stale_portfolio_object_still_reads_the_current_ledger(book: Portfolio) -> None:
    stale = Portfolio.objects.get(pk=book.pk)  # as a live socket holds it for its lifetime
    assert held(stale) == {"AAPL": Decimal(15)}
    trade(book, "buy", 5, "1")
    assert held(stale) == {"AAPL": Decimal(16)}


def entries(count: int) -> CachedLedger:
    entry = ledger.Transaction(
        ledger.TransactionKind.BUY, dt.date(2026, 3, 2), "X", Decimal(1), Decimal(1), "USD"
    )
    return CachedLedger(1, (entry,) * count, {1: "X"})


def test_the_cache_is_bounded_by_entries_and_evicts_the_least_recently_used() -> None:
    cache = LedgerCache(max_entries=10)
    cache.put("a", entries(4))
    cache.put("b", entries(4))
    assert cache.get("a") is not None  # a is now the most recently used
    cache.put("c", entries(4))  # 12 > 10: b goes
    assert cache.get("b") is None
    assert cache.get("a") is not None
    assert cache.get("c") is not None
    assert cache.size == 8
    cache.put("a", entries(2))  # replacing counts the new size only
    assert cache.size == 6
    cache.put("huge", entries(11))  # larger than the whole cache: never held
    assert cache.get("huge") is None
    assert cache.size == 6


def test_a_valuation_after_a_change_uses_the_new_ledger(as_alice: Any, book: Portfolio) -> None:
    url = f"/api/v1/users/portfolios/{book.pk}/valuation/?date=2026-03-06"
    before = as_alice.get(url).json()
    assert before["holdings"][0]["quantity"] == "15"
    response = as_alice.post(
        "/api/v1/users/transactions/",
        {
            "portfolio": book.pk,
            "symbol": "AAPL",
            "kind": "sell",
            "date": "2026-03-05",
            "quantity": "5",
            "price": "190",
        },
        format="json",
    )
    assert response.status_code == 201
    assert as_alice.get(url).json()["holdings"][0]["quantity"] == "10"
