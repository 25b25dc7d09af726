"""Market app: wires the cache invalidation to ingests."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class MarketConfig(AppConfig):
    name = "stockvis.market"
    label = "market"

    def ready(self) -> None:
        from stockvis.market.cache import bump_symbol_version
        from stockvis.market.signals import prices_changed

        def invalidate_cached_responses(sender: Any, symbols: list[str], **kwargs: Any) -> None:
            for symbol in symbols:
                bump_symbol_version(symbol)

        prices_changed.connect(
            invalidate_cached_responses, weak=False, dispatch_uid="market-cache-bump"
        )
