"""Price alert conditions and their edge trigger (pure: no Django, no clock, no I/O)."""

# An alert fires when its condition turns true, not on every check while it stays true: the
# caller stores the last state and passes it back in. Unknown (None) counts as false, so an alert
# whose condition already holds when its first prices arrive fires once then.

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

from stockvis.portfolios.ledger import PRECISE


class Condition(StrEnum):
    PRICE_ABOVE = "price_above"
    PRICE_BELOW = "price_below"
    CHANGE_UP = "change_up"
    CHANGE_DOWN = "change_down"
    RSI_ABOVE = "rsi_above"
    RSI_BELOW = "rsi_below"


RSI_CONDITIONS = frozenset({Condition.RSI_ABOVE, Condition.RSI_BELOW})


@dataclass(frozen=True, slots=True)
class Observation:
    """What is known about a symbol now: last close, previous close and RSI (None if unknown)."""

    last: Decimal
    previous_close: Decimal | None = None
    rsi: Decimal | None = None

    @property
    def change_pct(self) -> Decimal | None:
        if not self.previous_close:
            return None
        with localcontext(PRECISE):
            return (self.last - self.previous_close) * 100 / self.previous_close


def observed_value(condition: Condition, seen: Observation) -> Decimal | None:
    """The number the condition compares: price, daily change % or RSI."""
    if condition in (Condition.PRICE_ABOVE, Condition.PRICE_BELOW):
        return seen.last
    if condition in (Condition.CHANGE_UP, Condition.CHANGE_DOWN):
        return seen.change_pct
    return seen.rsi


def condition_holds(condition: Condition, threshold: Decimal, seen: Observation) -> bool | None:
    """Whether the condition holds now; None when its input is not known yet (RSI warm-up)."""
    value = observed_value(condition, seen)
    if value is None:
        return None
    if condition in (Condition.PRICE_ABOVE, Condition.RSI_ABOVE):
        return value >= threshold
    if condition in (Condition.PRICE_BELOW, Condition.RSI_BELOW):
        return value <= threshold
    if condition is Condition.CHANGE_UP:
        return value >= abs(threshold)
    return value <= -abs(threshold)


@dataclass(frozen=True, slots=True)
class Evaluation:
    state: bool | None
    fires: bool
    value: Decimal | None


def evaluate(
    condition: Condition, threshold: Decimal, seen: Observation, *, previous: bool | None
) -> Evaluation:
    """The new state, and whether this evaluation fires (false or unknown before, true now).

    An unknown new state keeps the previous one, so a gap in the data neither fires nor re-arms.
    """
    now = condition_holds(condition, threshold, seen)
    value = observed_value(condition, seen)
    if now is None:
        return Evaluation(previous, False, value)
    return Evaluation(now, now and not previous, value)


# Decimals a threshold shows at least: a price the currency's minor unit, a percentage or an RSI
# level two. More only when the user typed more ("187.335"); the column's eight never.
_SHOWN_DECIMALS = {"KRW": 0, "JPY": 0}


def threshold_text(condition: Condition, threshold: Decimal, currency: str = "USD") -> str:
    """The threshold as people write it: ``1.00`` (%), ``250.00`` (USD), ``72000`` (KRW).

    Stored thresholds carry the column's eight decimals (``1.00000000``); those trailing zeros
    are noise, the digits the user typed are not.
    """
    is_price = condition in (Condition.PRICE_ABOVE, Condition.PRICE_BELOW)
    minimum = _SHOWN_DECIMALS.get(currency.upper(), 2) if is_price else 2
    number = (
        abs(threshold) if condition in (Condition.CHANGE_UP, Condition.CHANGE_DOWN) else threshold
    )
    digits = max(minimum, -number.normalize().as_tuple().exponent)  # type: ignore[operator]
    return f"{number:.{digits}f}"


def describe(
    condition: Condition,
    threshold: Decimal,
    symbol: str,
    value: Decimal | None,
    currency: str = "USD",
) -> str:
    """A one-line message for the notification."""
    shown = "unknown" if value is None else f"{value:.2f}"
    level = threshold_text(condition, threshold, currency)
    texts = {
        Condition.PRICE_ABOVE: f"{symbol} is at {shown}, at or above {level}",
        Condition.PRICE_BELOW: f"{symbol} is at {shown}, at or below {level}",
        Condition.CHANGE_UP: f"{symbol} is up {shown}% today (alert at +{level}%)",
        Condition.CHANGE_DOWN: f"{symbol} moved {shown}% today (alert at -{level}%)",
        Condition.RSI_ABOVE: f"{symbol} RSI is {shown}, at or above {level}",
        Condition.RSI_BELOW: f"{symbol} RSI is {shown}, at or below {level}",
    }
    return texts[condition]
