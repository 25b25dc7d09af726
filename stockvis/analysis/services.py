"""Analysis orchestration: indicator reports for the API and CLI, and the screener's snapshots."""

# The indicator API and `stockvis indicators` call `indicator_report`; the screener reads
# snapshots that `snapshots_refresh` writes after every daily ingest (`prices_changed`, wired in
# apps.py). A snapshot costs one bar read plus TA-Lib over the history (7 ms for three years
# of bars; see bench/indicators.py), so a small ingest refreshes inline, which keeps
# the screener consistent the moment the ingest commits, and a big one goes to the Celery worker.

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Final

import numpy as np
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from stockvis.analysis.indicators import Bars, IndicatorResult, IndicatorSpec, compute_indicators
from stockvis.analysis.models import IndicatorSnapshot
from stockvis.analysis.selectors import (
    ScreenerFilters,
    ScreenerPage,
    assets_missing_snapshot,
    count_assets_missing_snapshot,
    history,
    screener_page,
    window_bars,
)
from stockvis.analysis.sessions import closed_bar_count
from stockvis.analysis.signals import (
    DEFAULT_CONFIG,
    SignalConfig,
    SignalName,
    SignalReport,
    compute_signals,
    latest_snapshot,
    required_indicator_spec,
)
from stockvis.core.symbols import InvalidSymbol, normalize_symbol
from stockvis.market.models import SYNTHETIC_SOURCE, Asset
from stockvis.market.params import ChartWindow
from stockvis.market.selectors import BarColumns
from stockvis.providers.synthetic import SYNTHETIC_LABEL

logger = logging.getLogger(__name__)

# The same words as the market API's notice, so every page says it alike.
SYNTHETIC_NOTICE: Final = SYNTHETIC_LABEL
# What a snapshot stores: the defaults plus the 50- and 200-bar averages the screener filters on.
SNAPSHOT_SPEC: Final = IndicatorSpec(sma_periods=(20, 50, 200), ema_periods=(20, 50, 200))
SNAPSHOT_VALUE_FIELDS: Final = (
    "rsi",
    "macd",
    "macd_signal",
    "macd_hist",
    "bb_upper",
    "bb_middle",
    "bb_lower",
    "sma_20",
    "sma_50",
    "sma_200",
    "ema_20",
    "ema_50",
    "ema_200",
    "stoch_k",
    "stoch_d",
    "obv",
    "atr",
)
DIRECTION_FIELDS: Final = {
    SignalName.RSI: "rsi_direction",
    SignalName.MACD: "macd_direction",
    SignalName.BBANDS: "bbands_direction",
    SignalName.MA_CROSS: "ma_cross_direction",
    SignalName.STOCH: "stoch_direction",
    SignalName.OBV: "obv_direction",
}
# Up to this many symbols an ingest refreshes their snapshots inline (7 ms each for three years
# of bars, under 30 ms for twenty: bench/indicators.py); more go to the worker in chunks, so a
# bulk ingest never waits seconds on its commit hook.
INLINE_REFRESH_MAX: Final = 20
TASK_CHUNK: Final = 200
# Assets without any snapshot yet that one screener request computes on the spot.
LAZY_SNAPSHOT_LIMIT: Final = 50
COMPLETE_CHECK_TTL: Final = 300
_COMPLETE_KEY: Final = "analysis:snapshots-complete"
_WRITE_BATCH: Final = 500


_EPOCH_ORDINAL: Final = dt.date(1970, 1, 1).toordinal()


def _bars(columns: BarColumns) -> Bars:
    # Through ordinals: numpy converts date objects one by one, about ten times slower.
    ordinals = np.fromiter(
        (day.toordinal() for day in columns.dates), dtype=np.int64, count=len(columns.dates)
    )
    return Bars(
        open=columns.open,
        high=columns.high,
        low=columns.low,
        close=columns.close,
        volume=columns.volume,
        dates=(ordinals - _EPOCH_ORDINAL).astype("datetime64[D]"),
    )


# --- indicator report (API and CLI) --------------------------------------------------------


