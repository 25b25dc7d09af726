"""Per-symbol cache versions: an ingest bumps the version, so every cached response of that symbol
goes stale at once without scanning keys (works on the file cache and on Redis alike)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache

_VERSION_KEY = "symver:{symbol}"
# Versions outlive any response TTL so a bump is never forgotten while responses are cached.
_VERSION_TTL = 60 * 60 * 24 * 30


def symbol_version(symbol: str) -> int:
    version = cache.get(_VERSION_KEY.format(symbol=symbol))
    if version is None:
        cache.add(_VERSION_KEY.format(symbol=symbol), 1, _VERSION_TTL)
        version = cache.get(_VERSION_KEY.format(symbol=symbol), 1)
    return int(version)


def bump_symbol_version(symbol: str) -> int:
    key = _VERSION_KEY.format(symbol=symbol)
    try:
        return int(cache.incr(key))
    except ValueError:  # not set yet (or expired): start above any version a reader may have seen
        cache.set(key, 2, _VERSION_TTL)
        return 2


def symbol_cache_key(kind: str, symbol: str, params: dict[str, object]) -> str:
    """A safe cache key: validated params are hashed, the symbol's version is part of the key."""
    canonical = "&".join(f"{k}={params[k]}" for k in sorted(params))
    digest = hashlib.sha256(canonical.encode()).hexdigest()[:24]
    return f"api:{kind}:{symbol}:v{symbol_version(symbol)}:{digest}"
