"""`stockvis backfill`: fill years of daily history, only what is missing, and report coverage."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from stockvis.collector.backfill import backfill
from stockvis.collector.management.commands._output import (
    job_summary,
    parse_symbols,
    progress_bar,
    table,
)
from stockvis.providers.registry import PROVIDER_NAMES


class Command(BaseCommand):
    help = (
        "Backfill --years of daily bars (and the weekly bars over them) for every active asset "
        "or --assets. Only sessions missing from the database are fetched, in chunks of "
        "BACKFILL_CHUNK_DAYS that each commit on their own, so a rerun resumes where one stopped; "
        "every call goes through the shared rate limiter. Ends with a coverage report per asset. "
        "Exit status: 0 all succeeded, 1 partial failure, 2 total failure."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--years", type=int, default=3, help="History length (default 3).")
        parser.add_argument("--assets", help="Comma-separated symbols (default: all active).")
        parser.add_argument("--provider", choices=PROVIDER_NAMES)
        parser.add_argument(
            "--chunk-days",
            type=int,
            default=settings.BACKFILL_CHUNK_DAYS,
            help="Calendar days per request (default %(default)s).",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        with progress_bar(enabled=not options["no_progress"]) as progress:
            result = backfill(
                years=options["years"],
                today=timezone.localdate(),
                symbols=parse_symbols(options["assets"]),
                provider_name=options["provider"],
                chunk_days=options["chunk_days"],
                progress=progress,
            )
        self.stdout.write(job_summary(result.report))
        self.stdout.write("")
        self.stdout.write(
            table(
                ["symbol", "source", "rows", "first", "last", "expected", "missing"],
                [
                    [
                        c.symbol,
                        c.source,
                        c.rows,
                        c.first,
                        c.last,
                        c.expected_sessions,
                        c.missing_sessions,
                    ]
                    for c in result.coverage
                ],
            )
        )
        if result.report.exit_code:
            raise SystemExit(result.report.exit_code)
