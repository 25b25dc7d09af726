"""`stockvis seed_demo`: load the synthetic demo universe, or top it up to today."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from stockvis.collector.demo import demo_load


class Command(BaseCommand):
    help = (
        "Load about 20 demo assets (US and Korean stocks, ETFs, indices, crypto, gold, USD/KRW) "
        "from the offline synthetic provider: daily and weekly bars for the last --years years up "
        "to today, company profiles and statements. Only what is missing is loaded; run it again "
        "to top the data up to today. All of it is marked synthetic (not real prices)."
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

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        report = demo_load(today=today, years=options["years"])
        self.stdout.write(
            f"Synthetic demo data: {report.assets} assets; daily bars +{report.daily.inserted} "
            f"(updated {report.daily.updated}); weekly bars +{report.weekly.inserted}; "
            f"statements +{report.statements.inserted}."
        )
