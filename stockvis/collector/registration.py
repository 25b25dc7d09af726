"""The asset master: register assets from what a provider, or the user, says about them.

Registering again merges: what is known is never replaced with less (an empty name, a name that
is only the symbol, a missing local name or listing date), and the preferred source stays the
one the asset has unless the caller asks to prefer the new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stockvis.core.calendars import is_known_exchange
from stockvis.core.symbols import normalize_symbol
from stockvis.market.models import Asset, Market
from stockvis.providers.base import AssetInfo, AssetRef, Category, MarketDataProvider

#: What the user says about an asset no provider can describe (offline, a file in hand).
_KRX_CODE = re.compile(r"^\d{6}$")
_US_TICKER = re.compile(r"^[A-Z]{1,5}([.-][A-Z]{1,2})?$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class RegistrationError(ValueError):
    """What the user said about an asset cannot be used (unknown category, exchange, ...)."""


@dataclass(frozen=True)
class Registered:
    asset: Asset
    created: bool
    #: What was inferred rather than said, one phrase each ("exchange XNYS (letters: a US listing)").
    assumed: list[str] = field(default_factory=list)
    #: What the provider could not tell this time (e.g. offline), kept from before or left out.
    notes: list[str] = field(default_factory=list)


def market_of(info: AssetInfo) -> str:
    if info.exchange == "XKRX":
        return Market.KR
    if info.exchange in {"XNYS", "XNAS"}:
        return Market.US
    return Market.GLOBAL


def _merged_name(symbol: str, new: AssetInfo, old: Asset | None) -> str:
    name = new.name.strip()
    known = old.name.strip() if old is not None and old.name.strip() != symbol else ""
    if not name or name == symbol:
        return known or name or symbol
    # A provider that knows only the local name (FinanceDataReader's KRX listing) does not
    # replace a stored name in another script; the local name goes to name_local.
    if known and new.name_local and name == new.name_local.strip():
        return known
    return name


def asset_register(
    *,
    info: AssetInfo,
    market: str,
    source: str,
    provider_symbols: dict[str, str] | None = None,
    prefer: bool = False,
) -> Asset:
    """Create an asset, or merge what a provider says into the stored one; provider symbols
    merge, and the preferred source changes only when ``prefer`` (or there is none yet)."""
    symbol = normalize_symbol(info.symbol)
    existing = Asset.objects.filter(symbol=symbol).first()
    symbols = {**(existing.provider_symbols if existing else {}), **(provider_symbols or {})}
    kept_source = existing.preferred_source if existing is not None else ""
    asset, _ = Asset.objects.update_or_create(
        symbol=symbol,
        defaults={
            "name": _merged_name(symbol, info, existing),
            "name_local": info.name_local or (existing.name_local if existing else ""),
            "category": info.category.value,
            "market": market,
            "exchange": info.exchange,
            "currency": info.currency,
            "preferred_source": source if prefer or not kept_source else kept_source,
            "listing_date": info.listing_date or (existing.listing_date if existing else None),
            "provider_symbols": symbols,
        },
    )
    return asset


def asset_add(*, symbol: str, provider: MarketDataProvider, prefer: bool = False) -> Registered:
    """Register ``symbol`` from what ``provider`` says it is (category, exchange, currency)."""
    canonical = normalize_symbol(symbol)
    info = provider.describe_asset(canonical)
    remote = info.provider_symbol
    created = not Asset.objects.filter(symbol=canonical).exists()
    asset = asset_register(
        info=info,
        market=market_of(info),
        source=provider.name,
        provider_symbols={provider.name: remote} if remote and remote != info.symbol else {},
        prefer=prefer,
    )
    return Registered(asset, created=created, notes=list(info.notes))


def listing_inferred(symbol: str) -> tuple[str, str, str] | None:
    """(exchange, currency, why) guessed from a symbol's shape, or None when it says nothing."""
    if _KRX_CODE.match(symbol):
        return "XKRX", "KRW", "six digits: a KRX code"
    if _US_TICKER.match(symbol):
        return "XNYS", "USD", "letters: a US listing"
    return None


