"""`stockvis seed_demo`: load the synthetic demo universe, top it up to today, or remove it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from stockvis.collector.demo import demo_load
from stockvis.collector.demo_removal import demo_remove, demo_was_removed


class Command(BaseCommand):
    help = (
        "Load about 20 demo assets (US and Korean stocks, ETFs, indices, crypto, gold, USD/KRW) "
        "from the offline synthetic provider: daily and weekly bars for the last --years years up "
        "to today, company profiles and statements. Only what is missing is loaded; run it again "
        "to top the data up to today. All of it is marked synthetic (not real prices), and an "
        "asset that has real bars gets none. --remove takes the demo data out again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--years",
            type=int,
            default=settings.DEMO_YEARS,
            help="History length (default %(default)s).",
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="Load up to this date (YYYY-MM-DD); default today.",
        )
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Delete the synthetic bars, profiles and statements, and the demo assets that "
            "nothing else uses (not those with real data or in a portfolio, watchlist or alert).",
        )
        parser.add_argument(
            "--unless-removed",
            action="store_true",
            help="Do nothing when the demo data was removed (what `stockvis serve` runs).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["remove"]:
            self._remove()
            return
        if options["unless_removed"] and demo_was_removed():
            self.stdout.write("Synthetic demo data was removed; not loading it (run seed_demo).")
            return
        today = options["today"] or timezone.localdate()
        report = demo_load(today=today, years=options["years"])
        self.stdout.write(
            f"Synthetic demo data: {report.assets} assets; daily bars +{report.daily.inserted} "
            f"(updated {report.daily.updated}); weekly bars +{report.weekly.inserted}; "
            f"statements +{report.statements.inserted}."
        )
        if report.skipped:
            self.stdout.write(f"Left alone (they have real bars): {', '.join(report.skipped)}.")

    def _remove(self) -> None:
        report = demo_remove(now=timezone.now())
        self.stdout.write(
            f"Removed synthetic demo data: {report.daily} daily and {report.weekly} weekly bars, "
            f"{report.profiles} profiles, {report.statements} statements, "
            f"{report.flags} quality flags."
        )
        self.stdout.write(f"Assets removed: {', '.join(report.assets_removed) or 'none'}.")
        for symbol, reason in report.assets_kept.items():
            self.stdout.write(f"Kept {symbol}: {reason}.")
        self.stdout.write("`stockvis serve` will not load it again; `stockvis seed_demo` does.")
