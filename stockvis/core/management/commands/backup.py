"""`stockvis backup FILE`: a consistent copy of the SQLite database, safe while Stock-Vis runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from tqdm import tqdm

from stockvis.core.backup import sqlite_backup

PG_RECIPE = (
    "PostgreSQL is backed up with its own tools, e.g. "
    '`pg_dump --format=custom --file=stockvis.dump "$DATABASE_URL"` and restored with '
    '`pg_restore --clean --dbname "$DATABASE_URL" stockvis.dump` (see the README).'
)


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the SQLite database to FILE while web, worker and beat keep "
        "running (SQLite's online backup API). Restore with `stockvis restore FILE`. "
        "For PostgreSQL it prints the pg_dump recipe instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Where to write the backup (.sqlite3).")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "sqlite":
            raise CommandError(PG_RECIPE)
        database = Path(str(connection.settings_dict["NAME"]))
        with tqdm(total=0, unit="page", desc="backup", disable=None) as bar:

            def progress(remaining: int, total: int) -> None:
                bar.total = total
                bar.n = total - remaining
                bar.refresh()

            try:
                size = sqlite_backup(database, options["file"], progress=progress)
            except (ValueError, RuntimeError, OSError) as exc:
                raise CommandError(str(exc)) from None
        self.stdout.write(f"Backed up {database.name} to {options['file']} ({size / 1e6:.1f} MB).")
