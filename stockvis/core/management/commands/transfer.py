"""`stockvis transfer --to URL`: move everything to another database (SQLite to PostgreSQL)."""

from __future__ import annotations

from typing import Any

import dj_database_url
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from tqdm import tqdm

from stockvis.core.transfer import TargetNotEmpty, database_transfer

TARGET = "transfer_target"


class Command(BaseCommand):
    help = (
        "Copy every row of this deployment's database (users, portfolios, ledgers, alerts, bars, "
        "statements, job runs, models...) into the database at --to, typically PostgreSQL: "
        "migrates it, copies table by table keeping every id, checks each table's row count. "
        "Refuses a target that already holds data unless --replace. Stop the worker and beat "
        "first, so nothing is written meanwhile; then point DATABASE_URL at the target."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--to", required=True, help="Target database URL, e.g. postgres://u:p@host/stockvis"
        )
        parser.add_argument(
            "--replace", action="store_true", help="Delete what the target holds first."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            target = dj_database_url.parse(options["to"])
        except Exception as exc:
            raise CommandError(f"--to is not a database URL: {exc}") from None
        if not target.get("ENGINE"):
            raise CommandError("--to is not a database URL this server can use")
        source = connections["default"].settings_dict
        if target.get("NAME") == source.get("NAME") and target["ENGINE"] == source["ENGINE"]:
            raise CommandError("--to names this deployment's own database")
        # An alias added after start-up gets none of the defaults Django fills in for DATABASES.
        connections.databases[TARGET] = {
            "ATOMIC_REQUESTS": False,
            "AUTOCOMMIT": True,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "OPTIONS": {},
            "TIME_ZONE": None,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {"CHARSET": None, "COLLATION": None, "MIGRATE": True, "MIRROR": None},
            **target,
        }
        try:
            call_command("migrate", database=TARGET, interactive=False, verbosity=0)
            bars: dict[str, tqdm] = {}

            def progress(table: str, rows: int) -> None:
                if table not in bars:
                    for bar in bars.values():
                        bar.close()
                    bars[table] = tqdm(desc=table, unit="row", disable=None, leave=False)
                bars[table].update(rows)

            try:
                counts = database_transfer(
                    source="default", target=TARGET, replace=options["replace"], progress=progress
                )
            except TargetNotEmpty as exc:
                raise CommandError(str(exc)) from None
            finally:
                for bar in bars.values():
                    bar.close()
        finally:
            connections[TARGET].close()
        wrong = [c for c in counts if not c.ok]
        for count in counts:
            if count.source or not count.ok:
                mark = "ok" if count.ok else "MISMATCH"
                self.stdout.write(f"{count.table:<40} {count.source:>10} {count.target:>10} {mark}")
        if wrong:
            raise CommandError(f"{len(wrong)} tables differ after the copy")
        total = sum(c.source for c in counts)
        self.stdout.write(f"Transferred {total} rows in {len(counts)} tables; every count agrees.")
