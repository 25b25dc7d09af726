"""Benchmark of the indicator core against direct TA-Lib calls, the indicator API and the screener."""

# Run with `uv run python -m bench.indicators`; exits 1 when a section misses its target.
# Target (DESIGN.md, "Numbers to hit"): all eight indicators within 1.5x of calling TA-Lib
# directly in the same run, and equal to it. Both sides get the same contiguous float64 arrays,
# so the ratio is what `Bars`, `IndicatorSpec` and the result mapping cost on top of TA-Lib.
# Each section is a function returning a `SectionOutcome`, listed in `SECTIONS`.
#
# The API sections run the real views through Django's test client on a throwaway SQLite
# database (a temporary VAR_DIR, set before Django starts), each against a baseline measured in
# the same run: the indicator endpoint for 5,000 bars against its bare cost (one query for the
# bars, the eight indicators, one orjson encode), and the screener over 5,000 assets against
# bare queries of the same page of snapshot rows and their count plus the encode; both plus the
# floor of the HTTP stack (throttling alone writes the file cache twice a request).

from __future__ import annotations

import argparse
import atexit
import logging
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import talib

from stockvis.analysis.indicators import Bars, IndicatorSpec, compute_indicators

MAX_RATIO = 1.5
# Each endpoint is held within 3x of its baseline: the floor of the same HTTP stack (a request
# rejected by validation: middleware, throttling, rendering) plus the bare work it must do.
MAX_API_RATIO = 3.0


@dataclass(frozen=True)
class BenchSettings:
    bars: int
    repeats: int
    seed: int
    api_bars: int = 5_000
    assets: int = 5_000
    api_repeats: int = 31


@dataclass(frozen=True)
class SectionOutcome:
    name: str
    passed: bool
    lines: tuple[str, ...]


def random_walk_bars(length: int, seed: int) -> Bars:
    """Seeded daily bars: a geometric random walk with wicks and log-normal volume."""
    rng = np.random.default_rng(seed)
    close = 100.0 * np.exp(np.cumsum(rng.normal(0.0, 0.01, length)))
    open_ = np.empty(length)
    open_[0] = 100.0
    open_[1:] = close[:-1]
    wicks = np.abs(rng.normal(0.0, 0.005, (2, length)))
    return Bars(
        open=open_,
        high=np.maximum(open_, close) * (1 + wicks[0]),
        low=np.minimum(open_, close) * (1 - wicks[1]),
        close=close,
        volume=np.round(rng.lognormal(13.0, 0.5, length)),
    )


def talib_directly(bars: Bars) -> dict[str, np.ndarray]:
    """The baseline: the same eight indicators, default parameters, called straight on TA-Lib."""
    high, low, close, volume = bars.high, bars.low, bars.close, bars.volume
    out = {"rsi": talib.RSI(close, 14)}
    out["macd"], out["macd_signal"], out["macd_hist"] = talib.MACD(close, 12, 26, 9)
    out["bb_upper"], out["bb_middle"], out["bb_lower"] = talib.BBANDS(
        close, 20, 2.0, 2.0, talib.MA_Type.SMA
    )
    out["sma_20"] = talib.SMA(close, 20)
    out["ema_20"] = talib.EMA(close, 20)
    out["stoch_k"], out["stoch_d"] = talib.STOCH(
        high, low, close, 14, 3, talib.MA_Type.SMA, 3, talib.MA_Type.SMA
    )
    out["obv"] = talib.OBV(close, volume)
    out["atr"] = talib.ATR(high, low, close, 14)
    return out


