"""Backups of the embedded SQLite database through SQLite's online backup API.

The backup API copies a consistent snapshot page by page while other connections keep reading
and writing (web, worker and beat need not stop); a plain file copy of a WAL database can miss the
pages still in the write-ahead log. PostgreSQL has its own tools (`pg_dump`, see the README).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

#: Pages copied per step: small steps let writers in between them.
PAGES_PER_STEP = 1024

Progress = Callable[[int, int], None]  # (pages remaining, pages in all)


def _regexp(pattern: str, value: object) -> bool:
    return value is not None and re.search(pattern, str(value)) is not None


def _connect(target: str | Path, *, uri: bool = False) -> sqlite3.Connection:
    """A connection that can evaluate our CHECK constraints (the symbol rule uses REGEXP, a
    function Django adds to its own connections), so the integrity check can read them."""
    db = sqlite3.connect(target, uri=uri)
    db.create_function("REGEXP", 2, _regexp, deterministic=True)
    return db


def _copy(
    source: sqlite3.Connection, target: sqlite3.Connection, progress: Progress | None
) -> None:
    def report(status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(remaining, total)

    source.backup(target, pages=PAGES_PER_STEP, progress=report)


def sqlite_backup(database: Path, destination: Path, *, progress: Progress | None = None) -> int:
    """Copy ``database`` into ``destination`` (written to a temporary file, renamed into place);
    returns the size in bytes. Refuses to overwrite the database itself."""
    if destination.resolve() == database.resolve():
        raise ValueError("the backup file cannot be the database itself")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    source = _connect(f"file:{database}?mode=ro", uri=True)
    try:
        target = _connect(partial)
        try:
            _copy(source, target, progress)
            if target.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise RuntimeError("the copy failed SQLite's integrity check")
        finally:
            target.close()
    finally:
        source.close()
    partial.replace(destination)
    return destination.stat().st_size


def sqlite_restore(backup: Path, database: Path, *, progress: Progress | None = None) -> None:
    """Replace the contents of ``database`` with ``backup`` through the same API, so that open
    connections see the restored data instead of a file swapped under them."""
    source = _connect(f"file:{backup}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise RuntimeError(f"{backup} is not a sound SQLite database")
        target = _connect(database)
        try:
            _copy(source, target, progress)
        finally:
            target.close()
    finally:
        source.close()
