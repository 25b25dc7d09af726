"""Benchmark of the idempotent price upsert against a bare COPY and per-row update_or_create."""

# Run with `uv run python -m bench.ingest [--rows N]`; exits 1 when a target is missed.
# Targets (DESIGN.md, "Numbers to hit"; issue 14), all measured in the same run:
#   PostgreSQL: ingesting N rows not stored yet and re-ingesting them unchanged, each at least
#   0.5x the rate of a bare COPY of the same rows into an empty table (no indexes); re-ingesting at
#   least 100x the rate of per-row `update_or_create` (timed on a sample, extrapolated). SQLite: at
#   least 100,000 rows/s fresh, and a re-ingest of unchanged rows at least as fast as a fresh one.
#   Each case runs once per round (--rounds, default 3) and its best round counts.
# PostgreSQL comes from DATABASE_URL, else postgres://postgres@127.0.0.1:5432/stockvis_bench
# (created when missing). Not part of `make test`: it writes a million rows.

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import numpy as np

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/stockvis_bench"
MIN_COPY_RATIO = 0.5
MIN_UPDATE_OR_CREATE_RATIO = 100.0
MIN_SQLITE_ROWS_PER_SECOND = 100_000
SOURCE = "bench"


def ensure_database(url: str) -> None:
    """Create the benchmark database when the server has none by that name."""
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = urlunparse(parsed._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str, sqlite_path: Path) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django
    from django.conf import settings

    django.setup()
    settings.DATABASES["sqlite"] = {
        **settings.DATABASES["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(sqlite_path),
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
        "CONN_MAX_AGE": None,
    }
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("migrate", database="sqlite", verbosity=0)


def make_bars(rows: int, assets: list[int], seed: int = 7) -> Any:
    from stockvis.collector.upsert import BarColumns

    per_asset = -(-rows // len(assets))
    start = np.datetime64("1990-01-01")
    dates = np.tile(start + np.arange(per_asset), len(assets))[:rows]
    ids = np.repeat(np.asarray(assets, dtype=np.int64), per_asset)[:rows]
    rng = np.random.default_rng(seed)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.01, rows)))
    spread = np.abs(rng.normal(0, 0.005, rows))
    return BarColumns(
        asset_ids=ids,
        dates=dates.astype("datetime64[D]"),
        values={
            "open": np.round(close * (1 - spread / 2), 4),
            "high": np.round(close * (1 + spread), 4),
            "low": np.round(close * (1 - spread), 4),
            "close": np.round(close, 4),
            "volume": np.round(rng.lognormal(13, 0.5, rows)),
        },
    )