def asset_describe_by_user(
    *,
    symbol: str,
    name: str | None = None,
    category: str | None = None,
    exchange: str | None = None,
    currency: str | None = None,
    existing: Asset | None = None,
) -> tuple[AssetInfo, list[str]]:
    """What the user says an asset is, completed by inference (new assets) or by what is stored
    (known ones); returns the description and what was assumed."""
    canonical = normalize_symbol(symbol)
    assumed: list[str] = []
    if category is not None and category.strip().lower() not in {c.value for c in Category}:
        choices = ", ".join(c.value for c in Category)
        raise RegistrationError(f"unknown category {category!r}; choose from {choices}")
    if exchange is not None and not is_known_exchange(exchange.strip().upper()):
        raise RegistrationError(
            f"unknown exchange {exchange!r}; give a calendar code such as XNYS, XNAS, XKRX, "
            "24/7 (crypto) or 24/5 (FX, commodities)"
        )
    if currency is not None and not _CURRENCY.match(currency.strip().upper()):
        raise RegistrationError(f"currency must be a 3-letter code such as USD, not {currency!r}")
    if existing is not None:
        stored = AssetInfo(
            canonical,
            existing.name,
            Category(existing.category),
            existing.exchange,
            existing.currency,
            listing_date=existing.listing_date,
            name_local=existing.name_local,
        )
    else:
        inferred = listing_inferred(canonical)
        if inferred is None and (exchange is None or currency is None):
            raise RegistrationError(
                f"cannot tell where {canonical} is listed from its shape; say --exchange "
                "(XNYS, XNAS, XKRX, 24/7, 24/5) and --currency (USD, KRW, ...)"
            )
        guessed_exchange, guessed_currency, why = inferred or ("", "", "")
        if exchange is None:
            assumed.append(f"exchange {guessed_exchange} ({why}; say --exchange otherwise)")
        if currency is None:
            assumed.append(f"currency {guessed_currency} ({why}; say --currency otherwise)")
        if category is None:
            assumed.append("category stock (say --category etf, index, ... otherwise)")
        if name is None:
            assumed.append(f"name {canonical} (say --name otherwise)")
        stored = AssetInfo(canonical, canonical, Category.STOCK, guessed_exchange, guessed_currency)
    return (
        AssetInfo(
            canonical,
            name.strip() if name and name.strip() else stored.name,
            Category(category.strip().lower()) if category else stored.category,
            exchange.strip().upper() if exchange else stored.exchange,
            currency.strip().upper() if currency else stored.currency,
            listing_date=stored.listing_date,
            name_local=stored.name_local,
        ),
        assumed,
    )


def asset_add_by_user(
    *,
    symbol: str,
    source: str = "csv",
    name: str | None = None,
    category: str | None = None,
    exchange: str | None = None,
    currency: str | None = None,
) -> Registered:
    """Register ``symbol`` from what the user says (no provider needed: offline, a file in
    hand); a known asset keeps everything the user did not say, its preferred source too."""
    canonical = normalize_symbol(symbol)
    existing = Asset.objects.filter(symbol=canonical).first()
    info, assumed = asset_describe_by_user(
        symbol=canonical,
        name=name,
        category=category,
        exchange=exchange,
        currency=currency,
        existing=existing,
    )
    asset = asset_register(info=info, market=market_of(info), source=source)
    return Registered(asset, created=existing is None, assumed=assumed)


def asset_ref(asset: Asset, provider_name: str) -> AssetRef:
    return AssetRef(
        symbol=asset.symbol,
        exchange=asset.exchange,
        category=Category(asset.category),
        currency=asset.currency,
        provider_symbol=str(asset.provider_symbols.get(provider_name) or ""),
    )
