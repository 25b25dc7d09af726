"""`stockvis healthcheck`: is every asset's data as fresh as its exchange calendar says?"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from stockvis.collector.health import healthcheck_run
from stockvis.collector.management.commands._output import parse_symbols, table


class Command(BaseCommand):
    help = (
        "Compare each active asset's newest daily bar with the previous session of its "
        "exchange calendar (the previous day for crypto) and print OK or STALE per asset. "
        "Posts an alert to ALERT_WEBHOOK_URL when anything is stale. Exit status 1 when "
        "anything is stale, else 0."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--assets", help="Comma-separated symbols (default: all active).")
        parser.add_argument("--no-alert", action="store_true", help="Do not post an alert.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = healthcheck_run(
            symbols=parse_symbols(options["assets"]), alert=not options["no_alert"]
        )
        self.stdout.write(
            table(
                ["symbol", "exchange", "latest", "expected", "status", "detail"],
                [
                    [r.symbol, r.exchange, r.latest, r.expected, r.status, r.detail]
                    for r in report.rows
                ],
            )
        )
        stale = report.stale
        self.stdout.write(
            f"{len(report.rows) - len(stale)} OK, {len(stale)} STALE (job #{report.job.pk})"
        )
        if report.exit_code:
            raise SystemExit(report.exit_code)
