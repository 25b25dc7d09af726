"""`stockvis import-prices`: store the daily bars of a CSV file for one asset."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from stockvis.collector.imports import prices_import
from stockvis.collector.management.commands._output import (
    describe_arguments,
    described_by_user,
    job_summary,
)
from stockvis.providers.csvfile import CsvImportError, parse_price_csv


class Command(BaseCommand):
    help = (
        "Import daily OHLCV bars from FILE for --symbol. Reads the common layouts (Yahoo, "
        "FinanceDataReader, Korean headers 날짜/시가/고가/저가/종가/거래량, Alpha Vantage CSV; "
        "newest-first, BOM, CRLF, thousands separators), streamed in chunks; a file over "
        "IMPORT_MAX_BYTES is refused. Rows are validated like any ingest and stored with source "
        "--source (default csv). A symbol not yet registered is registered from --name, "
        "--category, --exchange and --currency, the rest inferred and printed. A file it cannot "
        "read stops with an error naming the line; a file whose every row is rejected fails."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--symbol", required=True, help="e.g. 005930 or VOO.")
        parser.add_argument("--source", default="csv", help="Source name stored with each bar.")
        describe_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        source = options["source"].strip().lower()
        if not source or len(source) > 32:
            raise CommandError("--source must be 1 to 32 characters")
        limit = settings.IMPORT_MAX_BYTES
        try:
            with path.open("rb") as stream:
                size = os.fstat(stream.fileno()).st_size
                if limit and size > limit:
                    raise CommandError(
                        f"{path.name} is {size / 1e6:.1f} MB, over IMPORT_MAX_BYTES "
                        f"({limit / 1e6:.1f} MB): split the file or raise the setting"
                    )
                parsed = parse_price_csv(stream)
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
        except CsvImportError as exc:
            raise CommandError(f"{path.name}: {exc}") from None
        report = prices_import(
            frame=parsed.frame,
            symbol=options["symbol"],
            source=source,
            warnings=parsed.warnings,
            describe=described_by_user(options),
            actions=parsed.actions,
        )
        self.stdout.write(f"{path.name}: {parsed.rows} rows read ({parsed.layout} layout)")
        if parsed.actions:
            splits = sum(1 for a in parsed.actions if a.kind == "split")
            self.stdout.write(
                f"  corporate actions: {splits} splits, {len(parsed.actions) - splits} dividends"
            )
        self.stdout.write(job_summary(report))
        if report.exit_code:
            raise SystemExit(report.exit_code)
