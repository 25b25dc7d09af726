"""`stockvis assets`: register assets from what a provider says about them, and list them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stockvis.collector.management.commands._output import (
    describe_arguments,
    described_by_user,
    table,
)
from stockvis.collector.registration import (
    Registered,
    RegistrationError,
    asset_add,
    asset_add_by_user,
)
from stockvis.core.symbols import InvalidSymbol
from stockvis.market.models import Asset, Market
from stockvis.providers.base import ProviderError
from stockvis.providers.registry import PROVIDER_NAMES, provider_build


class Command(BaseCommand):
    help = (
        "Manage the asset master. `assets add SYMBOL [--provider NAME]` registers an asset with "
        "the category, exchange, currency and provider symbol the provider reports (`--provider "
        "csv` takes them from --name, --category, --exchange, --currency instead, inferring the "
        "rest); registering again merges and never replaces what is known with less. `assets "
        "list [--market KR|US|GLOBAL]` shows the registered assets."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Register SYMBOL from a provider.")
        add.add_argument("symbol", help="e.g. AAPL, 005930, BTC/KRW, GC=F")
        add.add_argument(
            "--provider",
            choices=PROVIDER_NAMES,
            help="Provider that describes the asset (default: DEFAULT_PROVIDER); csv: you do.",
        )
        add.add_argument(
            "--prefer",
            action="store_true",
            help="Make this provider the asset's preferred source even if it already has one.",
        )
        describe_arguments(add)
        listing = sub.add_parser("list", help="Show registered assets.")
        listing.add_argument("--market", choices=[m.value for m in Market])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "add":
            self._add(options)
        else:
            self._list(options.get("market"))

    def _add(self, options: dict[str, Any]) -> None:
        symbol = options["symbol"]
        provider_name = options["provider"]
        said = described_by_user(options)
        if said and provider_name != "csv":
            raise CommandError(
                "--name, --category, --exchange and --currency describe an asset by hand: use "
                "them with --provider csv"
            )
        try:
            if provider_name == "csv":
                registered = asset_add_by_user(symbol=symbol, source="csv", **said)
            else:
                registered = asset_add(
                    symbol=symbol, provider=provider_build(provider_name), prefer=options["prefer"]
                )
        except ProviderError as exc:
            message = f"cannot register {symbol}: {exc}"
            if exc.unreachable:
                message += (
                    "\nnext: check the network connection and run this again, or register it by "
                    f"hand: stockvis assets add {symbol} --provider csv --name NAME "
                    "[--category C --exchange X --currency CUR]"
                )
            raise CommandError(message) from None
        except (InvalidSymbol, RegistrationError) as exc:
            raise CommandError(f"cannot register {symbol}: {exc}") from None
        self.stdout.write(registered_line(registered))

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


def registered_line(registered: Registered) -> str:
    asset = registered.asset
    lines = [
        f"{'Registered' if registered.created else 'Updated'} {asset.symbol}: {asset.name}"
        f"{f' / {asset.name_local}' if asset.name_local and asset.name_local != asset.name else ''}"
        f" ({asset.category}, {asset.exchange}, {asset.currency}, market {asset.market}, "
        f"source {asset.preferred_source})"
    ]
    lines += [f"  assumed {phrase}" for phrase in registered.assumed]
    lines += [f"  note: {note}" for note in registered.notes]
    return "\n".join(lines)
