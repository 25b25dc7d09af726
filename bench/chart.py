"""Benchmark of the chart endpoint on 5,000 daily bars against a ModelSerializer view and the bare cost."""

# Run with `uv run python -m bench.chart`. Everything runs in one process on a throwaway SQLite
# database (VAR_DIR and DATABASE_URL point into a temporary folder) and the embedded file cache,
# and every variant is called the same way, through Django's test Client:
#   chart uncached  the real endpoint computing every answer (a no-op cache backend): the path
#                   the targets are about
#   chart miss      the real endpoint on a cache miss with the embedded file cache, i.e. uncached
#                   plus storing the answer (Django's file cache zlib-compresses every value;
#                   Redis does not), reported for information
#   chart cached    the real endpoint answering from the file cache
#   ModelSerializer a plain DRF ListAPIView + ModelSerializer over the same rows (the baseline to
#                   beat by 10x)
#   bare            one query (values) plus one orjson encoding in a bare Django view (the floor:
#                   uncached must stay within 3x of it)
# DRF throttling is switched off for the run: its bookkeeping costs the same for every DRF view
# and is not what is measured here. Exits non-zero when a target is missed.

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

TARGET_VS_SERIALIZER = 10.0
TARGET_VS_BARE = 3.0
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
SYMBOL = "BENCH"


def _configure_django(var_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["VAR_DIR"] = var_dir
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir}/bench.sqlite3"
    os.environ["DEBUG"] = "false"  # DEBUG keeps every SQL string in memory; production does not
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _load_bars(count: int) -> int:
    import numpy as np
    from django.db import transaction

    from stockvis.market.models import Asset, DailyPrice

    rng = np.random.default_rng(5000)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.01, count)))
    open_ = close * (1 + rng.normal(0, 0.003, count))
    high = np.maximum(open_, close) * (1 + np.abs(rng.normal(0, 0.004, count)))
    low = np.minimum(open_, close) * (1 - np.abs(rng.normal(0, 0.004, count)))
    volume = rng.integers(1_000_000, 50_000_000, count).astype(float)
    days: list[dt.date] = []
    day = dt.date(2026, 11, 20)
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= dt.timedelta(days=1)
    days.reverse()
    with transaction.atomic():
        asset = Asset.objects.create(
            symbol=SYMBOL,
            name="Benchmark Corp",
            category="stock",
            exchange="XNYS",
            currency="USD",
            preferred_source="csv",
        )
        DailyPrice.objects.bulk_create(
            [
                DailyPrice(
                    asset=asset,
                    date=days[i],
                    source="csv",
                    open=round(float(open_[i]), 2),
                    high=round(float(high[i]), 2),
                    low=round(float(low[i]), 2),
                    close=round(float(close[i]), 2),
                    volume=float(volume[i]),
                )
                for i in range(count)
            ],
            batch_size=1000,
        )
    return asset.pk


def _baseline_urls(asset_id: int) -> list[Any]:
    """The two comparison views, routed beside the real market URLs."""
    import orjson
    from django.db.models import F
    from django.http import HttpRequest, HttpResponse
    from django.urls import include, path
    from rest_framework import generics, serializers

    from stockvis.market.models import DailyPrice

    class DailyPriceSerializer(serializers.ModelSerializer[DailyPrice]):
        class Meta:
            model = DailyPrice
            fields = ("date", "open", "high", "low", "close", "volume")

    class DailyPriceList(generics.ListAPIView[DailyPrice]):
        serializer_class = DailyPriceSerializer
        pagination_class = None

        def get_queryset(self) -> Any:
            return DailyPrice.objects.filter(asset_id=asset_id, source="csv").order_by("date")

    def bare(request: HttpRequest) -> HttpResponse:
        rows = list(
            DailyPrice.objects.filter(asset_id=asset_id, source="csv")
            .order_by("date")
            .values("open", "high", "low", "close", "volume", time=F("date"))
        )
        return HttpResponse(orjson.dumps(rows), content_type="application/json")

    return [
        path("api/v1/stocks/", include("stockvis.market.urls")),
        path("bench/serializer/", DailyPriceList.as_view()),
        path("bench/bare/", bare),
    ]