@dataclass(frozen=True, eq=False)
class IndicatorReport:
    """Indicators over an asset's whole history, the window to show, signals on closed bars."""

    asset: Asset
    window: ChartWindow
    spec: IndicatorSpec
    config: SignalConfig
    columns: BarColumns
    values: IndicatorResult
    window_start: int
    closed: int
    signals: SignalReport

    @property
    def synthetic(self) -> bool:
        return self.columns.source == SYNTHETIC_SOURCE

    @property
    def dates(self) -> list[dt.date]:
        return self.columns.dates[self.window_start :]

    def series(self, name: str) -> np.ndarray:
        return self.values[name][self.window_start :]

    def latest(self) -> dict[str, float | None]:
        """The values at the last closed bar (None while warming up or without bars)."""
        if self.closed == 0:
            return dict.fromkeys(self.spec.output_names())
        last = self.values.head(self.closed).latest()
        return {name: last[name] for name in self.spec.output_names()}


def indicator_report(
    *,
    asset: Asset,
    window: ChartWindow,
    spec: IndicatorSpec,
    config: SignalConfig = DEFAULT_CONFIG,
    now: dt.datetime,
    adjusted: bool = True,
) -> IndicatorReport:
    """Compute `spec` (widened to what the signals read) over all stored bars up to the latest.

    The window only cuts what is shown; the history before it is the warm-up, so the first
    visible values are filled whenever enough history exists.
    """
    found = window_bars(asset, window, now=now, adjusted=adjusted)
    bars = _bars(found.columns)
    values = compute_indicators(bars, required_indicator_spec(spec, config))
    signals = compute_signals(bars.head(found.closed), values.head(found.closed), config)
    return IndicatorReport(
        asset=asset,
        window=window,
        spec=spec,
        config=config,
        columns=found.columns,
        values=values,
        window_start=found.window_start,
        closed=found.closed,
        signals=signals,
    )


# --- snapshots ---------------------------------------------------------------------------------


def _finite(value: float | None) -> float | None:
    return value if value is not None and np.isfinite(value) else None


def _snapshot_fields(asset: Asset, *, now: dt.datetime) -> dict[str, Any]:
    columns = history(asset)
    closed = closed_bar_count(columns.dates, exchange=asset.exchange, bar_type="daily", now=now)
    fields: dict[str, Any] = {
        "computed_at": now,
        "source": columns.source,
        "bar_count": closed,
        "as_of": None,
        "close": None,
        "previous_close": None,
        "change_percent": None,
        "score": 0.0,
        "label": "neutral",
        "signals": [],
        "weights": {},
        **dict.fromkeys(SNAPSHOT_VALUE_FIELDS),
        **dict.fromkeys(DIRECTION_FIELDS.values(), "neutral"),
    }
    if closed == 0:
        return fields
    snapshot = latest_snapshot(_bars(columns).head(closed), SNAPSHOT_SPEC)
    close = snapshot.close
    previous = float(columns.close[closed - 2]) if closed >= 2 else None
    fields.update(
        as_of=snapshot.date,
        close=close,
        previous_close=previous,
        change_percent=(close / previous - 1) * 100 if previous else None,
        score=snapshot.composite.score,
        label=snapshot.composite.label.value,
        weights=dict(snapshot.composite.weights),
        signals=[signal_as_dict(signal) for signal in snapshot.signals],
    )
    for name in SNAPSHOT_VALUE_FIELDS:
        fields[name] = _finite(snapshot.indicators.get(name))
    for signal in snapshot.signals:
        if signal.name in DIRECTION_FIELDS:
            fields[DIRECTION_FIELDS[signal.name]] = signal.direction.value
    return fields


def signal_as_dict(signal: Any) -> dict[str, Any]:
    """An `IndicatorSignal` as plain JSON-ready values (NaN as None)."""
    return {
        "name": signal.name.value,
        "date": signal.date.isoformat() if signal.date else None,
        "direction": signal.direction.value,
        "strength": round(float(signal.strength), 4),
        "reason": signal.reason,
        "reason_code": signal.code,
        "reason_params": {
            key: _finite(value) if isinstance(value, float) else value
            for key, value in signal.params.items()
        },
        "value": _finite(signal.value),
        "has_data": signal.has_data,
    }


def snapshots_refresh_assets(*, assets: Iterable[Asset], now: dt.datetime) -> int:
    """Recompute and upsert the snapshot of each asset; returns how many were written."""
    written = 0
    batch: list[IndicatorSnapshot] = []
    update_fields: list[str] = []
    for asset in assets:
        fields = _snapshot_fields(asset, now=now)
        update_fields = list(fields)
        batch.append(IndicatorSnapshot(asset=asset, **fields))
        if len(batch) >= _WRITE_BATCH:
            written += _upsert(batch, update_fields)
            batch = []
    if batch:
        written += _upsert(batch, update_fields)
    return written