def interleaved_median_ms(
    first: Callable[[], object], second: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """Median wall time of each, alternating runs so drift in machine load hits both alike."""
    first()
    second()  # warm-up: first-call costs are not what a running server pays
    first_ms: list[float] = []
    second_ms: list[float] = []
    for _ in range(repeats):
        for work, timings in ((first, first_ms), (second, second_ms)):
            started = time.perf_counter()
            work()
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(first_ms), statistics.median(second_ms)


def indicators_section(settings: BenchSettings) -> SectionOutcome:
    bars = random_walk_bars(settings.bars, settings.seed)
    spec = IndicatorSpec()

    ours = compute_indicators(bars, spec)
    reference = talib_directly(bars)
    unequal = [
        name
        for name, values in reference.items()
        if not np.array_equal(ours[name], values, equal_nan=True)
    ]

    # Ours includes building Bars from the raw arrays, as a caller holding arrays would.
    columns = {name: getattr(bars, name) for name in ("open", "high", "low", "close", "volume")}
    ours_ms, talib_ms = interleaved_median_ms(
        lambda: compute_indicators(Bars(**columns), spec),
        lambda: talib_directly(bars),
        settings.repeats,
    )
    ratio = ours_ms / talib_ms
    passed = ratio <= MAX_RATIO and not unequal
    return SectionOutcome(
        name="indicators",
        passed=passed,
        lines=(
            f"all eight indicators on {settings.bars:,} bars, median of {settings.repeats} runs",
            f"  compute_indicators:     {ours_ms:9.2f} ms",
            f"  TA-Lib called directly: {talib_ms:9.2f} ms",
            f"  ratio ours / TA-Lib:    {ratio:9.2f}x (target <= {MAX_RATIO}x)",
            f"  equal to TA-Lib:        {'yes' if not unequal else 'NO: ' + ', '.join(unequal)}",
        ),
    )


# --- API sections: a throwaway Django database ------------------------------------------------


@cache
def django_ready() -> None:
    """Start Django on an empty SQLite database in a temporary folder, removed at exit."""
    folder = tempfile.mkdtemp(prefix="stockvis-bench-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ.update(
        VAR_DIR=folder,
        DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        LOG_LEVEL="WARNING",
        # The benchmark sends more requests a minute than the anonymous rate allows.
        THROTTLE_ANON="1000000/min",
    )
    os.environ.pop("REDIS_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    # The floor measurements send rejected requests on purpose.
    logging.getLogger("django.request").setLevel(logging.ERROR)


def median_ms(
    work: Callable[[], object], repeats: int, before: Callable[[], object] = lambda: None
) -> float:
    """Median wall time of `work` after one warm-up run; `before` runs untimed each time."""
    before()
    work()
    timings = []
    for _ in range(repeats):
        before()
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _create_asset(symbol: str, **fields: Any) -> Any:
    from stockvis.market.models import Asset

    defaults = {
        "name": f"Bench asset {symbol}",
        "category": "stock",
        "market": "US",
        "exchange": "XNYS",
        "currency": "USD",
        "preferred_source": "bench",
    }
    return Asset.objects.create(symbol=symbol, **{**defaults, **fields})


def indicator_endpoint_section(settings: BenchSettings) -> SectionOutcome:
    django_ready()
    import datetime as dt

    import orjson
    from django.core.cache import cache as django_cache
    from django.test import Client

    from stockvis.analysis.services import snapshots_refresh
    from stockvis.market.models import DailyPrice

    asset = _create_asset("BENCHAPI")
    bars = random_walk_bars(settings.api_bars, settings.seed)
    first = dt.date(2000, 1, 3)
    DailyPrice.objects.bulk_create(
        (
            DailyPrice(
                asset=asset,
                date=first + dt.timedelta(days=i),
                source="bench",
                open=float(bars.open[i]),
                high=float(bars.high[i]),
                low=float(bars.low[i]),
                close=float(bars.close[i]),
                volume=float(bars.volume[i]),
            )
            for i in range(settings.api_bars)
        ),
        batch_size=2000,
    )
    client = Client()
    url = f"/api/v1/stocks/api/indicators/{asset.symbol}/"
    params = {"period": "max"}
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    assert len(orjson.loads(response.content)["dates"]) == settings.api_bars

    def bare() -> bytes:
        rows = DailyPrice.objects.filter(asset=asset, source="bench").order_by("date")
        dates, *columns = zip(
            *rows.values_list("date", "open", "high", "low", "close", "volume"), strict=True
        )
        arrays = [np.asarray(column, dtype=np.float64) for column in columns]
        values = compute_indicators(Bars(*arrays), IndicatorSpec())
        return orjson.dumps(
            {"dates": dates, "indicators": dict(values.values)},
            option=orjson.OPT_SERIALIZE_NUMPY,
        )

    endpoint_ms = median_ms(
        lambda: client.get(url, params), settings.api_repeats, before=django_cache.clear
    )
    year = {"period": "1y"}
    year_ms = median_ms(
        lambda: client.get(url, year), settings.api_repeats, before=django_cache.clear
    )
    cached_ms = median_ms(lambda: client.get(url, year), settings.api_repeats)
    floor_ms = median_ms(lambda: client.get(url, {"rsi_period": "0"}), settings.api_repeats)
    bare_ms = median_ms(bare, settings.api_repeats)
    refresh_ms = median_ms(lambda: snapshots_refresh(symbols=[asset.symbol]), settings.api_repeats)
    ratio = endpoint_ms / (floor_ms + bare_ms)
    return SectionOutcome(
        name="indicator endpoint",
        passed=ratio <= MAX_API_RATIO,
        lines=(
            f"indicator endpoint, {settings.api_bars:,} daily bars, all eight indicators, signals,"
            f" median of {settings.api_repeats} requests",
            f"  period=max, every bar shown:      {endpoint_ms:9.2f} ms",
            f"  period=1y (the rest is warm-up):  {year_ms:9.2f} ms",
            f"  period=1y, cached response:       {cached_ms:9.2f} ms",
            f"  floor: same stack, rejected 400:  {floor_ms:9.2f} ms",
            f"  bare: query + indicators + JSON:  {bare_ms:9.2f} ms",
            f"  ratio max / (floor + bare):       {ratio:9.2f}x (target <= {MAX_API_RATIO}x)",
            f"  snapshot refresh of this asset:   {refresh_ms:9.2f} ms (what an ingest pays inline)",
        ),
    )


SCREENER_QUERIES: tuple[dict[str, str], ...] = (
    {},
    {"rsi_lt": "30", "sort": "-score"},
    {"market": "KR", "signal": "buy,strong_buy", "sort": "rsi"},
    {"category": "stock", "macd": "bullish", "above_sma200": "true", "page": "3"},
)


def screener_section(settings: BenchSettings) -> SectionOutcome:
    django_ready()
    import datetime as dt

    import orjson
    from django.test import Client
    from django.utils import timezone

    from stockvis.analysis.models import IndicatorSnapshot
    from stockvis.analysis.selectors import SCREENER_COLUMNS
    from stockvis.analysis.signals import Direction, composite_label
    from stockvis.market.models import Asset

    rng = np.random.default_rng(settings.seed)
    categories = ("stock", "etf", "index", "crypto", "commodity", "fx")
    markets = ("US", "KR", "GLOBAL")
    Asset.objects.bulk_create(
        (
            Asset(
                symbol=f"S{i:05d}",
                name=f"Screened asset {i}",
                category=categories[i % len(categories)],
                market=markets[i % len(markets)],
                exchange="XNYS",
                currency="USD",
                preferred_source="bench",
            )
            for i in range(settings.assets)
        ),
        batch_size=1000,
    )
    directions = [direction.value for direction in Direction]
    now = timezone.now()
    snapshots = []
    for asset_id in Asset.objects.filter(symbol__startswith="S").values_list("id", flat=True):
        close = float(rng.uniform(10, 500))
        score = float(rng.uniform(-100, 100))
        macd = float(rng.normal())
        snapshots.append(
            IndicatorSnapshot(
                asset_id=asset_id,
                as_of=dt.date(2026, 11, 20),
                source="bench",
                bar_count=750,
                computed_at=now,
                close=close,
                previous_close=close * 0.99,
                change_percent=float(rng.normal(0, 2)),
                rsi=float(rng.uniform(5, 95)),
                macd=macd,
                macd_signal=macd - float(rng.normal()),
                macd_hist=float(rng.normal()),
                sma_50=close * float(rng.uniform(0.8, 1.2)),
                sma_200=close * float(rng.uniform(0.7, 1.3)),
                score=score,
                label=composite_label(score).value,
                **{
                    f"{name}_direction": directions[int(rng.integers(3))]
                    for name in ("rsi", "macd", "bbands", "ma_cross", "stoch", "obv")
                },
            )
        )
    IndicatorSnapshot.objects.bulk_create(snapshots, batch_size=1000)
    # Every other asset (the endpoint benchmark's) has a snapshot too, so no request heals any.
    from stockvis.analysis.services import snapshots_refresh

    snapshots_refresh(
        symbols=Asset.objects.exclude(symbol__startswith="S").values_list("symbol", flat=True)
    )

    client = Client()
    floor_ms = median_ms(
        lambda: client.get("/api/v1/analysis/screener/", {"page": "0"}), settings.api_repeats
    )
    lines = [
        f"screener over {settings.assets:,} assets, median of {settings.api_repeats} requests; "
        "bare: the page and count queries plus JSON",
        f"  floor: same stack, rejected 400: {floor_ms:.2f} ms",
    ]
    worst = 0.0
    for query in SCREENER_QUERIES:
        response = client.get("/api/v1/analysis/screener/", query)
        assert response.status_code == 200, response.content

        def bare(query: dict[str, str] = query) -> bytes:
            rows = IndicatorSnapshot.objects.filter(as_of__isnull=False)
            if "rsi_lt" in query:
                rows = rows.filter(rsi__lt=float(query["rsi_lt"]))
            if "market" in query:
                rows = rows.filter(asset__market=query["market"])
            page = list(rows.order_by("-score").values(*SCREENER_COLUMNS)[:50])
            return orjson.dumps({"count": rows.count(), "results": page})

        endpoint_ms = median_ms(
            lambda query=query: client.get("/api/v1/analysis/screener/", query),
            settings.api_repeats,
        )
        bare_ms = median_ms(bare, settings.api_repeats)
        ratio = endpoint_ms / (floor_ms + bare_ms)
        worst = max(worst, ratio)
        label = "&".join(f"{k}={v}" for k, v in query.items()) or "(no filter)"
        lines.append(f"  {label:<54} {endpoint_ms:7.2f} ms, bare {bare_ms:5.2f} ms, {ratio:5.2f}x")
    lines.append(
        f"  worst ratio screener / (floor + bare): {worst:.2f}x (target <= {MAX_API_RATIO}x)"
    )
    return SectionOutcome(name="screener", passed=worst <= MAX_API_RATIO, lines=tuple(lines))


SECTIONS: tuple[Callable[[BenchSettings], SectionOutcome], ...] = (
    indicators_section,
    indicator_endpoint_section,
    screener_section,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bars", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument("--api-bars", type=int, default=5_000, help="bars behind the endpoint")
    parser.add_argument("--assets", type=int, default=5_000, help="assets behind the screener")
    parser.add_argument("--api-repeats", type=int, default=31)
    parser.add_argument(
        "--only",
        choices=[section.__name__.removesuffix("_section") for section in SECTIONS],
        action="append",
        help="run only this section (repeatable)",
    )
    args = parser.parse_args(argv)
    settings = BenchSettings(
        bars=args.bars,
        repeats=args.repeats,
        seed=args.seed,
        api_bars=args.api_bars,
        assets=args.assets,
        api_repeats=args.api_repeats,
    )

    failed = []
    for section in SECTIONS:
        if args.only and section.__name__.removesuffix("_section") not in args.only:
            continue
        outcome = section(settings)
        print("\n".join(outcome.lines))
        print(f"  {'PASS' if outcome.passed else 'FAIL'}")
        if not outcome.passed:
            failed.append(outcome.name)
    if failed:
        print(f"missed target: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
