"""What every market view shares: symbol resolution, the error responses, and response caching."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions

from stockvis.core.api import ErrorSerializer
from stockvis.core.symbols import SYMBOL_INPUT_PATTERN, InvalidSymbol, path_symbol
from stockvis.market.cache import symbol_cache_key
from stockvis.market.models import SYMBOL_PATTERN, Asset
from stockvis.market.selectors import asset_by_symbol

T = TypeVar("T")

# Response lifetimes from DESIGN.md; an ingest bumps the symbol's cache version, so a changed
# symbol is never served stale for this long.
CHART_TTL = 60
OVERVIEW_TTL = 600
STATEMENT_TTL = 3600

SYMBOL_PARAMETER = OpenApiParameter(
    "symbol",
    str,
    OpenApiParameter.PATH,
    description="Asset symbol in any case (`aapl`, `005930`, `btc-krw`); normalised to the "
    f"canonical spelling ({SYMBOL_PATTERN}). Anything else is a 400.",
    pattern=SYMBOL_INPUT_PATTERN,
)

ERROR_RESPONSES: dict[int, OpenApiResponse] = {
    400: OpenApiResponse(
        ErrorSerializer,
        description="A parameter is invalid; `fields` names it and the allowed values.",
    ),
    429: OpenApiResponse(ErrorSerializer, description="Throttled; retry after `retry_after` s."),
}
NOT_FOUND = {404: OpenApiResponse(ErrorSerializer, description="Unknown symbol.")}


def canonical_symbol(raw: str) -> str:
    """The canonical spelling of a path symbol; a malformed one is a 400 naming the rules."""
    try:
        return path_symbol(raw)
    except InvalidSymbol as exc:
        raise exceptions.ValidationError({"symbol": [str(exc)]}) from None


def asset_or_404(symbol: str) -> Asset:
    asset = asset_by_symbol(symbol)
    if asset is None:
        raise exceptions.NotFound(f"unknown symbol {symbol}")
    return asset


def cached(
    kind: str, symbol: str, params: dict[str, object], ttl: int, build: Callable[[], T]
) -> T:
    """``build()`` once per (symbol version, validated params) for ``ttl`` seconds.

    ``symbol_cache_key`` hashes only validated parameters and carries the symbol's version, which
    ``prices_changed`` bumps, so an ingest makes every cached response of that symbol stale at
    once. Only successful answers are stored: ``build`` raises for a 404.
    """
    key = symbol_cache_key(kind, symbol, params)
    value: Any = RECENT_BODIES.get(key)
    if value is not None:
        return value
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, ttl)
    elif isinstance(value, bytes):
        # Kept only once the shared cache answered it (a cache that stores nothing, or a
        # cleared one, keeps nothing here either).
        RECENT_BODIES.put(key, value, ttl)
    return value


class RecentBodies:
    """Finished response bodies of recent cache hits, in this process, up to ``max_bytes``.

    A hit then skips reading the shared copy (on the file cache: a file read and a zlib
    decompression, the largest cost left in a cached chart). The keys carry the symbol's version,
    which is still read from the shared cache on every request, so an ingest anywhere makes the
    entries of that symbol unreachable at once; an entry lives no longer than its shared copy.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] <= time.monotonic():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, body: bytes, ttl: int) -> None:
        if len(body) > self.max_bytes // 4:
            return  # one huge answer must not push out every other one
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (time.monotonic() + ttl, body)
            self._bytes += len(body)
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _drop(self, key: str) -> None:
        _, body = self._entries.pop(key)
        self._bytes -= len(body)


RECENT_BODIES = RecentBodies(max_bytes=32 * 1024 * 1024)


@receiver(setting_changed)
def _forget_recent_bodies(*, setting: str, **kwargs: object) -> None:
    """Bodies kept for one cache are not answers of another one (tests swap caches)."""
    if setting == "CACHES":
        RECENT_BODIES.clear()
