"""Tests of the average-cost ledger: positions, realised P&L, dividends, fees and its errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockvis.portfolios.ledger import (
    LedgerError,
    Position,
    Transaction,
    TransactionKind,
    positions_from_ledger,
)

D = Decimal
BUY, SELL, DIVIDEND, FEE = (
    TransactionKind.BUY,
    TransactionKind.SELL,
    TransactionKind.DIVIDEND,
    TransactionKind.FEE,
)


def tx(
    kind: TransactionKind,
    day: str,
    symbol: str,
    quantity: str,
    price: str,
    currency: str = "USD",
    fee: str = "0",
) -> Transaction:
    return Transaction(
        kind, dt.date.fromisoformat(day), symbol, D(quantity), D(price), currency, D(fee)
    )


def test_a_partial_sale_realises_profit_at_average_cost() -> None:
    # Buy 10 @ 150 and 10 @ 170: 20 held, cost 3200, average 160.
    # Sell 5 @ 180 with a 1.50 fee: realised (180 − 160) × 5 − 1.50 = 98.50.
    # 15 left, cost 3200 − 5 × 160 = 2400, average still 160.
    position = positions_from_ledger(
        [
            tx(BUY, "2024-01-02", "AAPL", "10", "150"),
            tx(BUY, "2024-02-01", "AAPL", "10", "170"),
            tx(SELL, "2024-03-01", "AAPL", "5", "180", fee="1.50"),
        ]
    )["AAPL"]
    assert position.quantity == D(15)
    assert position.average_price == D(160)
    assert position.cost_basis == D(2400)
    assert position.realised_pnl == D("98.50")
    assert position.fees_paid == D("1.50")


def test_dividends_are_income_apart_from_trading_profit_and_every_fee_is_charged() -> None:
    # Buy fees 1.00 + 1.00, sell fee 1.50, withholding on the dividend 0.54:
    # realised = 100 − 1 − 1 − 1.50 − 0.54 = 95.96; dividends 15 × 0.24 = 3.60 gross.
    position = positions_from_ledger(
        [
            tx(BUY, "2024-01-02", "AAPL", "10", "150", fee="1.00"),
            tx(BUY, "2024-02-01", "AAPL", "10", "170", fee="1.00"),
            tx(SELL, "2024-03-01", "AAPL", "5", "180", fee="1.50"),
            tx(DIVIDEND, "2024-03-15", "AAPL", "15", "0.24", fee="0.54"),
        ]
    )["AAPL"]
    assert position.realised_pnl == D("95.96")
    assert position.dividends_received == D("3.60")
    assert position.fees_paid == D("4.04")
    assert position.realised_income == D("99.56")
    # Fees never enter the average: it is the plain price average.
    assert position.average_price == D(160)


def test_a_fee_transaction_reduces_realised_pnl_of_its_symbol() -> None:
    # 10 @ 70,000 + 20 @ 73,000 = 2,160,000 KRW for 30 shares, average 72,000;
    # fees 150 + 300 + a 1,000 custody fee: realised −1,450.
    position = positions_from_ledger(
        [
            tx(BUY, "2024-01-03", "005930", "10", "70000", "KRW", fee="150"),
            tx(BUY, "2024-02-05", "005930", "20", "73000", "KRW", fee="300"),
            tx(FEE, "2024-04-01", "005930", "0", "0", "KRW", fee="1000"),
        ]
    )["005930"]
    assert (position.quantity, position.average_price, position.cost_basis) == (
        D(30),
        D(72000),
        D(2160000),
    )
    assert position.realised_pnl == D(-1450)
    assert position.currency == "KRW"


def test_selling_more_than_held_is_refused_with_the_symbol_date_and_quantities() -> None:
    with pytest.raises(LedgerError, match=r"cannot sell 11 AAPL on 2024-03-01: only 10 held"):
        positions_from_ledger(
            [
                tx(BUY, "2024-01-02", "AAPL", "10", "150"),
                tx(SELL, "2024-03-01", "AAPL", "11", "180"),
            ]
        )


def test_selling_what_was_never_bought_is_refused() -> None:
    with pytest.raises(LedgerError, match="only 0 held"):
        positions_from_ledger([tx(SELL, "2024-03-01", "AAPL", "1", "180")])


def test_transactions_are_replayed_in_date_order_whatever_order_they_arrive_in() -> None:
    positions = positions_from_ledger(
        [
            tx(SELL, "2024-03-01", "AAPL", "10", "180"),
            tx(BUY, "2024-01-02", "AAPL", "10", "150"),
        ]
    )
    assert positions["AAPL"].realised_pnl == D(300)


def test_a_sold_out_position_stays_with_its_realised_pnl_and_a_zero_average() -> None:
    # Three buys that make an average of 10.3333…; selling everything releases the exact cost 31.
    position = positions_from_ledger(
        [
            tx(BUY, "2024-01-02", "X", "1", "10"),
            tx(BUY, "2024-01-03", "X", "1", "11"),
            tx(BUY, "2024-01-04", "X", "1", "10"),
            tx(SELL, "2024-01-05", "X", "3", "12"),
        ]
    )["X"]
    assert position.quantity == 0
    assert position.cost_basis == 0
    assert position.average_price == 0
    assert position.realised_pnl == D(5)
    assert not position.is_open


def test_a_symbol_traded_in_two_currencies_is_refused() -> None:
    with pytest.raises(LedgerError, match="is in KRW, but earlier transactions of AAPL are in USD"):
        positions_from_ledger(
            [
                tx(BUY, "2024-01-02", "AAPL", "1", "150", "USD"),
                tx(BUY, "2024-01-03", "AAPL", "1", "200000", "KRW"),
            ]
        )


@pytest.mark.parametrize(
    ("kind", "quantity", "price", "fee", "message"),
    [
        (BUY, "0", "10", "0", "quantity must be positive"),
        (SELL, "-1", "10", "0", "cannot be negative"),
        (BUY, "1", "-10", "0", "cannot be negative"),
        (BUY, "1", "10", "-1", "cannot be negative"),
        (FEE, "1", "10", "5", "carries its amount in fee only"),
    ],
)
def test_an_impossible_transaction_is_refused_when_built(
    kind: TransactionKind, quantity: str, price: str, fee: str, message: str
) -> None:
    with pytest.raises(LedgerError, match=message):
        tx(kind, "2024-01-02", "AAPL", quantity, price, fee=fee)


def test_floats_are_refused_because_they_are_already_inexact() -> None:
    with pytest.raises(TypeError, match="price must be a Decimal"):
        Transaction(BUY, dt.date(2024, 1, 2), "AAPL", D(1), 0.1, "USD")  # type: ignore[arg-type]


def test_strings_ints_and_lower_case_currencies_are_normalised() -> None:
    entry = Transaction("buy", dt.date(2024, 1, 2), "AAPL", 3, "0.1", "usd")  # type: ignore[arg-type]
    assert entry.kind is BUY
    assert entry.quantity == D(3)
    assert entry.price == D("0.1")
    assert entry.currency == "USD"
    assert entry.gross_amount == D("0.3")


def test_a_position_entered_directly_has_cost_basis_quantity_times_average() -> None:
    position = Position.from_holding("BTC-KRW", "0.05", "60000000", "krw")
    assert position.cost_basis == D(3000000)
    assert position.average_price == D(60000000)
    assert position.currency == "KRW"
    assert position.realised_pnl == 0


def test_a_position_entered_directly_cannot_be_negative() -> None:
    with pytest.raises(LedgerError):
        Position.from_holding("AAPL", "-1", "10", "USD")


prices = st.decimals(min_value=D("0.0001"), max_value=D("1000000"), places=4)
quantities = st.decimals(min_value=D("0.0001"), max_value=D("100000"), places=4)


@settings(max_examples=50, deadline=None)
@given(price=prices, buys=st.lists(quantities, min_size=1, max_size=6), data=st.data())
def test_buying_then_selling_everything_at_the_same_price_without_fees_realises_exactly_zero(
    price: Decimal, buys: list[Decimal], data: st.DataObject
) -> None:
    held = sum(buys, D(0))
    # Sell in up to three slices that add up to everything held.
    cut_points = sorted(
        data.draw(st.lists(st.decimals(min_value=0, max_value=held, places=4), max_size=2))
    )
    bounds = [D(0), *cut_points, held]
    slices = [b - a for a, b in pairwise(bounds) if b > a]
    ledger = [tx(BUY, "2024-01-02", "X", str(q), str(price)) for q in buys]
    ledger += [tx(SELL, "2024-01-03", "X", str(q), str(price)) for q in slices]
    position = positions_from_ledger(ledger)["X"]
    assert position.realised_pnl == 0
    assert position.quantity == 0
    assert position.cost_basis == 0
