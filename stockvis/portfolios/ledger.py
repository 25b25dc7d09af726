"""Transaction ledger to positions by the average-cost method (pure, exact Decimal arithmetic)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from enum import StrEnum

ZERO = Decimal(0)

# Every public entry point of the valuation core computes under this context, so a caller that
# changed the thread's decimal context cannot change our numbers. 34 digits (IEEE decimal128) is
# far beyond any price × quantity we hold; only divisions (average cost, FX, percentages) round.
PRECISE = Context(prec=34)


class LedgerError(ValueError):
    """A transaction the ledger cannot apply (overselling, bad amount, mixed currencies)."""


class TransactionKind(StrEnum):
    BUY = "buy"
    SELL = "sell"
    DIVIDEND = "dividend"
    FEE = "fee"


def as_decimal(value: Decimal | int | str, name: str) -> Decimal:
    """``value`` as a finite Decimal; floats are refused because they are already inexact."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(f"{name} must be a Decimal, int or str, not {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    return number


@dataclass(frozen=True, slots=True)
class Transaction:
    """One ledger entry, in the asset's currency.

    - buy / sell: ``quantity`` units at ``price`` each; ``fee`` is the commission (and taxes).
    - dividend: the amount received is ``quantity × price`` (shares held × dividend per share, or
      1 × the total); ``fee`` is withholding tax or charges on it.
    - fee: a charge of ``fee`` that belongs to the symbol; ``quantity`` and ``price`` must be 0.
    """

    kind: TransactionKind
    date: dt.date
    symbol: str
    quantity: Decimal
    price: Decimal
    currency: str
    fee: Decimal = ZERO

    def __post_init__(self) -> None:
        # Adapters hand us DB Decimals, JSON strings or ints; normalise once here so the arithmetic
        # below never meets a float or a lower-case currency.
        object.__setattr__(self, "kind", TransactionKind(self.kind))
        object.__setattr__(self, "currency", self.currency.strip().upper())
        for name in ("quantity", "price", "fee"):
            object.__setattr__(self, name, as_decimal(getattr(self, name), name))
        where = f"{self.kind} {self.symbol} on {self.date}"
        if self.price < 0 or self.fee < 0 or self.quantity < 0:
            raise LedgerError(f"{where}: quantity, price and fee cannot be negative")
        if self.kind in (TransactionKind.BUY, TransactionKind.SELL) and self.quantity == 0:
            raise LedgerError(f"{where}: quantity must be positive")
        if self.kind is TransactionKind.FEE and (self.quantity or self.price):
            raise LedgerError(f"{where}: a fee transaction carries its amount in fee only")

    @property
    def gross_amount(self) -> Decimal:
        """``quantity × price``: the trade value, or the dividend received."""
        return self.quantity * self.price


@dataclass(frozen=True, slots=True)
class Position:
    """What is held of one symbol, in the asset's currency.

    ``average_price`` excludes fees: fees are charged to ``realised_pnl`` when paid (on buys too),
    which is how Korean and US brokers show average price. ``realised_pnl`` is trading profit minus
    every fee; dividends are counted apart in ``dividends_received``, see ``realised_income``.
    """

    symbol: str
    currency: str
    quantity: Decimal
    average_price: Decimal
    cost_basis: Decimal
    realised_pnl: Decimal = ZERO
    dividends_received: Decimal = ZERO
    fees_paid: Decimal = ZERO

    @property
    def realised_income(self) -> Decimal:
        """Realised P&L plus dividends: everything this position has paid out so far."""
        return self.realised_pnl + self.dividends_received

    @property
    def is_open(self) -> bool:
        return self.quantity > 0

    @classmethod
    def from_holding(
        cls,
        symbol: str,
        quantity: Decimal | int | str,
        average_price: Decimal | int | str,
        currency: str,
    ) -> Position:
        """A position entered directly (quantity and average price, no ledger)."""
        held = as_decimal(quantity, "quantity")
        average = as_decimal(average_price, "average_price")
        if held < 0 or average < 0:
            raise LedgerError(f"{symbol}: quantity and average price cannot be negative")
        with localcontext(PRECISE):
            cost = held * average
        return cls(symbol, currency.strip().upper(), held, average, cost)


@dataclass(slots=True)
class _RunningPosition:
    currency: str
    quantity: Decimal = ZERO
    cost_basis: Decimal = ZERO
    realised_pnl: Decimal = ZERO
    dividends_received: Decimal = ZERO
    fees_paid: Decimal = ZERO


class PositionBook:
    """The running state of a ledger, applied one transaction at a time.

    Mutable on purpose: the history reconstruction replays the ledger day by day and reads the book
    in between. Callers outside this package want :func:`positions_from_ledger`.
    """

    __slots__ = ("_running",)

    def __init__(self) -> None:
        self._running: dict[str, _RunningPosition] = {}

    def apply(self, tx: Transaction) -> None:
        """Apply ``tx``; call under :data:`PRECISE`. Raises :class:`LedgerError`."""
        running = self._running.get(tx.symbol)
        if running is None:
            running = self._running[tx.symbol] = _RunningPosition(tx.currency)
        elif running.currency != tx.currency:
            raise LedgerError(
                f"{tx.kind} {tx.symbol} on {tx.date} is in {tx.currency}, "
                f"but earlier transactions of {tx.symbol} are in {running.currency}"
            )
        if tx.kind is TransactionKind.BUY:
            running.quantity += tx.quantity
            running.cost_basis += tx.gross_amount
        elif tx.kind is TransactionKind.SELL:
            if tx.quantity > running.quantity:
                raise LedgerError(
                    f"cannot sell {tx.quantity} {tx.symbol} on {tx.date}: "
                    f"only {running.quantity} held"
                )
            # Selling everything releases the whole remaining cost, so closing a position never
            # leaves a residue from the rounded division of a partial sale.
            if tx.quantity == running.quantity:
                released = running.cost_basis
            else:
                released = running.cost_basis * tx.quantity / running.quantity
            running.realised_pnl += tx.gross_amount - released
            running.quantity -= tx.quantity
            running.cost_basis -= released
        elif tx.kind is TransactionKind.DIVIDEND:
            running.dividends_received += tx.gross_amount
        running.realised_pnl -= tx.fee
        running.fees_paid += tx.fee

    def open_lots(self) -> list[tuple[str, str, Decimal, Decimal]]:
        """``(symbol, currency, quantity, cost basis)`` of every symbol still held."""
        return [
            (symbol, running.currency, running.quantity, running.cost_basis)
            for symbol, running in self._running.items()
            if running.quantity > 0
        ]

    def positions(self) -> dict[str, Position]:
        return {
            symbol: Position(
                symbol=symbol,
                currency=running.currency,
                quantity=running.quantity,
                average_price=(running.cost_basis / running.quantity if running.quantity else ZERO),
                cost_basis=running.cost_basis,
                realised_pnl=running.realised_pnl,
                dividends_received=running.dividends_received,
                fees_paid=running.fees_paid,
            )
            for symbol, running in self._running.items()
        }


def sorted_by_date(transactions: Iterable[Transaction]) -> list[Transaction]:
    """Oldest first; a stable sort, so same-day entries keep the order the caller gave them."""
    return sorted(transactions, key=lambda tx: tx.date)


def positions_from_ledger(transactions: Iterable[Transaction]) -> dict[str, Position]:
    """Replay ``transactions`` (any order; same-day ones in the given order) into positions.

    Average cost: a buy adds its quantity and ``quantity × price`` to the cost basis; a sell
    realises ``(sell price − average cost) × quantity − fee`` and leaves the average unchanged; a
    dividend adds to ``dividends_received``; every fee reduces ``realised_pnl``. Symbols that were
    sold out stay in the result (quantity 0) because their realised P&L still counts. Keys follow
    the order in which symbols first appear. Raises :class:`LedgerError`, e.g. on overselling.
    """
    book = PositionBook()
    with localcontext(PRECISE):
        for tx in sorted_by_date(transactions):
            book.apply(tx)
        return book.positions()
