"""Daily portfolio value history rebuilt from the ledger, and its simple and time-weighted returns."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from itertools import pairwise

from stockvis.portfolios.ledger import (
    PRECISE,
    ZERO,
    PositionBook,
    Transaction,
    TransactionKind,
    sorted_by_date,
)
from stockvis.portfolios.valuation import (
    HUNDRED,
    FxRates,
    display_money,
    display_percent,
    percent_of,
)

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ValuePoint:
    """The portfolio at one day's close, in the base currency.

    ``pnl`` is unrealised (``total_value − total_cost`` of what is held that day) and ``pnl_pct``
    is of ``total_cost``, the base-currency cost at the rates of the buys' dates. ``net_cash_flow`` is the money the investor put in that day (negative:
    took out); the returns below need it.
    """

    date: dt.date
    total_value: Decimal
    total_cost: Decimal
    pnl: Decimal
    pnl_pct: Decimal | None
    net_cash_flow: Decimal

    def to_display(self, currency: str) -> dict[str, object]:
        """Rounded for display (see ``valuation`` for the rounding rules)."""
        return {
            "date": self.date,
            "total_value": display_money(self.total_value, currency),
            "total_cost": display_money(self.total_cost, currency),
            "pnl": display_money(self.pnl, currency),
            "pnl_pct": display_percent(self.pnl_pct),
            "net_cash_flow": display_money(self.net_cash_flow, currency),
        }


def external_cash_flow(tx: Transaction) -> Decimal:
    """Money the investor put into the holdings through ``tx``, in the asset currency.

    The value series holds no cash, so every transaction is an external flow: a buy brings in
    ``quantity × price + fee``; a sell takes out ``quantity × price − fee``; a dividend takes out
    what it paid (``− (amount − fee)``, which makes it count as return); a fee brings in ``fee``
    (which makes it count as a loss).
    """
    if tx.kind is TransactionKind.BUY:
        return tx.gross_amount + tx.fee
    if tx.kind is TransactionKind.FEE:
        return tx.fee
    return -(tx.gross_amount - tx.fee)


class _CarriedForward:
    """The latest value on or before a day, for days asked in non-decreasing order."""

    __slots__ = ("_dates", "_next", "_series", "current")

    def __init__(self, series: Mapping[dt.date, Decimal], first_day: dt.date) -> None:
        self._series = series
        self._dates = sorted(series)
        self._next = bisect.bisect_right(self._dates, first_day)
        self.current: Decimal | None = series[self._dates[self._next - 1]] if self._next else None

    def advance_to(self, day: dt.date) -> Decimal | None:
        while self._next < len(self._dates) and self._dates[self._next] <= day:
            self.current = self._series[self._dates[self._next]]
            self._next += 1
        return self.current


def _in_base(
    amounts: Mapping[str, Decimal], base_currency: str, fx: FxRates, on: dt.date
) -> Decimal:
    return sum(
        (
            fx.convert(amount, currency, base_currency, on, carry_forward=True)
            for currency, amount in amounts.items()
        ),
        ZERO,
    )


def value_history(
    transactions: Iterable[Transaction],
    price_history: Mapping[str, Mapping[dt.date, Decimal]],
    *,
    base_currency: str,
    fx: FxRates,
    end: dt.date,
    start: dt.date | None = None,
) -> list[ValuePoint]:
    """One :class:`ValuePoint` per calendar day from ``start`` to ``end`` inclusive.

    ``start`` defaults to the first transaction's date; transactions before it set the opening
    positions but are not counted as flows. ``price_history`` maps symbol → {date: close} in the
    asset currency. A day without a bar uses the last known close; a holding with no close yet is
    valued at its average cost. Each day's value and flows convert to ``base_currency`` at that
    day's FX close, carried forward over days without one (:class:`MissingFxRate` if none is known
    yet); the cost at the rates of the transactions' dates, as in ``valuation``. To count
    the first day's move from trade price to close in the returns, start the day before the first
    trade. Filter the result to trading days if the chart wants them.
    """
    base_currency = base_currency.strip().upper()
    ordered = sorted_by_date(transactions)
    if start is None:
        if not ordered:
            return []
        start = ordered[0].date

    def to_base(amount: Decimal, tx: Transaction) -> Decimal:
        return fx.convert(amount, tx.currency, base_currency, tx.date, carry_forward=True)

    book = PositionBook(base_currency=base_currency, to_base=to_base)
    closes: dict[str, _CarriedForward] = {}
    points: list[ValuePoint] = []
    next_tx = 0
    with localcontext(PRECISE):
        while next_tx < len(ordered) and ordered[next_tx].date < start:
            book.apply(ordered[next_tx])
            next_tx += 1
        day = start
        while day <= end:
            flow_by_currency: dict[str, Decimal] = {}
            while next_tx < len(ordered) and ordered[next_tx].date == day:
                tx = ordered[next_tx]
                book.apply(tx)
                flow = flow_by_currency.get(tx.currency, ZERO)
                flow_by_currency[tx.currency] = flow + external_cash_flow(tx)
                next_tx += 1
            value_by_currency: dict[str, Decimal] = {}
            total_cost = ZERO
            for symbol, currency, quantity, cost, base_cost in book.open_lots():
                carried = closes.get(symbol)
                if carried is None:
                    carried = closes[symbol] = _CarriedForward(price_history.get(symbol, {}), day)
                close = carried.advance_to(day)
                value = cost if close is None else quantity * close
                value_by_currency[currency] = value_by_currency.get(currency, ZERO) + value
                total_cost += base_cost

            total_value = _in_base(value_by_currency, base_currency, fx, day)
            pnl = total_value - total_cost
            points.append(
                ValuePoint(
                    date=day,
                    total_value=total_value,
                    total_cost=total_cost,
                    pnl=pnl,
                    pnl_pct=percent_of(pnl, total_cost),
                    net_cash_flow=_in_base(flow_by_currency, base_currency, fx, day),
                )
            )
            day += _ONE_DAY
    return points


def simple_return_pct(points: Sequence[ValuePoint]) -> Decimal | None:
    """Gain over the capital employed, in percent, from the close of ``points[0]`` to the last.

    ``(V_end − V_start − Σ CF) / (V_start + Σ max(CF, 0)) × 100``, the sums over ``points[1:]``
    (``points[0]``'s own flow is part of ``V_start``). ``None`` with fewer than two points or no
    capital.
    """
    if len(points) < 2:
        return None
    flows = [point.net_cash_flow for point in points[1:]]
    start_value, end_value = points[0].total_value, points[-1].total_value
    with localcontext(PRECISE):
        gain = end_value - start_value - sum(flows, ZERO)
        capital = start_value + sum((flow for flow in flows if flow > 0), ZERO)
        return percent_of(gain, capital)


def time_weighted_return_pct(points: Sequence[ValuePoint]) -> Decimal | None:
    """Time-weighted return, in percent, from the close of ``points[0]`` to the last close.

    Flows are taken at the close of their day. For each day t after the first, with ``V_{t−1}``
    the previous close's value, ``V_t`` this close's and ``CF_t`` the day's net external flow:

        r_t = (V_t − CF_t) / V_{t−1} − 1     when V_{t−1} > 0
        r_t = V_t / CF_t − 1                 when V_{t−1} = 0 and CF_t > 0 (the flow is all the capital)
        r_t = 0                              otherwise (nothing invested)

        TWR = ((1 + r_1) × (1 + r_2) × … × (1 + r_n) − 1) × 100

    On days without a flow ``1 + r_t = V_t / V_{t−1}``, so the product telescopes to the chain of
    sub-periods ``(V_end − CF) / V_start − 1`` between consecutive flow days. ``None`` with fewer
    than two points or when no day had capital invested.
    """
    if len(points) < 2:
        return None
    growth = Decimal(1)
    invested = False
    with localcontext(PRECISE):
        for previous, point in pairwise(points):
            if previous.total_value > 0:
                growth *= (point.total_value - point.net_cash_flow) / previous.total_value
            elif point.net_cash_flow > 0:
                growth *= point.total_value / point.net_cash_flow
            else:
                continue
            invested = True
        return (growth - 1) * HUNDRED if invested else None
