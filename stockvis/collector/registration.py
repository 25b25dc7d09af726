"""The asset master: register assets from what a provider says about them."""

from __future__ import annotations

from stockvis.core.symbols import normalize_symbol
from stockvis.market.models import Asset, Market
from stockvis.providers.base import AssetInfo, AssetRef, Category, MarketDataProvider


def market_of(info: AssetInfo) -> str:
    if info.exchange == "XKRX":
        return Market.KR
    if info.exchange in {"XNYS", "XNAS"}:
        return Market.US
    return Market.GLOBAL


def asset_register(
    *, info: AssetInfo, market: str, source: str, provider_symbols: dict[str, str] | None = None
) -> Asset:
    """Create or refresh an asset from what a provider says about it; provider symbols merge."""
    symbol = normalize_symbol(info.symbol)
    existing = Asset.objects.filter(symbol=symbol).first()
    symbols = {**(existing.provider_symbols if existing else {}), **(provider_symbols or {})}
    asset, _ = Asset.objects.update_or_create(
        symbol=symbol,
        defaults={
            "name": info.name,
            "name_local": info.name_local,
            "category": info.category.value,
            "market": market,
            "exchange": info.exchange,
            "currency": info.currency,
            "preferred_source": source,
            "listing_date": info.listing_date,
            "provider_symbols": symbols,
        },
    )
    return asset


def asset_add(*, symbol: str, provider: MarketDataProvider) -> Asset:
    """Register ``symbol`` from what ``provider`` says it is (category, exchange, currency)."""
    canonical = normalize_symbol(symbol)
    info = provider.describe_asset(canonical)
    remote = info.provider_symbol
    return asset_register(
        info=info,
        market=market_of(info),
        source=provider.name,
        provider_symbols={provider.name: remote} if remote and remote != info.symbol else {},
    )


def asset_ref(asset: Asset, provider_name: str) -> AssetRef:
    return AssetRef(
        symbol=asset.symbol,
        exchange=asset.exchange,
        category=Category(asset.category),
        currency=asset.currency,
        provider_symbol=str(asset.provider_symbols.get(provider_name) or ""),
    )