def _upsert(batch: list[IndicatorSnapshot], update_fields: list[str]) -> int:
    with transaction.atomic():
        IndicatorSnapshot.objects.bulk_create(
            batch, update_conflicts=True, unique_fields=["asset"], update_fields=update_fields
        )
    return len(batch)


def snapshots_refresh(
    *, symbols: Iterable[str] | None = None, now: dt.datetime | None = None
) -> int:
    """Refresh the snapshots of `symbols` (all active assets when None); unknown symbols are skipped."""
    assets = Asset.objects.filter(is_active=True).order_by("id")
    if symbols is not None:
        assets = assets.filter(symbol__in=_canonical(symbols))
    return snapshots_refresh_assets(
        assets=assets.iterator(chunk_size=_WRITE_BATCH), now=now or timezone.now()
    )


def _canonical(symbols: Iterable[str]) -> list[str]:
    canonical = []
    for raw in symbols:
        try:
            canonical.append(normalize_symbol(raw))
        except InvalidSymbol:
            logger.warning("skipping invalid symbol %r in a snapshot refresh", raw)
    return canonical


def snapshots_refresh_after_ingest(*, symbols: Sequence[str], kind: str = "daily") -> None:
    """`prices_changed` receiver: refresh inline when few symbols changed, else on the worker.

    Weekly ingests change nothing a snapshot reads. An inline failure never breaks the ingest
    that sent the signal: it is logged and the refresh is handed to the worker instead.
    """
    if kind != "daily" or not symbols:
        return
    symbols = list(symbols)
    if len(symbols) <= INLINE_REFRESH_MAX:
        try:
            snapshots_refresh(symbols=symbols)
            return
        except Exception:
            logger.exception("inline snapshot refresh failed; queueing it for the worker")
    snapshots_enqueue(symbols=symbols)


def snapshots_enqueue_all() -> int:
    """Queue a refresh of every active asset in chunks, so many workers share a full rebuild."""
    symbols = list(
        Asset.objects.filter(is_active=True).order_by("id").values_list("symbol", flat=True)
    )
    snapshots_enqueue(symbols=symbols)
    return len(symbols)


def snapshots_enqueue(*, symbols: Sequence[str]) -> None:
    """Queue snapshot refreshes in chunks, once the current transaction commits."""
    from stockvis.analysis.tasks import refresh_snapshots

    for start in range(0, len(symbols), TASK_CHUNK):
        chunk = list(symbols[start : start + TASK_CHUNK])
        transaction.on_commit(partial(refresh_snapshots.delay, chunk))


# --- screener ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScreenerResult:
    page: ScreenerPage
    computed_now: int
    missing: int


def _snapshots_heal(*, now: dt.datetime) -> tuple[int, int]:
    """Compute a few never-snapshotted assets; returns (computed now, still missing)."""
    # Once nothing is missing the check rests for a while: a missing snapshot only comes from
    # bars loaded behind the collector's back, and it can wait that long to be healed.
    if cache.get(_COMPLETE_KEY):
        return 0, 0
    missing_assets = assets_missing_snapshot(LAZY_SNAPSHOT_LIMIT + 1)
    computed = snapshots_refresh_assets(assets=missing_assets[:LAZY_SNAPSHOT_LIMIT], now=now)
    missing = count_assets_missing_snapshot() if len(missing_assets) > LAZY_SNAPSHOT_LIMIT else 0
    if not missing:
        cache.set(_COMPLETE_KEY, True, COMPLETE_CHECK_TTL)
    return computed, missing


def screener_run(
    *, filters: ScreenerFilters, sort: str, page: int, page_size: int, now: dt.datetime
) -> ScreenerResult:
    """One page of the screener; assets never snapshotted are computed first, a few per request.

    Normally every asset already has a snapshot (ingests keep them fresh), so this is a count
    and one page read along an index. Data that arrived without the ingest signal heals here,
    at most `LAZY_SNAPSHOT_LIMIT` assets per request and checked for at most every
    `COMPLETE_CHECK_TTL` seconds once none is missing; `missing` says how many remain
    (`stockvis indicators --refresh-all` computes them all).
    """
    computed, missing = _snapshots_heal(now=now)
    return ScreenerResult(
        page=screener_page(filters, sort=sort, page=page, page_size=page_size),
        computed_now=computed,
        missing=missing,
    )
