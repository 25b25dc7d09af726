"""Benchmark of one asset's chart on PostgreSQL with 10,000,000 daily bars stored against 100,000."""

# Run with `uv run python -m bench.scale [--bars N] [--drop]`; exits 1 when the target is missed.
# Target (issue 14): the chart of one asset (5,000 daily bars, the real endpoint through Django's
# test client, uncached: a no-op cache as in bench.chart) with --bars stored over a few thousand
# assets at most 1.5x its time with --small bars stored, each asset as large; and its query an
# index range scan (EXPLAIN ANALYZE at the large size is printed).
# Each size has its own database, named after DATABASE_URL's (else stockvis_bench) plus
# "_scale_<bars>". A database that already holds the asked rows is reused (the output says so);
# otherwise it is built: assets with the ORM, bars generated with numpy and streamed with binary
# COPY, then VACUUM ANALYZE. --drop removes the large one at the end. Not part of `make test`.

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlparse, urlunparse

import numpy as np

TARGET_RATIO = 1.5
SYMBOL = "SCALE"
SOURCE = "csv"
CHUNK_ROWS = 1_000_000
BYTES_PER_BAR = 250  # heap row plus both indexes: 2,482 MB for 10,000,000 bars
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
LAST_DAY = dt.date(2026, 11, 20)


def database_url(base: str, bars: int) -> str:
    parsed = urlparse(base)
    name = f"{parsed.path.lstrip('/') or 'stockvis_bench'}_scale_{bars}"
    return urlunparse(parsed._replace(path=f"/{name}"))


def _admin(url: str) -> tuple[str, str]:
    parsed = urlparse(url)
    return urlunparse(parsed._replace(path="/postgres", scheme="postgresql")), parsed.path[1:]


