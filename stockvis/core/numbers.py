"""How figures are rounded for display, in one place: prices and price changes to 4 decimals
(enough for FX rates and cents, none of float's noise), percentages to 2, scores to 1."""

from __future__ import annotations

PRICE_DECIMALS = 4
PERCENT_DECIMALS = 2
SCORE_DECIMALS = 1


def _rounded(value: float | None, decimals: int) -> float | None:
    if value is None or value != value:  # NaN stays missing rather than a fake number
        return None
    return round(float(value), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0


def price(value: float | None) -> float | None:
    """A price, a price change or an indicator level in price units."""
    return _rounded(value, PRICE_DECIMALS)


def percent(value: float | None) -> float | None:
    return _rounded(value, PERCENT_DECIMALS)


def score(value: float | None) -> float | None:
    """A composite signal score (-100 to 100) or a signal's points."""
    return _rounded(value, SCORE_DECIMALS)
