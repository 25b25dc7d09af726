"""The shapes of realtime messages and the rule of at most one update a second (pure: no Django,
no clock; ``now`` is passed in)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from stockvis.core import calendars

PRICE_UPDATE = "price_update"
SNAPSHOT = "snapshot"


@dataclass(frozen=True, slots=True)
class LiveQuote:
    """A symbol's latest known price, where it came from and when."""

    symbol: str
    price: float
    previous_close: float | None
    volume: float | None
    timestamp: dt.datetime
    source: str
    synthetic: bool

    @property
    def change(self) -> float | None:
        if self.previous_close is None:
            return None
        return round(self.price - self.previous_close, 6)

    @property
    def change_percent(self) -> float | None:
        if not self.previous_close:
            return None
        return round((self.price - self.previous_close) / self.previous_close * 100, 4)

    def message(self, kind: str = PRICE_UPDATE) -> dict[str, Any]:
        return {
            "type": kind,
            "symbol": self.symbol,
            "price": self.price,
            "change": self.change,
            "change_percent": self.change_percent,
            "volume": self.volume,
            "timestamp": self.timestamp.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            "source": self.source,
            "synthetic": self.synthetic,
        }

    def to_store(self) -> dict[str, Any]:
        return {**self.message(), "previous_close": self.previous_close}

    @classmethod
    def from_store(cls, data: dict[str, Any]) -> LiveQuote:
        return cls(
            symbol=data["symbol"],
            price=float(data["price"]),
            previous_close=data.get("previous_close"),
            volume=data.get("volume"),
            timestamp=dt.datetime.fromisoformat(data["timestamp"].replace("Z", "+00:00")),
            source=data["source"],
            synthetic=bool(data["synthetic"]),
        )

    def moved_from(self, other: LiveQuote | None) -> bool:
        """Whether this quote tells a subscriber anything new compared with ``other``."""
        return other is None or (self.price, self.volume) != (other.price, other.volume)


def market_state(exchange: str, now: dt.datetime) -> dict[str, Any]:
    """Whether the asset's market trades now and, if not, when it next opens (ISO, UTC)."""
    try:
        is_open = calendars.is_open_at(exchange, now)
        upcoming = None if is_open else calendars.next_open(exchange, now)
    except calendars.UnknownExchange:
        is_open, upcoming = False, None
    return {
        "market_open": is_open,
        "next_open": None if upcoming is None else upcoming.isoformat().replace("+00:00", "Z"),
    }


def snapshot_message(
    quote: LiveQuote | None, *, symbol: str, exchange: str, now: dt.datetime
) -> dict[str, Any]:
    """What a subscriber gets at once: the latest known quote and the market's state."""
    base: dict[str, Any]
    if quote is None:
        base = {
            "type": SNAPSHOT,
            "symbol": symbol,
            "price": None,
            "change": None,
            "change_percent": None,
            "volume": None,
            "timestamp": None,
            "source": None,
            "synthetic": False,
        }
    else:
        base = quote.message(SNAPSHOT)
    return {**base, "exchange": exchange, **market_state(exchange, now)}


T = TypeVar("T")


class Coalescer(Generic[T]):
    """At most one item per key every ``interval`` seconds; the latest one wins.

    ``offer`` returns the item when it may go out now; otherwise it is kept and ``due`` hands it
    out once the interval has passed, so the last value of a burst is never lost."""

    def __init__(self, interval: float = 1.0) -> None:
        self.interval = interval
        self._sent_at: dict[str, float] = {}
        self._pending: dict[str, T] = {}

    def offer(self, key: str, item: T, now: float) -> T | None:
        last = self._sent_at.get(key)
        if last is None or now - last >= self.interval:
            self._sent_at[key] = now
            self._pending.pop(key, None)
            return item
        self._pending[key] = item
        return None

    def due(self, now: float) -> list[T]:
        ready = [key for key in self._pending if now - self._sent_at.get(key, 0.0) >= self.interval]
        out = []
        for key in ready:
            self._sent_at[key] = now
            out.append(self._pending.pop(key))
        return out
