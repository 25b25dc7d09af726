"""What every market view shares: symbol resolution, the error responses, and response caching."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
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
    value: Any = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, ttl)
    return value