def built_size(url: str, bars: int, asset_bars: int, layout: str) -> bool:
    """Whether the database exists and holds exactly what this run asks for."""
    import psycopg

    admin, name = _admin(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
    with psycopg.connect(urlunparse(urlparse(url)._replace(scheme="postgresql"))) as conn:
        try:
            row = conn.execute("SELECT bars, asset_bars, layout FROM bench_scale_build").fetchone()
            (count,) = conn.execute("SELECT count(*) FROM market_dailyprice").fetchone() or (0,)
        except psycopg.Error:
            return False
    return row == (bars, asset_bars, layout) and count == bars


def drop_database(url: str) -> None:
    import psycopg

    admin, name = _admin(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def disk_check(url: str, bars: int) -> str | None:
    """Refuse a build the server's disk cannot hold (when the data directory is on this host)."""
    import psycopg

    admin, _ = _admin(url)
    try:
        with psycopg.connect(admin) as conn:
            row = conn.execute("SHOW data_directory").fetchone()
        free = shutil.disk_usage(row[0]).free if row else None
    except (psycopg.Error, OSError):
        return None
    need = bars * BYTES_PER_BAR * 2  # the table, its indexes and as much again for WAL
    if free is not None and free < need:
        return (
            f"{bars:,} bars need about {need / 1e9:.1f} GB, the server's disk has "
            f"{free / 1e9:.1f} GB free: use fewer --bars"
        )
    return None


# --- Building one database (run in a child process: Django set up on that database) ----------


def _trading_days(count: int) -> np.ndarray:
    last = np.datetime64(LAST_DAY, "D")
    days = last - np.arange(count * 7 // 5 + 10)
    weekdays = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday: Monday is 0
    return np.sort(days[weekdays < 5][:count])


def _bar_chunks(
    asset_ids: np.ndarray, days: np.ndarray, layout: str, rng: np.random.Generator
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(asset ids, dates, closes) in chunks of about CHUNK_ROWS rows, in the table order that
    ``layout`` stands for: "backfill" writes each asset's whole history at once (the rows of one
    asset sit together), "daily" writes one day of every asset at a time (as a daily collection
    does: the rows of one asset are spread over the whole table)."""
    if layout == "backfill":
        per = max(1, CHUNK_ROWS // len(days))
        for i in range(0, len(asset_ids), per):
            ids = asset_ids[i : i + per]
            walk = np.cumsum(rng.normal(0, 0.01, (len(ids), len(days))), axis=1)
            yield np.repeat(ids, len(days)), np.tile(days, len(ids)), 100 * np.exp(walk).ravel()
        return
    per = max(1, CHUNK_ROWS // len(asset_ids))
    level = np.zeros(len(asset_ids))
    for j in range(0, len(days), per):
        chunk = days[j : j + per]
        walk = level + np.cumsum(rng.normal(0, 0.01, (len(chunk), len(asset_ids))), axis=0)
        level = walk[-1]
        yield (
            np.tile(asset_ids, len(chunk)),
            np.repeat(chunk, len(asset_ids)),
            100 * np.exp(walk).ravel(),
        )


def migrate() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(bars: int, asset_bars: int, layout: str) -> None:
    migrate()
    from django.db import connection, transaction
    from django.utils import timezone

    from stockvis.collector.upsert import PRICE_FIELDS, copy_binary
    from stockvis.market.models import Asset

    started = time.perf_counter()
    count = max(1, bars // asset_bars)
    Asset.objects.bulk_create(
        [
            Asset(
                symbol=SYMBOL if i == count // 2 else f"S{i:05d}",
                name=f"Scale {i}",
                category="stock",
                exchange="XNYS",
                currency="USD",
                preferred_source=SOURCE,
            )
            for i in range(count)
        ],
        batch_size=1000,
    )
    asset_ids = np.asarray(Asset.objects.order_by("pk").values_list("pk", flat=True), np.int64)
    days = _trading_days(asset_bars)
    rng = np.random.default_rng(10_000_000)
    stamp = (timezone.now() - dt.datetime(2000, 1, 1, tzinfo=dt.UTC)) // dt.timedelta(
        microseconds=1
    )
    columns = ", ".join(["asset_id", "date", "source", *PRICE_FIELDS, "ingested_at"])
    for ids, dates, close in _bar_chunks(asset_ids, days, layout, rng):
        n = len(close)
        open_ = close * (1 + rng.normal(0, 0.003, n))
        high = np.maximum(open_, close) * (1 + np.abs(rng.normal(0, 0.004, n)))
        low = np.minimum(open_, close) * (1 - np.abs(rng.normal(0, 0.004, n)))
        payload = copy_binary(
            [
                ("bigint", ids),
                ("date", dates),
                ("bytes", np.array([SOURCE.encode()])),
                *(("float8", np.round(v, 4)) for v in (open_, high, low, close)),
                ("float8", rng.integers(100_000, 50_000_000, n).astype(np.float64)),
                ("timestamptz", np.full(n, stamp, dtype=np.int64)),
            ]
        )
        with transaction.atomic(), connection.cursor() as cursor:
            sql = f"COPY market_dailyprice ({columns}) FROM STDIN (FORMAT BINARY)"
            with cursor.cursor.copy(sql) as copy:
                copy.write(payload)
    loaded = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE market_dailyprice")
        cursor.execute("VACUUM ANALYZE market_asset")
        cursor.execute(
            "CREATE TABLE bench_scale_build (bars bigint, asset_bars int, layout text, "
            "load_seconds float8, total_seconds float8)"
        )
        cursor.execute(
            "INSERT INTO bench_scale_build VALUES (%s, %s, %s, %s, %s)",
            [count * asset_bars, asset_bars, layout, loaded, time.perf_counter() - started],
        )


# --- Measuring -------------------------------------------------------------------------------


def describe(url: str) -> str:
    import psycopg

    with psycopg.connect(urlunparse(urlparse(url)._replace(scheme="postgresql"))) as conn:
        row = conn.execute(
            "SELECT b.bars, b.load_seconds, b.total_seconds, "
            "pg_size_pretty(pg_total_relation_size('market_dailyprice')), "
            "pg_size_pretty(pg_database_size(current_database())), "
            "(SELECT count(*) FROM market_asset) FROM bench_scale_build b"
        ).fetchone()
    assert row is not None
    bars, load_s, total_s, table, database = row[:5]
    return (
        f"{bars:,} bars over {row[5]:,} assets; built in {total_s:.0f} s ({load_s:.0f} s "
        f"loading, the rest VACUUM ANALYZE); bar table {table}, database {database}"
    )


def _use_database(url: str) -> None:
    """Point Django's default connection at another database (closed, reopened on next use)."""
    from django.db import connection

    parsed = urlparse(url)
    connection.close()
    connection.settings_dict["NAME"] = parsed.path.lstrip("/")


def _chart_call(client: Any, asset_bars: int) -> Callable[[], None]:
    def call() -> None:
        response = client.get(f"/api/v1/stocks/api/chart/{SYMBOL}/?period=max")
        assert response.status_code == 200, response.content[:200]
        assert response.json()["count"] == asset_bars

    return call


def chart_plans() -> list[str]:
    """EXPLAIN ANALYZE of every query one chart request makes, on the current database."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from stockvis.market.selectors import asset_by_symbol, chart_rows
    from stockvis.market.serializers import ChartQuerySerializer

    query = ChartQuerySerializer(data={"period": "max"})
    query.is_valid(raise_exception=True)
    asset = asset_by_symbol(SYMBOL)
    assert asset is not None
    with CaptureQueriesContext(connection) as captured:
        chart_rows(asset, query.validated_data["window"])
    plans = []
    with connection.cursor() as cursor:
        for executed in captured.captured_queries:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + executed["sql"])
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def measure(urls: list[str], asset_bars: int, rounds: int, calls: int) -> list[float]:
    """Median ms of the chart call on each database, in rounds that visit every database in
    turn, so a busy spell of the machine slows all of them alike."""
    from django.test import Client, override_settings
    from rest_framework.views import APIView

    APIView.throttle_classes = []
    client = Client()
    call = _chart_call(client, asset_bars)
    timings: list[list[float]] = [[] for _ in urls]
    with override_settings(CACHES=NO_CACHE):
        for _ in range(rounds):
            for url, samples in zip(urls, timings, strict=True):
                _use_database(url)
                for _ in range(3):  # a new connection: its first queries plan and cache
                    call()
                for _ in range(calls):
                    started = time.perf_counter()
                    call()
                    samples.append((time.perf_counter() - started) * 1000)
    return [statistics.median(samples) for samples in timings]


def _ensure(url: str, bars: int, asset_bars: int, layout: str) -> None:
    if built_size(url, bars, asset_bars, layout):
        # Migrations since it was built (an index changed, say) apply to it first.
        subprocess.run(
            [sys.executable, "-m", "bench.scale", "--migrate"],
            env={**os.environ, "DATABASE_URL": url},
            check=True,
        )
        print(f"reusing {urlparse(url).path[1:]}: {describe(url)}")
        return
    problem = disk_check(url, bars)
    if problem:
        raise SystemExit(f"bench.scale: {problem}")
    drop_database(url)
    admin, name = _admin(url)
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    print(f"building {name} ({bars:,} bars, {layout} layout) ...", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.scale",
            "--build",
            "--bars",
            str(bars),
            "--asset-bars",
            str(asset_bars),
            "--layout",
            layout,
        ],
        env={**os.environ, "DATABASE_URL": url},
        check=True,
    )
    print(f"built {name}: {describe(url)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bars", type=int, default=10_000_000, help="bars of the large database")
    parser.add_argument("--small", type=int, default=100_000, help="bars of the small database")
    parser.add_argument("--asset-bars", type=int, default=5_000, help="bars of every asset")
    parser.add_argument("--layout", choices=["backfill", "daily"], default="daily")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=10, help="timed calls a round and database")
    parser.add_argument("--drop", action="store_true", help="drop the large database at the end")
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--migrate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build:
        build(args.bars, args.asset_bars, args.layout)
        return 0
    if args.migrate:
        migrate()
        return 0
    base = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/stockvis_bench"
    if not base.startswith("postgres"):
        print(f"bench.scale needs PostgreSQL; DATABASE_URL is {base.split(':', 1)[0]}://...")
        return 2
    sizes = [(s // args.asset_bars) * args.asset_bars for s in (args.small, args.bars)]
    urls = [database_url(base, s) for s in sizes]
    for url, size in zip(urls, sizes, strict=True):
        _ensure(url, size, args.asset_bars, args.layout)

    var_dir = tempfile.mkdtemp(prefix="stockvis-bench-")
    try:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            VAR_DIR=var_dir,
            DATABASE_URL=urls[0],
            DEBUG="false",
            LOG_LEVEL="WARNING",
        )
        os.environ.pop("REDIS_URL", None)
        import django

        # The static files folder of the throwaway VAR_DIR is empty: nothing here serves them.
        warnings.filterwarnings("ignore", message="No directory at", module="django")
        django.setup()
        small_ms, large_ms = measure(urls, args.asset_bars, args.rounds, args.calls)
        plans = chart_plans()  # still on the large database, the last one measured
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
        if args.drop:
            drop_database(urls[1])

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nchart of {SYMBOL} ({args.asset_bars:,} bars), uncached, median ms (load {load})")
    print(f"  {sizes[0]:>12,} bars stored {small_ms:9.2f}")
    print(f"  {sizes[1]:>12,} bars stored {large_ms:9.2f}")
    ratio = large_ms / small_ms
    print(f"large / small: {ratio:.2f}x (target <= {TARGET_RATIO}x)")
    print(f"\nquery plans at {sizes[1]:,} bars:")
    for plan in plans:
        print("  " + plan.replace("\n", "\n  "))
    rows_plan = plans[-1]
    range_scan = "Index Scan using daily_price_unique" in rows_plan or (
        "Index Only Scan using daily_price_unique" in rows_plan
    )
    print(f"\nthe rows query is {'an' if range_scan else 'NOT an'} index range scan")
    if args.drop:
        print(f"dropped {urlparse(urls[1]).path[1:]}")
    ok = ratio <= TARGET_RATIO and range_scan
    if not ok:
        print("FAILED: a target was missed", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
