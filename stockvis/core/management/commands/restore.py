"""`stockvis restore FILE`: put a backup made by `stockvis backup` back in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from stockvis.core.backup import sqlite_restore
from stockvis.core.management.commands.backup import PG_RECIPE


class Command(BaseCommand):
    help = (
        "Replace the SQLite database's contents with a backup made by `stockvis backup`. "
        "Everything stored since that backup is lost: asks first unless --yes. Stop the "
        "worker and beat first, so no job writes in between."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="A backup written by `stockvis backup`.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "sqlite":
            raise CommandError(PG_RECIPE)
        backup: Path = options["file"]
        if not backup.is_file():
            raise CommandError(f"{backup} does not exist")
        database = Path(str(connection.settings_dict["NAME"]))
        if not options["yes"]:
            answer = input(f"Replace everything in {database} with {backup}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("not restored")
        connection.close()
        try:
            sqlite_restore(backup, database)
        except (RuntimeError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Restored {database.name} from {backup}.")
