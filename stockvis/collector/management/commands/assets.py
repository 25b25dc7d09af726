"""`stockvis assets`: register assets from what a provider says about them, and list them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stockvis.collector.management.commands._output import table
from stockvis.collector.registration import asset_add
from stockvis.core.symbols import InvalidSymbol
from stockvis.market.models import Asset, Market
from stockvis.providers.base import ProviderError
from stockvis.providers.registry import PROVIDER_NAMES, provider_build


class Command(BaseCommand):
    help = (
        "Manage the asset master. `assets add SYMBOL [--provider NAME]` registers an asset with "
        "the category, exchange, currency and provider symbol the provider reports; `assets "
        "list [--market KR|US|GLOBAL]` shows the registered assets."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Register SYMBOL from a provider.")
        add.add_argument("symbol", help="e.g. AAPL, 005930, BTC/KRW, GC=F")
        add.add_argument(
            "--provider",
            choices=PROVIDER_NAMES,
            help="Provider that describes the asset (default: DEFAULT_PROVIDER).",
        )
        listing = sub.add_parser("list", help="Show registered assets.")
        listing.add_argument("--market", choices=[m.value for m in Market])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "add":
            self._add(options["symbol"], options["provider"])
        else:
            self._list(options.get("market"))

    def _add(self, symbol: str, provider_name: str | None) -> None:
        try:
            asset = asset_add(symbol=symbol, provider=provider_build(provider_name))
        except (ProviderError, InvalidSymbol) as exc:
            raise CommandError(f"cannot register {symbol}: {exc}") from None
        self.stdout.write(
            f"Registered {asset.symbol}: {asset.name} ({asset.category}, {asset.exchange}, "
            f"{asset.currency}, market {asset.market}, source {asset.preferred_source})"
        )

    def _list(self, market: str | None) -> None:
        rows = Asset.objects.all().order_by("market", "symbol")
        if market:
            rows = rows.filter(market=market)
        self.stdout.write(
            table(
                [
                    "symbol",
                    "name",
                    "category",
                    "market",
                    "exchange",
                    "currency",
                    "source",
                    "active",
                ],
                [
                    [
                        a.symbol,
                        a.name[:40],
                        a.category,
                        a.market,
                        a.exchange,
                        a.currency,
                        a.preferred_source,
                        "yes" if a.is_active else "no",
                    ]
                    for a in rows
                ],
            )
        )