def make_assets(count: int, using: str) -> list[int]:
    from stockvis.market.models import Asset

    Asset.objects.using(using).filter(symbol__startswith="BENCH").delete()
    Asset.objects.using(using).bulk_create(
        [
            Asset(
                symbol=f"BENCH{i:04d}",
                name=f"Bench {i}",
                category="stock",
                exchange="XNYS",
                currency="USD",
                preferred_source=SOURCE,
            )
            for i in range(count)
        ]
    )
    return list(
        Asset.objects.using(using)
        .filter(symbol__startswith="BENCH")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def bare_copy(bars: Any, now: dt.datetime) -> float:
    """COPY the same rows, every column, into an empty table without indexes; seconds taken."""
    from django.db import connection, transaction

    from stockvis.collector.upsert import PRICE_FIELDS, copy_binary

    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor
        raw.execute("DROP TABLE IF EXISTS bench_bare_copy")
        raw.execute(
            "CREATE TABLE bench_bare_copy (asset_id bigint, date date, source varchar(32), "
            "open double precision, high double precision, low double precision, "
            "close double precision, volume double precision, ingested_at timestamptz)"
        )
    # The same binary encoder as the upsert, over every column of the rows.
    micros = int((now - dt.datetime(2000, 1, 1, tzinfo=dt.UTC)).total_seconds() * 1_000_000)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        payload = copy_binary(
            [
                ("bigint", bars.asset_ids),
                ("date", bars.dates),
                ("bytes", np.array([SOURCE.encode()])),
                *(("float8", bars.values[f]) for f in PRICE_FIELDS),
                ("timestamptz", np.full(len(bars), micros, dtype=np.int64)),
            ]
        )
        with cursor.cursor.copy(
            "COPY bench_bare_copy (asset_id, date, source, open, high, low, close, volume, "
            "ingested_at) FROM STDIN (FORMAT BINARY)"
        ) as copy:
            copy.write(payload)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_bare_copy")
    return seconds


def update_or_create_sample(bars: Any, sample: int) -> float:
    """Per-row update_or_create of ``sample`` existing rows (unchanged values); seconds taken."""
    from django.db import transaction

    from stockvis.market.models import DailyPrice

    started = time.perf_counter()
    with transaction.atomic():
        for i in range(sample):
            DailyPrice.objects.update_or_create(
                asset_id=int(bars.asset_ids[i]),
                date=bars.dates[i].item(),
                source=SOURCE,
                defaults={name: float(bars.values[name][i]) for name in bars.values},
            )
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--assets", type=int, default=250)
    parser.add_argument("--sample", type=int, default=2_000, help="update_or_create rows timed")
    parser.add_argument("--sqlite-rows", type=int, default=None, help="default: --rows")
    parser.add_argument("--rounds", type=int, default=3, help="each case's best round counts")
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith("postgres"):
        print(f"bench.ingest needs PostgreSQL; DATABASE_URL is {url.split(':', 1)[0]}://...")
        return 2
    try:
        ensure_database(url)
    except Exception as exc:
        print(f"bench.ingest: cannot reach PostgreSQL at {urlparse(url).netloc}: {exc}")
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="stockvis-bench-"))
    setup_django(url, workdir / "bench.sqlite3")

    from django.db import connection, connections
    from django.utils import timezone

    from stockvis.collector.upsert import bars_upsert
    from stockvis.market.models import DailyPrice

    rows = args.rows
    now = timezone.now()
    assets = make_assets(args.assets, "default")
    bars = make_bars(rows, assets)
    # Every case runs once a round and keeps its best round: on a shared machine a busy spell
    # slows one call down, never speeds one up.
    copy_s = fresh_s = again_s = float("inf")
    for _ in range(args.rounds):
        DailyPrice.objects.filter(source=SOURCE).delete()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE market_dailyprice")
        copy_s = min(copy_s, bare_copy(bars, now))
        seconds, fresh = timed(
            lambda: bars_upsert(model=DailyPrice, bars=bars, source=SOURCE, now=now)
        )
        assert fresh.inserted == rows, fresh
        fresh_s = min(fresh_s, seconds)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE market_dailyprice")
        seconds, again = timed(
            lambda: bars_upsert(model=DailyPrice, bars=bars, source=SOURCE, now=timezone.now())
        )
        assert again.unchanged == rows, again
        again_s = min(again_s, seconds)
    sample = min(args.sample, rows)
    uoc_s = update_or_create_sample(bars, sample)
    DailyPrice.objects.filter(source=SOURCE).delete()

    sqlite_rows = args.sqlite_rows or rows
    sqlite_assets = make_assets(args.assets, "sqlite")
    sqlite_bars = make_bars(sqlite_rows, sqlite_assets)
    sqlite = connections["sqlite"]
    sqlite_s = sqlite_again_s = float("inf")
    for _ in range(args.rounds):
        DailyPrice.objects.using("sqlite").filter(source=SOURCE).delete()
        seconds, sqlite_counts = timed(
            lambda: bars_upsert(
                model=DailyPrice, bars=sqlite_bars, source=SOURCE, now=now, using=sqlite
            )
        )
        assert sqlite_counts.inserted == sqlite_rows, sqlite_counts
        sqlite_s = min(sqlite_s, seconds)
        seconds, sqlite_counts = timed(
            lambda: bars_upsert(
                model=DailyPrice, bars=sqlite_bars, source=SOURCE, now=now, using=sqlite
            )
        )
        assert sqlite_counts.unchanged == sqlite_rows, sqlite_counts
        sqlite_again_s = min(sqlite_again_s, seconds)

    def rate(n: int, seconds: float) -> float:
        return n / seconds if seconds > 0 else float("inf")

    copy_rate, fresh_rate, again_rate = rate(rows, copy_s), rate(rows, fresh_s), rate(rows, again_s)
    uoc_rate = rate(sample, uoc_s)
    sqlite_rate, sqlite_again_rate = rate(sqlite_rows, sqlite_s), rate(sqlite_rows, sqlite_again_s)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"Idempotent price upsert, {rows:,} rows over {args.assets} assets, best of "
        f"{args.rounds} rounds (load average {load})"
    )
    print(f"{'case':<48}{'seconds':>10}{'rows/s':>14}")
    for name, n, seconds in (
        ("PostgreSQL bare COPY into an empty table", rows, copy_s),
        ("PostgreSQL upsert, fresh", rows, fresh_s),
        ("PostgreSQL upsert, re-ingest unchanged", rows, again_s),
        (f"PostgreSQL update_or_create ({sample:,}-row sample)", sample, uoc_s),
        ("SQLite upsert, fresh", sqlite_rows, sqlite_s),
        ("SQLite upsert, re-ingest unchanged", sqlite_rows, sqlite_again_s),
    ):
        print(f"{name:<48}{seconds:>10.2f}{rate(n, seconds):>14,.0f}")
    checks = [
        (
            "re-ingest / bare COPY",
            again_rate / copy_rate,
            MIN_COPY_RATIO,
            f">= {MIN_COPY_RATIO}x",
        ),
        (
            "re-ingest / update_or_create",
            again_rate / uoc_rate,
            MIN_UPDATE_OR_CREATE_RATIO,
            f">= {MIN_UPDATE_OR_CREATE_RATIO:.0f}x",
        ),
        (
            "fresh / bare COPY",
            fresh_rate / copy_rate,
            MIN_COPY_RATIO,
            f">= {MIN_COPY_RATIO}x",
        ),
        (
            "SQLite fresh rows/s",
            sqlite_rate,
            float(MIN_SQLITE_ROWS_PER_SECOND),
            f">= {MIN_SQLITE_ROWS_PER_SECOND:,}",
        ),
        (
            "SQLite re-ingest / fresh",
            sqlite_again_rate / sqlite_rate,
            1.0,
            ">= 1x",
        ),
    ]
    failed = False
    print()
    for name, value, minimum, target in checks:
        ok = value >= minimum
        failed = failed or not ok
        shown = f"{value:,.0f}" if value > 1000 else f"{value:.2f}x"
        print(f"{name:<40}{shown:>14}  target {target:<12}{'ok' if ok else 'MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
