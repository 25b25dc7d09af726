"""Intraday bars built from the quotes the feed sees (pure: quotes in, one-minute bars out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stockvis.realtime.messages import LiveQuote

BAR_SECONDS = 60


@dataclass(slots=True)
class Bar:
    symbol: str
    source: str
    start: dt.datetime
    open: float
    high: float
    low: float
    close: float
    volume: float


def bar_start(at: dt.datetime, seconds: int = BAR_SECONDS) -> dt.datetime:
    stamp = int(at.timestamp())
    return dt.datetime.fromtimestamp(stamp - stamp % seconds, tz=dt.UTC)


class BarBook:
    """The forming bar of each symbol; ``take_changed`` hands out bars updated since last time.

    A bar's volume is the growth of the session volume the quotes report while it forms."""

    def __init__(self) -> None:
        self._bars: dict[str, Bar] = {}
        self._day_volume: dict[str, float] = {}
        self._changed: dict[tuple[str, dt.datetime], Bar] = {}

    def add(self, quote: LiveQuote) -> None:
        start = bar_start(quote.timestamp)
        bar = self._bars.get(quote.symbol)
        if bar is None or bar.start != start or bar.source != quote.source:
            price = quote.price
            bar = Bar(quote.symbol, quote.source, start, price, price, price, price, 0.0)
            self._bars[quote.symbol] = bar
        else:
            bar.high = max(bar.high, quote.price)
            bar.low = min(bar.low, quote.price)
            bar.close = quote.price
        if quote.volume is not None:
            before = self._day_volume.get(quote.symbol)
            if before is not None and quote.volume > before:
                bar.volume += quote.volume - before
            self._day_volume[quote.symbol] = quote.volume
        self._changed[(quote.symbol, start)] = bar

    def take_changed(self) -> list[Bar]:
        changed = list(self._changed.values())
        self._changed.clear()
        return changed
