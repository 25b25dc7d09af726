"""Backups of the SQLite database: consistent while others write, restorable, and the commands
do what the README says."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from stockvis.core.backup import sqlite_backup, sqlite_restore
from tests.shared_data import REPO_ROOT


def make_database(path: Path, rows: int) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE bars (id INTEGER PRIMARY KEY, close REAL)")
    db.executemany("INSERT INTO bars (close) VALUES (?)", [(float(i),) for i in range(rows)])
    db.commit()
    db.close()


def count(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("SELECT count(*) FROM bars").fetchone()[0])
    finally:
        db.close()


def test_a_backup_taken_while_a_writer_commits_is_a_consistent_snapshot(tmp_path: Path) -> None:
    database, backup = tmp_path / "live.sqlite3", tmp_path / "copy.sqlite3"
    make_database(database, 20_000)
    stop = threading.Event()

    def write() -> None:
        db = sqlite3.connect(database, timeout=30)
        while not stop.is_set():
            db.execute("INSERT INTO bars (close) VALUES (1.0)")
            db.commit()
        db.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        size = sqlite_backup(database, backup)
    finally:
        stop.set()
        writer.join()
    assert size > 0
    copied = count(backup)
    assert 20_000 <= copied <= count(database)  # everything committed before it, nothing torn
    assert not (tmp_path / "copy.sqlite3.partial").exists()


def test_a_restore_brings_back_what_was_deleted(tmp_path: Path) -> None:
    database, backup = tmp_path / "live.sqlite3", tmp_path / "copy.sqlite3"
    make_database(database, 100)
    sqlite_backup(database, backup)
    db = sqlite3.connect(database)
    db.execute("DELETE FROM bars")
    db.commit()
    db.close()
    sqlite_restore(backup, database)
    assert count(database) == 100


def test_the_backup_cannot_overwrite_the_database_and_a_broken_file_is_not_restored(
    tmp_path: Path,
) -> None:
    database = tmp_path / "live.sqlite3"
    make_database(database, 10)
    with pytest.raises(ValueError, match="cannot be the database itself"):
        sqlite_backup(database, database)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite_restore(junk, database)
    assert count(database) == 10


def stockvis(var: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "CI"}} | {
        "VAR_DIR": str(var),
        "DJANGO_SUPERUSER_PASSWORD": "a-long-test-password",
    }
    return subprocess.run(
        [sys.executable, "-m", "stockvis.cli", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_backup_and_restore_commands_round_trip_a_user(tmp_path: Path) -> None:
    var = tmp_path / "var"
    assert stockvis(var, "migrate", "-v", "0").returncode == 0
    made = stockvis(
        var, "createsuperuser", "--noinput", "--username", "jiwoo", "--email", "j@x.org"
    )
    assert made.returncode == 0, made.stderr
    backed = stockvis(var, "backup", str(tmp_path / "keep.sqlite3"))
    assert backed.returncode == 0, backed.stderr
    assert "Backed up stockvis.sqlite3" in backed.stdout
    users = "from stockvis.accounts.models import User; "
    gone = stockvis(var, "shell", "-v", "0", "-c", users + "User.objects.all().delete()")
    assert gone.returncode == 0, gone.stderr
    restored = stockvis(var, "restore", "--yes", str(tmp_path / "keep.sqlite3"))
    assert restored.returncode == 0, restored.stderr
    assert "Restored stockvis.sqlite3" in restored.stdout
    counted = stockvis(var, "shell", "-v", "0", "-c", users + "print(User.objects.count())")
    assert counted.stdout.strip() == "1", counted.stderr
