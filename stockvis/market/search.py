"""Symbol search beyond the local master (the configured provider), view counts and popular assets."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db.models import Count
from django.dispatch import receiver

from stockvis.core.symbols import InvalidSymbol, normalize_symbol
from stockvis.market.models import Asset
from stockvis.providers.base import MarketDataProvider, ProviderError, SymbolMatch
from stockvis.providers.retry import RetryPolicy

logger = logging.getLogger(__name__)

# Provider answers are cached for a day: a search box must not spend a free key's 25 daily calls.
PROVIDER_SEARCH_TTL = 60 * 60 * 24
# A request thread waits at most this long for the provider, and never for a rate-limit slot.
PROVIDER_SEARCH_TIMEOUT = 5.0
# Providers whose search adds nothing to the local master (the demo universe is local already).
_NO_REMOTE_SEARCH = frozenset({"synthetic", "csv"})

# View counters live a week from the first view of a symbol; the index lists counted symbols.
VIEW_TTL = 60 * 60 * 24 * 7
_VIEW_KEY = "views:{symbol}"
_VIEW_INDEX_KEY = "views:index"
_VIEW_INDEX_MAX = 500
# Seconds between two additions of this process's view counts to the shared counters.
VIEW_FLUSH_SECONDS = 10.0
_pending: Counter[str] = Counter()
_pending_lock = threading.Lock()
_last_flush = [time.monotonic()]

# Shown when nobody holds or has viewed anything yet: well-known names of both markets.
DEFAULT_POPULAR = (
    "AAPL",
    "MSFT",
    "NVDA",
    "TSLA",
    "005930",
    "000660",
    "SPY",
    "QQQ",
    "KS11",
    "BTC-KRW",
    "GOOGL",
    "IBM",
    "035720",
    "035420",
    "069500",
    "US500",
    "KQ11",
    "ETH-KRW",
    "GC=F",
    "USD-KRW",
)


@dataclass(frozen=True)
class ProviderSearch:
    """What the provider said: ``status`` is ok | skipped | not_configured | unavailable."""

    name: str | None
    status: str
    matches: tuple[SymbolMatch, ...] = ()
    message: str | None = None


def search_provider() -> MarketDataProvider | None:
    """The configured provider, tuned for a request thread, or None when it has no real search.

    Built through the registry like every other provider use. A web request must answer quickly,
    so the client gets one try, a short timeout and no waiting for a rate-limit slot; collection
    jobs keep their patient defaults because they build their own client.
    """
    from stockvis.providers.registry import provider_build

    try:
        provider = provider_build()
    except ProviderError as exc:
        logger.info("no provider search: %s", exc)
        return None
    if provider.synthetic or provider.name in _NO_REMOTE_SEARCH:
        return None
    if hasattr(provider, "retry_policy"):
        provider.retry_policy = RetryPolicy(max_retries=0)
    if hasattr(provider, "timeout"):
        provider.timeout = min(float(provider.timeout), PROVIDER_SEARCH_TIMEOUT)
    limiter = getattr(provider, "rate_limiter", None)
    if limiter is not None and dataclasses.is_dataclass(limiter):
        provider.rate_limiter = dataclasses.replace(limiter, max_wait=0.0)  # type: ignore[attr-defined]
    return provider


def provider_symbol_search(keywords: str) -> ProviderSearch:
    """The provider's matches for ``keywords``, cached a day; failures degrade, never raise."""
    provider = search_provider()
    if provider is None:
        return ProviderSearch(None, "not_configured")
    digest = hashlib.sha256(keywords.strip().lower().encode()).hexdigest()[:24]
    key = f"provider-search:{provider.name}:{digest}"
    cached = cache.get(key)
    if cached is not None:
        return ProviderSearch(provider.name, "ok", tuple(cached))
    try:
        matches = tuple(provider.search(keywords.strip()))
    except ProviderError as exc:
        return ProviderSearch(provider.name, "unavailable", message=str(exc))
    except Exception as exc:
        # Search is a convenience on top of the local master: whatever breaks at the provider
        # (a parser surprise, a library bug) must cost the user the remote hits, not the answer.
        logger.exception("provider search failed")
        return ProviderSearch(provider.name, "unavailable", message=type(exc).__name__)
    cache.set(key, list(matches), PROVIDER_SEARCH_TTL)
    return ProviderSearch(provider.name, "ok", matches)


