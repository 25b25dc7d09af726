"""Ledger entries restated in post-split shares (pure: no Django, no clock, no I/O).

A holder of 10 shares bought at 300 before a 3-for-1 split holds 30 shares at 100 each: the
quantity follows the split, the money paid does not change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal, localcontext

from stockvis.market.adjustment import CorporateEvent, split_ratio_between
from stockvis.portfolios.ledger import PRECISE, Transaction


def split_adjusted(
    transactions: Iterable[Transaction],
    splits: Mapping[str, Sequence[CorporateEvent]],
    *,
    up_to: dt.date,
) -> list[Transaction]:
    """Each entry before a split effective by ``up_to``: quantity × ratio, price ÷ ratio."""
    adjusted: list[Transaction] = []
    for tx in transactions:
        events = splits.get(tx.symbol)
        ratio = split_ratio_between(events, tx.date, up_to) if events else 1.0
        if ratio == 1.0 or not tx.quantity:
            adjusted.append(tx)
            continue
        factor = Decimal(str(ratio))
        if factor == factor.to_integral_value():
            factor = factor.quantize(Decimal(1))  # 4, not 4.0: a share count reads "40"
        with localcontext(PRECISE):
            adjusted.append(replace(tx, quantity=tx.quantity * factor, price=tx.price / factor))
    return adjusted
