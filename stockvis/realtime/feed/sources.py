"""Where live quotes come from. A polling source answers ``poll`` with the quotes it could get
within its budget; a streaming source (a provider's WebSocket, say) would implement
``StreamingQuoteSource`` and push quotes as they come, and the feed would publish them the same way.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings

from stockvis.core import calendars
from stockvis.providers.base import AssetRef, Category, ProviderError
from stockvis.providers.ratelimit import ProviderLimits, RateLimiter
from stockvis.providers.synthetic.universe import DEMO_BY_SYMBOL
from stockvis.realtime.feed.walk import intraday_price, intraday_volume
from stockvis.realtime.messages import LiveQuote

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Watched:
    """A symbol the feed polls, with what a source needs to know about it."""

    ref: AssetRef
    source: str
    previous_close: float | None
    priority: int


class QuoteSource(Protocol):
    name: str

    def poll(self, watched: Sequence[Watched], now: dt.datetime) -> list[LiveQuote]:
        """Quotes for as many of ``watched`` (most important first) as the budget allows."""
        ...


class StreamingQuoteSource(Protocol):
    name: str

    def stream(self, symbols: Sequence[str]) -> AsyncIterator[LiveQuote]: ...


def _decimals(ref: AssetRef) -> int:
    whole = ref.currency == "KRW" and ref.category in (
        Category.STOCK,
        Category.ETF,
        Category.CRYPTO,
    )
    return 0 if whole else 2


class SyntheticQuoteSource:
    """Offline quotes: an intraday random walk from the previous close, labelled synthetic."""

    name = "synthetic"

    def poll(self, watched: Sequence[Watched], now: dt.datetime) -> list[LiveQuote]:
        out = []
        for item in watched:
            bounds = calendars.session_bounds(item.ref.exchange, now)
            if bounds is None or item.previous_close is None:
                continue
            demo = DEMO_BY_SYMBOL.get(item.ref.symbol)
            opened, closes = bounds
            out.append(
                LiveQuote(
                    symbol=item.ref.symbol,
                    price=intraday_price(
                        symbol=item.ref.symbol,
                        previous_close=item.previous_close,
                        daily_volatility=demo.volatility if demo else 0.015,
                        session_open=opened,
                        session_close=closes,
                        at=now,
                        decimals=_decimals(item.ref),
                    ),
                    previous_close=item.previous_close,
                    volume=intraday_volume(
                        typical_volume=demo.volume if demo else 1_000_000.0,
                        session_open=opened,
                        session_close=closes,
                        at=now,
                    ),
                    timestamp=now,
                    source=self.name,
                    synthetic=True,
                )
            )
        return out


class FeedBudget:
    """The shared rate limiter, with the feed's Alpha Vantage calls counted under their own
    name and daily allowance (FEED_ALPHAVANTAGE_CALLS_PER_DAY), so the feed never spends the
    quota the daily collection counts on. A spent key still tells every process."""

    def __init__(self, limiter: RateLimiter) -> None:
        self.limiter = limiter

    def acquire(self, provider: str) -> int:
        return self.limiter.acquire(f"{provider}-feed")

    def mark_exhausted(self, provider: str) -> None:
        self.limiter.mark_exhausted(provider)


def feed_limiter() -> RateLimiter:
    from stockvis.providers.registry import rate_limiter

    shared = rate_limiter()
    limits = {
        "alphavantage-feed": ProviderLimits(
            per_minute=settings.FEED_ALPHAVANTAGE_CALLS_PER_MINUTE or None,
            per_day=settings.FEED_ALPHAVANTAGE_CALLS_PER_DAY,
        )
    }
    # No waiting: a refused call waits for the next round instead of holding the feed up.
    return RateLimiter(store=shared.store, limits=limits, max_wait=0.0, tz=shared.tz)


class AlphaVantageQuoteSource:
    """GLOBAL_QUOTE per symbol, as many as the feed's budget allows, most important first."""

    name = "alphavantage"

    def __init__(self, client: Any) -> None:
        self.client = client

    @classmethod
    def from_settings(cls) -> AlphaVantageQuoteSource | None:
        if not settings.ALPHA_VANTAGE_API_KEY or settings.FEED_ALPHAVANTAGE_CALLS_PER_DAY <= 0:
            return None
        from stockvis.providers.alphavantage import AlphaVantageClient
        from stockvis.providers.retry import RetryPolicy

        client = AlphaVantageClient(
            settings.ALPHA_VANTAGE_API_KEY,
            base_url=settings.ALPHA_VANTAGE_BASE_URL,
            timeout=min(settings.PROVIDER_TIMEOUT, 10.0),
            rate_limiter=FeedBudget(feed_limiter()),  # type: ignore[arg-type]
            retry_policy=RetryPolicy(max_retries=0),
        )
        return cls(client)

    def poll(self, watched: Sequence[Watched], now: dt.datetime) -> list[LiveQuote]:
        out = []
        for item in watched:
            try:
                quote = self.client.quote(item.ref)
            except ProviderError as exc:
                if exc.permanent:
                    logger.warning("feed: no quote for %s: %s", item.ref.symbol, exc)
                    continue
                # Budget spent for now (or the provider is down): the rest wait for a later round.
                logger.info("feed: alphavantage stops this round: %s", exc)
                break
            out.append(
                LiveQuote(
                    symbol=item.ref.symbol,
                    price=quote.price,
                    previous_close=quote.previous_close,
                    volume=quote.volume,
                    timestamp=now,
                    source=self.name,
                    synthetic=False,
                )
            )
        return out