def canonical_or_none(raw: str) -> str | None:
    try:
        return normalize_symbol(raw)
    except InvalidSymbol:
        return None


# --- Popularity -----------------------------------------------------------------------------


def record_view(symbol: str) -> None:
    """Count a chart or overview view of a canonical symbol.

    Views are counted in this process and added to the shared counters at most every
    ``VIEW_FLUSH_SECONDS`` (and before this process reads them): a cache write per view was a
    third of a cached chart's time on the file cache. A process that dies loses at most that
    many seconds of views of a week's popularity.
    """
    with _pending_lock:
        _pending[symbol] += 1
        due = time.monotonic() - _last_flush[0] >= VIEW_FLUSH_SECONDS
    if due:
        flush_views()


def flush_views() -> None:
    """Add the views counted in this process to the shared counters."""
    with _pending_lock:
        counts = dict(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    for symbol, views in counts.items():
        _add_views(symbol, views)


def _add_views(symbol: str, views: int) -> None:
    key = _VIEW_KEY.format(symbol=symbol)
    if cache.add(key, views, VIEW_TTL):
        # First view in this window: list the symbol so `view_counts` can find its counter.
        # A lost race here only drops a symbol from the index until its next first view.
        index = list(cache.get(_VIEW_INDEX_KEY) or [])
        if symbol not in index:
            index = [*index, symbol][-_VIEW_INDEX_MAX:]
            cache.set(_VIEW_INDEX_KEY, index, VIEW_TTL)
        return
    try:
        cache.incr(key, views)
    except ValueError:  # expired between add and incr
        cache.add(key, views, VIEW_TTL)


def forget_pending_views() -> None:
    with _pending_lock:
        _pending.clear()


@receiver(setting_changed)
def _forget_pending_views(*, setting: str, **kwargs: object) -> None:
    """Views counted for one cache are not added to another one (tests swap caches)."""
    if setting == "CACHES":
        forget_pending_views()


def view_counts() -> dict[str, int]:
    flush_views()
    symbols = list(cache.get(_VIEW_INDEX_KEY) or [])
    if not symbols:
        return {}
    counters = cache.get_many([_VIEW_KEY.format(symbol=s) for s in symbols])
    return {
        s: int(counters[_VIEW_KEY.format(symbol=s)])
        for s in symbols
        if _VIEW_KEY.format(symbol=s) in counters
    }


def holder_counts() -> dict[int, int]:
    """Portfolios holding each asset, when the portfolios app has its Holding model."""
    try:
        holding = apps.get_model("portfolios", "Holding")
    except LookupError:
        return {}
    rows = holding._default_manager.values("asset_id").annotate(n=Count("portfolio", distinct=True))
    return {row["asset_id"]: row["n"] for row in rows.order_by("-n")[:_VIEW_INDEX_MAX]}


@dataclass(frozen=True)
class PopularAsset:
    asset: Asset
    holders: int
    views: int


@dataclass(frozen=True)
class Popular:
    basis: str
    assets: list[PopularAsset]


def popular_assets(*, limit: int) -> Popular:
    """Most held, then most viewed, then the default list: every local asset ranked by that key."""
    holders = holder_counts()
    views = view_counts()
    default_rank = {symbol: i for i, symbol in enumerate(DEFAULT_POPULAR)}
    candidates = Asset.objects.filter(is_active=True).filter(
        pk__in=list(holders)
    ) | Asset.objects.filter(is_active=True, symbol__in=[*views, *DEFAULT_POPULAR])
    ranked = sorted(
        candidates,
        key=lambda a: (
            -holders.get(a.pk, 0),
            -views.get(a.symbol, 0),
            default_rank.get(a.symbol, len(DEFAULT_POPULAR)),
            a.symbol,
        ),
    )[:limit]
    if any(holders.get(a.pk) for a in ranked):
        basis = "holdings"
    elif any(views.get(a.symbol) for a in ranked):
        basis = "views"
    else:
        basis = "default"
    return Popular(
        basis,
        [PopularAsset(a, holders.get(a.pk, 0), views.get(a.symbol, 0)) for a in ranked],
    )
