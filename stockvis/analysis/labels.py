"""Signal directions and composite labels: the vocabulary the screener's table stores.

Kept apart from `signals` (which needs NumPy and TA-Lib) so the models can be loaded at start-up
without them.
"""

from __future__ import annotations

from enum import StrEnum


class Direction(StrEnum):
    BUY = "buy"
    SELL = "sell"
    NEUTRAL = "neutral"

    @property
    def sign(self) -> int:
        return {Direction.BUY: 1, Direction.SELL: -1, Direction.NEUTRAL: 0}[self]


class CompositeLabel(StrEnum):
    STRONG_SELL = "strong_sell"
    SELL = "sell"
    NEUTRAL = "neutral"
    BUY = "buy"
    STRONG_BUY = "strong_buy"
