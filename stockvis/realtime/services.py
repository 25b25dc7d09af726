"""What the feed does with the quotes it gets: intraday bars, live alerts, portfolio pushes."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence

from django.conf import settings

from stockvis.market.models import Asset
from stockvis.portfolios import selectors as portfolio_selectors
from stockvis.portfolios.models import PriceAlert
from stockvis.portfolios.services import alerts_evaluate
from stockvis.realtime import broadcast, quotes
from stockvis.realtime.feed.bars import Bar
from stockvis.realtime.messages import Coalescer, LiveQuote
from stockvis.realtime.models import IntradayBar
from stockvis.realtime.portfolio import owners_holding, portfolio_message

logger = logging.getLogger(__name__)


def bars_store(*, bars: Sequence[Bar]) -> int:
    """Upsert the one-minute bars (a forming bar is rewritten until its minute ends)."""
    if not bars:
        return 0
    ids = dict(
        Asset.objects.filter(symbol__in={b.symbol for b in bars}).values_list("symbol", "pk")
    )
    rows = [
        IntradayBar(
            asset_id=ids[b.symbol],
            source=b.source,
            start=b.start,
            open=b.open,
            high=b.high,
            low=b.low,
            close=b.close,
            volume=b.volume,
        )
        for b in bars
        if b.symbol in ids
    ]
    IntradayBar.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["asset", "start", "source"],
        update_fields=["high", "low", "close", "volume"],
    )
    return len(rows)


def bars_prune(*, now: dt.datetime) -> int:
    cutoff = now - dt.timedelta(days=settings.INTRADAY_RETENTION_DAYS)
    deleted, _ = IntradayBar.objects.filter(start__lt=cutoff).delete()
    return deleted


def live_alerts_evaluate(*, moved: Sequence[LiveQuote], now: dt.datetime) -> int:
    """Evaluate the alerts of the symbols that moved on their live prices (edge-triggered, like
    the evaluation after each daily close); returns how many fired."""
    symbols = {q.symbol for q in moved}
    watched = set(
        PriceAlert.objects.filter(is_active=True, asset__symbol__in=symbols).values_list(
            "asset__symbol", flat=True
        )
    )
    if not watched:
        return 0
    live = {q.symbol: portfolio_selectors.Quote.from_live(q) for q in moved if q.symbol in watched}
    return len(alerts_evaluate(symbols=sorted(watched), now=now, live=live))


def portfolios_push(
    *, moved_symbols: Iterable[str], coalescer: Coalescer[int], now: dt.datetime, tick: float
) -> int:
    """Push fresh values to the portfolio sockets of owners holding a symbol that moved, at most
    once a second each; an owner held back is pushed on a later round."""
    due = set(coalescer.due(tick))
    for owner in quotes.users_online(owners_holding(moved_symbols)):
        if coalescer.offer(str(owner), owner, tick) is not None:
            due.add(owner)
    events = [(owner, portfolio_message(user_id=owner, now=now)) for owner in sorted(due)]
    broadcast.send_user_events((owner, msg["type"], msg) for owner, msg in events)
    return len(events)
