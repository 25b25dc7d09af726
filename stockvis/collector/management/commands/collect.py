"""`stockvis collect`: collect prices, profiles and statements from providers into the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from stockvis.collector.collect import collect
from stockvis.collector.management.commands._output import (
    job_summary,
    parse_kinds,
    parse_symbols,
    progress_bar,
)
from stockvis.market.models import Market
from stockvis.providers.registry import PROVIDER_NAMES


class Command(BaseCommand):
    help = (
        "Collect daily and weekly prices and, for stocks, company overviews and financial "
        "statements, from START to END. Each asset comes from --provider, or from its own "
        "preferred source when none is named; symbols not yet registered are registered first. "
        "Each asset is stored whole or not at all. Exit status: 0 all succeeded, 1 partial "
        "failure, 2 total failure."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--start",
            type=dt.date.fromisoformat,
            help="First date, YYYY-MM-DD (default: END minus COLLECT_WINDOW_DAYS - 1).",
        )
        parser.add_argument(
            "--end", type=dt.date.fromisoformat, help="Last date, YYYY-MM-DD (default: today)."
        )
        parser.add_argument(
            "--assets", help="Comma-separated symbols, e.g. AAPL,005930 (default: all active)."
        )
        parser.add_argument(
            "--market",
            choices=[m.value for m in Market],
            help="Only the active assets of this market (KR, US or GLOBAL).",
        )
        parser.add_argument(
            "--provider", choices=PROVIDER_NAMES, help="Collect every asset from this provider."
        )
        parser.add_argument(
            "--data",
            default="daily,weekly,overview,statements",
            help="Comma-separated kinds: daily, weekly, overview, statements (default: all that "
            "the provider offers for each asset).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        end = options["end"] or timezone.localdate()
        start = options["start"] or end - dt.timedelta(days=settings.COLLECT_WINDOW_DAYS - 1)
        if start > end:
            raise CommandError(f"--start {start} is after --end {end}")
        try:
            kinds = parse_kinds(options["data"])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        with progress_bar(enabled=not options["no_progress"]) as progress:
            report = collect(
                start=start,
                end=end,
                symbols=parse_symbols(options["assets"]),
                provider_name=options["provider"],
                market=options["market"],
                kinds=kinds,
                progress=progress,
            )
        self.stdout.write(job_summary(report))
        if report.exit_code:
            raise SystemExit(report.exit_code)
