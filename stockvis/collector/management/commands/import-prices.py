"""`stockvis import-prices`: store the daily bars of a CSV file for one registered asset."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stockvis.collector.imports import prices_import
from stockvis.collector.management.commands._output import job_summary
from stockvis.providers.csvfile import CsvImportError, parse_price_csv


class Command(BaseCommand):
    help = (
        "Import daily OHLCV bars from FILE for the registered asset --symbol. Reads the common "
        "layouts (Yahoo, FinanceDataReader, Korean headers 날짜/시가/고가/저가/종가/거래량, "
        "Alpha Vantage CSV; newest-first, BOM, CRLF, thousands separators). Rows are validated "
        "like any ingest and stored with source --source (default csv). A file it cannot read "
        "stops with an error naming the line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--symbol", required=True, help="Registered symbol, e.g. 005930.")
        parser.add_argument("--source", default="csv", help="Source name stored with each bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        source = options["source"].strip().lower()
        if not source or len(source) > 32:
            raise CommandError("--source must be 1 to 32 characters")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
        try:
            parsed = parse_price_csv(data)
        except CsvImportError as exc:
            raise CommandError(f"{path.name}: {exc}") from None
        report = prices_import(
            frame=parsed.frame,
            symbol=options["symbol"],
            source=source,
            warnings=parsed.warnings,
            actions=parsed.actions,
        )
        self.stdout.write(f"{path.name}: {parsed.rows} rows read ({parsed.layout} layout)")
        self.stdout.write(job_summary(report))
        if report.exit_code:
            raise SystemExit(report.exit_code)