urlpatterns: list[Any] = []  # filled in by main(); this module is the benchmark's URLconf


def _median_ms(call: Callable[[], None], repeat: int, before: Callable[[], None]) -> float:
    timings = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _interleaved_medians(
    variants: list[tuple[Callable[[], None], Callable[[], contextlib.AbstractContextManager[Any]]]],
    repeat: int,
) -> list[float]:
    timings: list[list[float]] = [[] for _ in variants]
    for _ in range(repeat):
        for (call, context), samples in zip(variants, timings, strict=True):
            with context():
                started = time.perf_counter()
                call()
                samples.append((time.perf_counter() - started) * 1000)
    return [statistics.median(samples) for samples in timings]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bars", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args(argv)

    var_dir = tempfile.mkdtemp(prefix="stockvis-bench-")
    try:
        _configure_django(var_dir)
        from django.core.cache import cache
        from django.test import Client, override_settings
        from rest_framework.views import APIView

        APIView.throttle_classes = []
        asset_id = _load_bars(args.bars)
        urlpatterns[:] = _baseline_urls(asset_id)
        client = Client()
        chart_url = f"/api/v1/stocks/api/chart/{SYMBOL}/?period=max"

        def get(url: str) -> Callable[[], None]:
            def call() -> None:
                response = client.get(url)
                assert response.status_code == 200, response.content[:200]

            return call

        def nothing() -> None:
            return None

        with override_settings(ROOT_URLCONF=__name__):
            # Warm up every path once (imports, first query plans), then check they agree.
            for url in (chart_url, "/bench/serializer/", "/bench/bare/"):
                client.get(url)
            served = client.get(chart_url).json()
            assert served["count"] == args.bars, served["count"]
            assert len(client.get("/bench/serializer/").json()) == args.bars
            assert len(client.get("/bench/bare/").json()) == args.bars

            # The three compared variants run in rounds (one call of each per round), so a
            # slow spell of this shared machine slows all of them alike instead of one block.
            uncached, serializer, bare = _interleaved_medians(
                [
                    (get(chart_url), lambda: override_settings(CACHES=NO_CACHE)),
                    (get("/bench/serializer/"), contextlib.nullcontext),
                    (get("/bench/bare/"), contextlib.nullcontext),
                ],
                args.repeat,
            )
            miss = _median_ms(get(chart_url), args.repeat, cache.clear)
            client.get(chart_url)
            cached = _median_ms(get(chart_url), args.repeat * 5, nothing)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)

    vs_serializer = serializer / uncached
    vs_bare = uncached / bare
    print(f"chart endpoint, {args.bars:,} daily bars, median of {args.repeat} calls (ms)")
    print(f"  {'chart uncached':<26}{uncached:>9.2f}")
    print(f"  {'chart miss (file cache)':<26}{miss:>9.2f}")
    print(f"  {'chart cached':<26}{cached:>9.2f}")
    print(f"  {'DRF ModelSerializer view':<26}{serializer:>9.2f}")
    print(f"  {'bare query + orjson':<26}{bare:>9.2f}")
    print(
        f"uncached is {vs_serializer:.1f}x faster than ModelSerializer "
        f"(target >= {TARGET_VS_SERIALIZER:.0f}x)"
    )
    print(f"uncached is {vs_bare:.2f}x the bare cost (target <= {TARGET_VS_BARE:.0f}x)")
    print(
        f"a miss is {serializer / miss:.1f}x and a hit {serializer / cached:.1f}x faster than ModelSerializer"
    )
    ok = vs_serializer >= TARGET_VS_SERIALIZER and vs_bare <= TARGET_VS_BARE
    if not ok:
        print("FAILED: a target was missed", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
