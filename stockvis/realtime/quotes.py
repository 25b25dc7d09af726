"""Shared realtime state in the cache every process sees: each symbol's latest live quote, which
symbols have open sockets and which users have a portfolio socket open.

The cache is the file cache under VAR_DIR in the embedded run and Redis at scale, so the feed (its
own process) learns what the web processes' sockets watch, and a socket's snapshot reads what the
feed saw last.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from django.core.cache import cache
from django.utils import timezone

from stockvis.core import calendars
from stockvis.market.models import Asset
from stockvis.market.selectors import latest_quotes
from stockvis.realtime.messages import LiveQuote

_QUOTE_TTL = 2 * 86400
# An open socket re-marks its symbols on every heartbeat (30 s); a mark outlives two of them.
WATCH_TTL = 75
_QUOTE_KEY = "realtime:quote:{}"
_SOCKET_KEY = "realtime:socket:{}"
_ONLINE_KEY = "realtime:online:{}"

# Marks this process wrote recently, so 1,000 sockets on one symbol cost one cache write.
_marked: dict[str, float] = {}


def quotes_store(quotes: Iterable[LiveQuote]) -> None:
    cache.set_many({_QUOTE_KEY.format(q.symbol): q.to_store() for q in quotes}, _QUOTE_TTL)


def quote_live(symbol: str) -> LiveQuote | None:
    stored = cache.get(_QUOTE_KEY.format(symbol))
    return None if stored is None else LiveQuote.from_store(stored)


def quotes_live(symbols: Iterable[str]) -> dict[str, LiveQuote]:
    keys = {_QUOTE_KEY.format(symbol): symbol for symbol in symbols}
    found = cache.get_many(list(keys))
    return {keys[key]: LiveQuote.from_store(value) for key, value in found.items()}


def quote_latest(asset: Asset) -> LiveQuote | None:
    """The feed's last quote of ``asset``, else its last stored daily close (stamped at that
    session's close), else None."""
    live = quote_live(asset.symbol)
    if live is not None:
        return live
    stored = latest_quotes([asset]).get(asset.pk)
    if stored is None:
        return None
    try:
        closed_at = calendars.session_close(asset.exchange, stored.date)
    except calendars.UnknownExchange:
        closed_at = calendars.session_close(calendars.EVERY_DAY, stored.date)
    return LiveQuote(
        symbol=asset.symbol,
        price=stored.close,
        previous_close=stored.previous_close,
        volume=None,
        # A bar of a session still trading is stamped now, not at its future close.
        timestamp=min(closed_at, timezone.now()),
        source=stored.source,
        synthetic=stored.synthetic,
    )


def _mark(key: str, now: float) -> bool:
    if now - _marked.get(key, 0.0) < WATCH_TTL / 3:
        return False
    _marked[key] = now
    return True


def marks_due(*, symbols: Iterable[str] = (), user_id: int | None = None) -> bool:
    """Whether a heartbeat's marks would write anything (memory only, no I/O): a thousand
    sockets' heartbeats then cost a thread hop and a cache write only when one is due."""
    now = time.monotonic()
    keys = [_SOCKET_KEY.format(s) for s in symbols]
    if user_id is not None:
        keys.append(_ONLINE_KEY.format(user_id))
    return any(now - _marked.get(key, 0.0) >= WATCH_TTL / 3 for key in keys)


def sockets_mark(symbols: Iterable[str], *, force: bool = False) -> None:
    """Tell the feed these symbols have an open socket (refreshed by each heartbeat)."""
    now = time.monotonic()
    keys = [_SOCKET_KEY.format(s) for s in symbols]
    due = [key for key in keys if force or _mark(key, now)]
    if due:
        cache.set_many(dict.fromkeys(due, 1), WATCH_TTL)


def symbols_with_sockets(symbols: Iterable[str]) -> set[str]:
    keys = {_SOCKET_KEY.format(symbol): symbol for symbol in symbols}
    return {keys[key] for key in cache.get_many(list(keys))}


def user_mark_online(user_id: int) -> None:
    key = _ONLINE_KEY.format(user_id)
    if _mark(key, time.monotonic()):
        cache.set(key, 1, WATCH_TTL)


def users_online(user_ids: Iterable[int]) -> set[int]:
    keys = {_ONLINE_KEY.format(uid): uid for uid in user_ids}
    return {keys[key] for key in cache.get_many(list(keys))}
