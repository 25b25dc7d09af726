"""Transaction ledger to positions by the average-cost method (pure, exact Decimal arithmetic)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
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
        # A valuation builds thousands of these from stored rows, so what is already in shape
        # (an enum, a finite Decimal, an upper-case code) passes without being rebuilt.
        if type(self.kind) is not TransactionKind:
            object.__setattr__(self, "kind", TransactionKind(self.kind))
        currency = self.currency
        if not (currency.isupper() and currency.isalpha()):
            object.__setattr__(self, "currency", currency.strip().upper())
        for name in ("quantity", "price", "fee"):
            value = getattr(self, name)
            if type(value) is not Decimal or not value.is_finite():
                object.__setattr__(self, name, as_decimal(value, name))
        if self.price < 0 or self.fee < 0 or self.quantity < 0:
            raise LedgerError(f"{self._where()}: quantity, price and fee cannot be negative")
        if self.kind in (TransactionKind.BUY, TransactionKind.SELL) and self.quantity == 0:
            raise LedgerError(f"{self._where()}: quantity must be positive")
        if self.kind is TransactionKind.FEE and (self.quantity or self.price):
            raise LedgerError(f"{self._where()}: a fee transaction carries its amount in fee only")

    def _where(self) -> str:
        return f"{self.kind} {self.symbol} on {self.date}"

    @property
    def gross_amount(self) -> Decimal:
        """``quantity × price``: the trade value, or the dividend received."""
        return self.quantity * self.price


# Converts an amount of a transaction's currency into the portfolio's base currency at the rate of
# that transaction's date (the valuation core builds one from its FX closes).
ToBase = Callable[[Decimal, Transaction], Decimal]


@dataclass(frozen=True, slots=True)
class BaseAmounts:
    """A position's history in the portfolio's base currency, each flow at its own day's rate.

    ``cost_basis`` is what the lots still held really cost in the base currency: every buy at the
    rate of its date, less the share released by sales (average cost, as in the asset currency).
    ``realised_pnl`` is each sale's proceeds at the sale date's rate minus the base cost it
    released, minus every fee at its date's rate; ``released_cost`` sums the base cost sales
    released; ``dividends_received`` each dividend at its date's rate.
    """

    currency: str
    cost_basis: Decimal
    realised_pnl: Decimal
    released_cost: Decimal
    dividends_received: Decimal


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
    # Set when the ledger was replayed with a base currency (see ``positions_from_ledger``).
    in_base: BaseAmounts | None = None

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
    base_cost_basis: Decimal = ZERO
    base_realised_pnl: Decimal = ZERO
    base_released_cost: Decimal = ZERO
    base_dividends: Decimal = ZERO


class PositionBook:
    """The running state of a ledger, applied one transaction at a time.

    Mutable on purpose: the history reconstruction replays the ledger day by day and reads the book
    in between. Callers outside this package want :func:`positions_from_ledger`.
    """

    __slots__ = ("_base_currency", "_running", "_to_base")

    def __init__(self, *, base_currency: str | None = None, to_base: ToBase | None = None) -> None:
        """With ``base_currency`` and ``to_base`` the book also keeps :class:`BaseAmounts`."""
        if (base_currency is None) != (to_base is None):
            raise ValueError("base_currency and to_base go together")
        self._running: dict[str, _RunningPosition] = {}
        self._base_currency = None if base_currency is None else base_currency.strip().upper()
        self._to_base = to_base

    def apply(self, tx: Transaction) -> None:
        """Apply ``tx``; call under :data:`PRECISE`. Raises :class:`LedgerError` (and whatever
        ``to_base`` raises for a day without a rate)."""
        running = self._running.get(tx.symbol)
        if running is None:
            running = self._running[tx.symbol] = _RunningPosition(tx.currency)
        elif running.currency != tx.currency:
            raise LedgerError(
                f"{tx.kind} {tx.symbol} on {tx.date} is in {tx.currency}, "
                f"but earlier transactions of {tx.symbol} are in {running.currency}"
            )
        if tx.kind is TransactionKind.SELL and tx.quantity > running.quantity:
            raise LedgerError(
                f"cannot sell {tx.quantity} {tx.symbol} on {tx.date}: only {running.quantity} held"
            )
        if self._to_base is not None:
            self._apply_in_base(tx, running, self._to_base)
        if tx.kind is TransactionKind.BUY:
            running.quantity += tx.quantity
            running.cost_basis += tx.gross_amount
        elif tx.kind is TransactionKind.SELL:
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

    @staticmethod
    def _apply_in_base(tx: Transaction, running: _RunningPosition, to_base: ToBase) -> None:
        # Called before the asset-currency update: a sale releases the same share of the base cost
        # as of the asset-currency cost, the share held before the sale.
        if tx.kind is TransactionKind.BUY:
            running.base_cost_basis += to_base(tx.gross_amount, tx)
        elif tx.kind is TransactionKind.SELL:
            if tx.quantity == running.quantity:
                released = running.base_cost_basis
            else:
                released = running.base_cost_basis * tx.quantity / running.quantity
            running.base_realised_pnl += to_base(tx.gross_amount, tx) - released
            running.base_released_cost += released
            running.base_cost_basis -= released
        elif tx.kind is TransactionKind.DIVIDEND:
            running.base_dividends += to_base(tx.gross_amount, tx)
        if tx.fee:
            running.base_realised_pnl -= to_base(tx.fee, tx)

    def open_lots(self) -> list[tuple[str, str, Decimal, Decimal, Decimal]]:
        """``(symbol, currency, quantity, cost basis, base cost basis)`` of every symbol held.

        The base cost basis is 0 when the book keeps no base currency.
        """
        return [
            (
                symbol,
                running.currency,
                running.quantity,
                running.cost_basis,
                running.base_cost_basis,
            )
            for symbol, running in self._running.items()
            if running.quantity > 0
        ]

    def _in_base(self, running: _RunningPosition) -> BaseAmounts | None:
        if self._base_currency is None:
            return None
        return BaseAmounts(
            currency=self._base_currency,
            cost_basis=running.base_cost_basis,
            realised_pnl=running.base_realised_pnl,
            released_cost=running.base_released_cost,
            dividends_received=running.base_dividends,
        )

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
                in_base=self._in_base(running),
            )
            for symbol, running in self._running.items()
        }


def sorted_by_date(transactions: Iterable[Transaction]) -> list[Transaction]:
    """Oldest first; a stable sort, so same-day entries keep the order the caller gave them."""
    return sorted(transactions, key=lambda tx: tx.date)


def positions_from_ledger(
    transactions: Iterable[Transaction],
    *,
    base_currency: str | None = None,
    to_base: ToBase | None = None,
) -> dict[str, Position]:
    """Replay ``transactions`` (any order; same-day ones in the given order) into positions.

    Average cost: a buy adds its quantity and ``quantity × price`` to the cost basis; a sell
    realises ``(sell price − average cost) × quantity − fee`` and leaves the average unchanged; a
    dividend adds to ``dividends_received``; every fee reduces ``realised_pnl``. Symbols that were
    sold out stay in the result (quantity 0) because their realised P&L still counts. Keys follow
    the order in which symbols first appear. Raises :class:`LedgerError`, e.g. on overselling.

    With ``base_currency`` and ``to_base`` each position also carries its :class:`BaseAmounts`:
    the same replay in the base currency, every amount converted at its own transaction's date.
    """
    book = PositionBook(base_currency=base_currency, to_base=to_base)
    with localcontext(PRECISE):
        for tx in sorted_by_date(transactions):
            book.apply(tx)
        return book.positions()
