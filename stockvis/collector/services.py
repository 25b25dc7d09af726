"""Write paths of collection: register assets, ingest what providers return, record job runs.

Every ingest (``collect``, ``backfill``, ``import_prices``, the demo loader) goes through the same
steps: fetch everything for one asset outside any transaction (network calls never hold a write
lock), validate, then write that asset whole in one transaction or not at all. A ``JobRun``
records the outcome per asset; ``prices_changed`` is sent after commit for symbols whose bars
changed; a failed or partly failed job posts an alert.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial

import pandas as pd
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from stockvis.collector import selectors
from stockvis.collector.models import DataQualityFlag, JobRun, JobStatus
from stockvis.collector.selectors import Coverage, Freshness
from stockvis.collector.upsert import PRICE_FIELDS, BarColumns, UpsertCounts, bars_upsert
from stockvis.collector.validators import QualityFlag, check_ohlc, validate_prices
from stockvis.core import alerts
from stockvis.core.calendars import UnknownExchange, is_session
from stockvis.core.logging import log_context
from stockvis.core.symbols import normalize_symbol
from stockvis.market.models import (
    STATEMENT_MODELS,
    Asset,
    CompanyProfile,
    DailyPrice,
    Market,
    PriceBarBase,
    WeeklyPrice,
)
from stockvis.market.signals import prices_changed
from stockvis.providers.base import (
    AssetInfo,
    AssetRef,
    Category,
    CompanyOverview,
    DataKind,
    MarketDataProvider,
    ProviderError,
    StatementKind,
    StatementReport,
)
from stockvis.providers.registry import provider_build
from stockvis.providers.synthetic import SyntheticProvider

__all__ = [
    "PRICE_FIELDS",
    "AssetResult",
    "IngestPlan",
    "JobReport",
    "UpsertCounts",
    "asset_add",
    "asset_register",
    "collect",
    "prices_import",
    "prices_upsert",
]

logger = logging.getLogger(__name__)

ALL_KINDS: tuple[DataKind, ...] = (
    DataKind.DAILY,
    DataKind.WEEKLY,
    DataKind.OVERVIEW,
    DataKind.STATEMENTS,
)
_MAX_WARNINGS = 50

ProviderFor = Callable[[str], MarketDataProvider]
Progress = Callable[[int, int, "AssetResult"], None]


# --- results ---------------------------------------------------------------------------------


@dataclass
class AssetResult:
    """What one job did for one asset. ``status``: ok | partial | failed.

    ``partial`` means stored, but rows were rejected by validation or (backfill) some chunks
    failed after others committed; ``failed`` means nothing of this run was stored for the asset.
    """

    symbol: str
    provider: str = ""
    status: str = "ok"
    counts: dict[str, UpsertCounts] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    quota_exhausted: bool = False
    #: The error may pass on its own (timeout, 5xx, throttling): worth retrying the task.
    transient: bool = False
    flags: int = 0
    rejected: int = 0

    @property
    def total(self) -> UpsertCounts:
        return sum(self.counts.values(), UpsertCounts())

    def fail(self, reason: str, *, quota: bool = False, transient: bool = False) -> None:
        self.status = "failed"
        self.error = reason
        self.quota_exhausted = self.quota_exhausted or quota
        self.transient = transient and not quota

    def rolled_back(self) -> None:
        """The asset's transaction was rolled back: nothing it counted was stored."""
        self.counts.clear()
        self.flags = 0

    def as_json(self) -> dict[str, object]:
        total = self.total
        return {
            "status": self.status,
            "provider": self.provider,
            **total.as_dict(),
            "kinds": {kind: counts.as_dict() for kind, counts in self.counts.items()},
            "rejected": self.rejected,
            "flags": self.flags,
            "warnings": self.warnings[:_MAX_WARNINGS],
            "warning_count": len(self.warnings),
            "error": self.error,
            "quota_exhausted": self.quota_exhausted,
            "transient": self.transient,
        }


@dataclass
class JobReport:
    job: JobRun
    results: list[AssetResult]
    elapsed: float

    def _count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def ok(self) -> int:
        return self._count("ok")

    @property
    def partial(self) -> int:
        return self._count("partial")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def totals(self) -> UpsertCounts:
        return sum((r.total for r in self.results), UpsertCounts())

    @property
    def warnings(self) -> int:
        return sum(len(r.warnings) for r in self.results)

    @property
    def exit_code(self) -> int:
        """0 all succeeded, 1 partial failure, 2 total failure."""
        return {JobStatus.SUCCESS: 0, JobStatus.PARTIAL_FAILURE: 1}.get(
            JobStatus(self.job.status), 2
        )

    def kind_totals(self, kind: str) -> UpsertCounts:
        return sum((r.counts.get(kind, UpsertCounts()) for r in self.results), UpsertCounts())


@dataclass(frozen=True)
class IngestPlan:
    """What to fetch for one asset: date ranges for bars, flags for the rest."""

    daily: tuple[dt.date, dt.date] | None = None
    weekly: tuple[dt.date, dt.date] | None = None
    overview: bool = False
    statements: bool = False

    @classmethod
    def for_range(cls, start: dt.date, end: dt.date, kinds: Iterable[DataKind]) -> IngestPlan:
        wanted = set(kinds)
        # A weekly bar is labelled with its week's last session; read from the week's Monday so
        # the first week is whole.
        monday = start - dt.timedelta(days=start.weekday())
        return cls(
            daily=(start, end) if DataKind.DAILY in wanted else None,
            weekly=(monday, end) if DataKind.WEEKLY in wanted else None,
            overview=DataKind.OVERVIEW in wanted,
            statements=DataKind.STATEMENTS in wanted,
        )


@dataclass
class _Fetched:
    daily: pd.DataFrame | None = None
    weekly: pd.DataFrame | None = None
    overview: CompanyOverview | None = None
    statements: list[StatementReport] | None = None
    warnings: list[str] = field(default_factory=list)


# --- the asset master ------------------------------------------------------------------------


def market_of(info: AssetInfo) -> str:
    if info.exchange == "XKRX":
        return Market.KR
    if info.exchange in {"XNYS", "XNAS"}:
        return Market.US
    return Market.GLOBAL


def asset_register(
    *, info: AssetInfo, market: str, source: str, provider_symbols: dict[str, str] | None = None
) -> Asset:
    """Create or refresh an asset from what a provider says about it; provider symbols merge."""
    symbol = normalize_symbol(info.symbol)
    existing = Asset.objects.filter(symbol=symbol).first()
    symbols = {**(existing.provider_symbols if existing else {}), **(provider_symbols or {})}
    asset, _ = Asset.objects.update_or_create(
        symbol=symbol,
        defaults={
            "name": info.name,
            "name_local": info.name_local,
            "category": info.category.value,
            "market": market,
            "exchange": info.exchange,
            "currency": info.currency,
            "preferred_source": source,
            "listing_date": info.listing_date,
            "provider_symbols": symbols,
        },
    )
    return asset


def asset_add(*, symbol: str, provider: MarketDataProvider) -> Asset:
    """Register ``symbol`` from what ``provider`` says it is (category, exchange, currency)."""
    canonical = normalize_symbol(symbol)
    info = provider.describe_asset(canonical)
    remote = info.provider_symbol
    return asset_register(
        info=info,
        market=market_of(info),
        source=provider.name,
        provider_symbols={provider.name: remote} if remote and remote != info.symbol else {},
    )


def asset_ref(asset: Asset, provider_name: str) -> AssetRef:
    return AssetRef(
        symbol=asset.symbol,
        exchange=asset.exchange,
        category=Category(asset.category),
        currency=asset.currency,
        provider_symbol=str(asset.provider_symbols.get(provider_name) or ""),
    )


# --- writes ----------------------------------------------------------------------------------


def prices_upsert(
    *,
    asset: Asset,
    frame: pd.DataFrame,
    source: str,
    model: type[PriceBarBase] = DailyPrice,
    now: dt.datetime | None = None,
) -> UpsertCounts:
    """Idempotent upsert keyed on (asset, date, source); see ``upsert`` for the ingested_at rule."""
    if frame.empty:
        return UpsertCounts()
    frame = frame.drop_duplicates(subset="date", keep="last")
    return bars_upsert(
        model=model,
        bars=BarColumns.from_frame(frame, asset.pk),
        source=source,
        now=now or timezone.now(),
    )


def _weekly_replace(*, asset: Asset, frame: pd.DataFrame, source: str) -> int:
    """Drop stored weekly bars that an incoming bar of the same week supersedes.

    An unfinished week is labelled with its latest session so far, so Wednesday's label and
    Friday's differ; without this both would stay.
    """
    if frame.empty:
        return 0
    incoming = {ts.date() for ts in frame["date"]}
    weeks = {d - dt.timedelta(days=d.weekday()) for d in incoming}
    stored = WeeklyPrice.objects.filter(
        asset=asset,
        source=source,
        date__gte=min(weeks),
        date__lte=max(weeks) + dt.timedelta(days=6),
    ).values_list("date", flat=True)
    stale = [d for d in stored if d not in incoming and d - dt.timedelta(days=d.weekday()) in weeks]
    if not stale:
        return 0
    deleted, _ = WeeklyPrice.objects.filter(asset=asset, source=source, date__in=stale).delete()
    return deleted


def flags_record(
    *, asset: Asset, flags: Sequence[QualityFlag], source: str, job: JobRun | None
) -> int:
    """Store quality flags; the same (asset, date, kind) again updates its detail, never dupes."""
    if not flags:
        return 0
    unique = {(f.date, f.kind): f for f in flags}
    DataQualityFlag.objects.bulk_create(
        [
            DataQualityFlag(
                asset=asset,
                date=f.date,
                kind=f.kind,
                detail=f.detail[:500],
                source=source,
                job_run=job,
            )
            for f in unique.values()
        ],
        update_conflicts=True,
        unique_fields=["asset", "date", "kind"],
        update_fields=["detail", "source", "job_run"],
    )
    return len(unique)


def _profile_values(overview: CompanyOverview, source: str) -> dict[str, object]:
    """The overview as column values: unknown keys dropped, a missing text is "" (text columns
    are not nullable), a missing number or date stays null."""
    columns = {f.name: f for f in CompanyProfile._meta.concrete_fields}
    values: dict[str, object] = {"source": source}
    for name, value in overview.fields.items():
        column = columns.get(name)
        if column is None or name in {"id", "asset", "ingested_at"}:
            continue
        if value is None and isinstance(column, models.CharField | models.TextField):
            value = ""
        values[name] = value
    return values


def profile_upsert(*, asset: Asset, overview: CompanyOverview, source: str) -> UpsertCounts:
    values = _profile_values(overview, source)
    current = CompanyProfile.objects.filter(asset=asset).first()
    if current is None:
        CompanyProfile.objects.create(asset=asset, ingested_at=timezone.now(), **values)
        return UpsertCounts(inserted=1)
    changed = [name for name, value in values.items() if getattr(current, name) != value]
    if not changed:
        return UpsertCounts(unchanged=1)
    for name in changed:
        setattr(current, name, values[name])
    current.ingested_at = timezone.now()
    current.save(update_fields=[*changed, "ingested_at"])
    return UpsertCounts(updated=1)


def statements_upsert(
    *, asset: Asset, reports: Iterable[StatementReport], source: str
) -> UpsertCounts:
    """Upsert statement periods keyed on (asset, period_type, fiscal_date_ending)."""
    counts = UpsertCounts()
    now = timezone.now()
    by_kind: dict[str, list[StatementReport]] = {}
    for report in reports:
        by_kind.setdefault(report.kind.value, []).append(report)
    for kind, group in by_kind.items():
        model = STATEMENT_MODELS[kind]
        latest = {(r.period_type.value, r.fiscal_date_ending): r for r in group}
        names = sorted({name for r in latest.values() for name in r.values})
        compared = [*names, "fiscal_year", "fiscal_quarter", "reported_currency", "source"]
        stored = {
            (row["period_type"], row["fiscal_date_ending"]): row
            for row in model._default_manager.filter(asset=asset).values(
                "period_type", "fiscal_date_ending", *compared
            )
        }
        to_write = []
        for (period, ending), report in latest.items():
            row = {
                **{name: report.values.get(name) for name in names},
                "fiscal_year": ending.year,
                "fiscal_quarter": (ending.month - 1) // 3 + 1 if period == "quarterly" else None,
                "reported_currency": report.reported_currency[:3],
                "source": source,
            }
            old = stored.get((period, ending))
            if old is not None and all(old[k] == row[k] for k in compared):
                counts = counts + UpsertCounts(unchanged=1)
                continue
            counts = counts + (UpsertCounts(updated=1) if old else UpsertCounts(inserted=1))
            to_write.append(
                model(
                    asset=asset,
                    period_type=period,
                    fiscal_date_ending=ending,
                    ingested_at=now,
                    **row,
                )
            )
        model._default_manager.bulk_create(
            to_write,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["asset", "period_type", "fiscal_date_ending"],
            update_fields=[*compared, "ingested_at"],
        )
    return counts


def last_stored_date(
    *, asset: Asset, source: str, model: type[PriceBarBase] = DailyPrice
) -> dt.date | None:
    return (
        model._default_manager.filter(asset=asset, source=source)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )


def _announce(symbol: str, kind: str) -> None:
    """Tell listeners after commit (cache versions, indicator snapshots, alerts)."""
    transaction.on_commit(partial(prices_changed.send, sender=Asset, symbols=[symbol], kind=kind))


# --- one asset: fetch, validate, write ---------------------------------------------------------


def _statements_fetch(
    provider: MarketDataProvider, ref: AssetRef, kind: StatementKind, today: dt.date
) -> list[StatementReport]:
    if isinstance(provider, SyntheticProvider):
        # The synthetic provider reports periods up to "today"; pass ours so runs are repeatable.
        return provider.statements(ref, kind, today=today)
    return provider.statements(ref, kind)


def _fetch(
    provider: MarketDataProvider, ref: AssetRef, plan: IngestPlan, today: dt.date
) -> _Fetched:
    fetched = _Fetched()
    if plan.daily and provider.supports(ref, DataKind.DAILY):
        fetched.daily = provider.daily_prices(ref, *plan.daily)
        dropped = int(fetched.daily.attrs.get("dropped_all_nan_rows", 0) or 0)
        if dropped:
            fetched.warnings.append(f"daily: provider sent {dropped} all-NaN rows, dropped")
    if plan.weekly and provider.supports(ref, DataKind.WEEKLY):
        fetched.weekly = provider.weekly_prices(ref, *plan.weekly)
    if plan.overview and provider.supports(ref, DataKind.OVERVIEW):
        fetched.overview = provider.company_overview(ref)
    if plan.statements and provider.supports(ref, DataKind.STATEMENTS):
        fetched.statements = [
            report
            for kind in StatementKind
            for report in _statements_fetch(provider, ref, kind, today)
        ]
    return fetched


def _daily_write(
    *, asset: Asset, frame: pd.DataFrame, source: str, job: JobRun | None, result: AssetResult
) -> None:
    report = validate_prices(
        frame, exchange=asset.exchange, spike_threshold=settings.PRICE_SPIKE_THRESHOLD
    )
    result.rejected += len(report.rejected)
    result.warnings.extend(f"daily {w}" for w in report.warnings)
    result.flags += flags_record(asset=asset, flags=report.flags, source=source, job=job)
    counts = prices_upsert(asset=asset, frame=report.clean, source=source)
    result.counts["daily"] = result.counts.get("daily", UpsertCounts()) + counts
    if counts.written:
        _announce(asset.symbol, "daily")


def _weekly_write(*, asset: Asset, frame: pd.DataFrame, source: str, result: AssetResult) -> None:
    clean, rejected = check_ohlc(frame)
    result.rejected += len(rejected)
    result.warnings.extend(f"weekly {i.date}: rejected, {i.detail}" for i in rejected)
    replaced = _weekly_replace(asset=asset, frame=clean, source=source)
    counts = prices_upsert(asset=asset, frame=clean, source=source, model=WeeklyPrice)
    result.counts["weekly"] = result.counts.get("weekly", UpsertCounts()) + counts
    if counts.written or replaced:
        _announce(asset.symbol, "weekly")


def _write(
    *, asset: Asset, fetched: _Fetched, source: str, job: JobRun | None, result: AssetResult
) -> None:
    """All of one asset in one transaction: it lands whole or not at all."""
    with transaction.atomic():
        if fetched.daily is not None:
            _daily_write(asset=asset, frame=fetched.daily, source=source, job=job, result=result)
        if fetched.weekly is not None:
            _weekly_write(asset=asset, frame=fetched.weekly, source=source, result=result)
        if fetched.overview is not None:
            result.counts["overview"] = profile_upsert(
                asset=asset, overview=fetched.overview, source=source
            )
        if fetched.statements is not None:
            result.counts["statements"] = statements_upsert(
                asset=asset, reports=fetched.statements, source=source
            )
    result.warnings[:0] = fetched.warnings
    if result.rejected:
        result.status = "partial"


# --- jobs ------------------------------------------------------------------------------------


@dataclass
class _Target:
    symbol: str
    asset: Asset | None
    plan: IngestPlan
    provider_name: str
    error: str | None = None


def _job_start(*, job_name: str, provider: str, parameters: dict[str, object]) -> JobRun:
    return JobRun.objects.create(
        job_name=job_name,
        status=JobStatus.RUNNING,
        provider=provider,
        parameters=parameters,
        started_at=timezone.now(),
    )


def _job_finish(job: JobRun, results: Sequence[AssetResult], *, alert: bool = True) -> None:
    # An asset with an error counts as failed for the job, even when a backfill stored some of
    # its chunks before the error (its status is then "partial").
    failed = [r for r in results if r.error]
    if not failed:
        job.status = JobStatus.SUCCESS
    elif all(r.status == "failed" for r in results):
        job.status = JobStatus.FAILURE
    else:
        job.status = JobStatus.PARTIAL_FAILURE
    job.ended_at = timezone.now()
    job.results = {r.symbol: r.as_json() for r in results}
    exhausted = sorted({r.provider for r in results if r.quota_exhausted})
    reasons = "; ".join(f"{r.symbol} ({r.error})" for r in failed[:20])
    job.error_summary = (
        {
            "failed": {r.symbol: r.error for r in failed},
            "quota_exhausted": exhausted,
            "message": f"{len(failed)} of {len(results)} assets failed: {reasons}",
        }
        if failed
        else {}
    )
    job.save(update_fields=["status", "ended_at", "results", "error_summary"])
    logger.info(
        "job %s #%s ended %s: %d assets, %d failed",
        job.job_name,
        job.pk,
        job.status,
        len(results),
        len(failed),
        extra={"job_id": job.pk, "status": job.status},
    )
    if alert and failed:
        job_alert(job=job)


def job_alert(*, job: JobRun) -> bool:
    """Post a failed or partly failed job to the alert webhook (no URL: nothing happens)."""
    failed = job.error_summary.get("failed", {}) if isinstance(job.error_summary, dict) else {}
    ended = job.ended_at or timezone.now()
    return alerts.alert_post(
        title=f"Stock-Vis job {job.job_name} #{job.pk}: {job.status}",
        description=alerts.lines([f"{symbol}: {reason}" for symbol, reason in failed.items()]),
        fields={
            "job": job.job_name,
            "status": job.status,
            "failed assets": ", ".join(failed) or "-",
            "time": ended.isoformat(timespec="seconds"),
        },
        color=alerts.RED if job.status == JobStatus.FAILURE else alerts.AMBER,
    )


class _Providers:
    """Providers by name, built once per job; a provider that cannot be built fails its assets."""

    def __init__(self, forced: MarketDataProvider | None = None) -> None:
        self.forced = forced
        self.cache: dict[str, MarketDataProvider | ProviderError] = {}

    def get(self, name: str) -> MarketDataProvider:
        if self.forced is not None:
            return self.forced
        if name not in self.cache:
            try:
                self.cache[name] = provider_build(name)
            except ProviderError as exc:
                self.cache[name] = exc
        found = self.cache[name]
        if isinstance(found, ProviderError):
            raise found
        return found


Runner = Callable[[_Target, AssetResult], None]


def _run(
    *,
    job: JobRun,
    targets: Sequence[_Target],
    providers: _Providers,
    today: dt.date,
    progress: Progress | None = None,
    runner: Runner | None = None,
) -> list[AssetResult]:
    results: list[AssetResult] = []
    exhausted: dict[str, str] = {}
    for done, target in enumerate(targets, start=1):
        result = AssetResult(symbol=target.symbol, provider=target.provider_name)
        with log_context(asset=target.symbol):
            if target.error or target.asset is None:
                result.fail(target.error or "not registered")
            elif target.provider_name in exhausted:
                # Not spun on: the quota is spent, so no call is made until it resets.
                result.fail(f"skipped: {exhausted[target.provider_name]}", quota=True)
            else:
                if runner is not None:
                    runner(target, result)
                else:
                    _asset_run(
                        job=job, target=target, providers=providers, today=today, result=result
                    )
                if result.quota_exhausted:
                    exhausted[target.provider_name] = result.error or "daily quota spent"
            level = logging.WARNING if result.status == "failed" else logging.INFO
            logger.log(
                level,
                "%s %s: %s",
                target.symbol,
                result.status,
                result.error or result.total.as_dict(),
            )
        results.append(result)
        if progress is not None:
            progress(done, len(targets), result)
    return results


def _asset_run(
    *,
    job: JobRun,
    target: _Target,
    providers: _Providers,
    today: dt.date,
    result: AssetResult,
) -> None:
    assert target.asset is not None
    try:
        provider = providers.get(target.provider_name)
        fetched = _fetch(provider, asset_ref(target.asset, provider.name), target.plan, today)
        _write(asset=target.asset, fetched=fetched, source=provider.name, job=job, result=result)
    except ProviderError as exc:
        result.rolled_back()
        result.fail(str(exc), quota=exc.quota_exhausted, transient=not exc.permanent)
    except Exception as exc:  # one asset's bug or bad data never stops the others
        logger.exception("collecting %s failed", target.symbol)
        result.rolled_back()
        result.fail(f"{type(exc).__name__}: {exc}")


def _assets_selected(
    *, symbols: Sequence[str] | None, market: str | None
) -> tuple[list[Asset], list[str]]:
    """Registered assets for ``symbols`` (all active ones when None) and the unknown symbols."""
    if symbols is None:
        rows = Asset.objects.filter(is_active=True)
        if market:
            rows = rows.filter(market=market)
        return list(rows.order_by("symbol")), []
    wanted = list(dict.fromkeys(normalize_symbol(s) for s in symbols))
    found = {a.symbol: a for a in Asset.objects.filter(symbol__in=wanted)}
    return [found[s] for s in wanted if s in found], [s for s in wanted if s not in found]


def _register_missing(symbol: str, providers: _Providers, provider_name: str) -> Asset:
    provider = providers.get(provider_name)
    return asset_add(symbol=symbol, provider=provider)


def collect(
    *,
    start: dt.date,
    end: dt.date,
    symbols: Sequence[str] | None = None,
    provider_name: str | None = None,
    provider: MarketDataProvider | None = None,
    kinds: Sequence[DataKind] | None = None,
    market: str | None = None,
    job_name: str = "collect",
    register_missing: bool = True,
    progress: Progress | None = None,
    alert: bool = True,
) -> JobReport:
    """Collect ``kinds`` (default all) from ``start`` to ``end`` for ``symbols`` (default: every
    active asset, or those of ``market``), each asset from ``provider_name`` or, when none is
    named, from its own preferred source. Unregistered symbols are registered first."""
    started = time.monotonic()
    kinds = tuple(kinds or ALL_KINDS)
    providers = _Providers(provider)
    forced_name = provider.name if provider is not None else provider_name
    job = _job_start(
        job_name=job_name,
        provider=forced_name or "",
        parameters={
            "start": start.isoformat(),
            "end": end.isoformat(),
            "symbols": list(symbols) if symbols is not None else None,
            "market": market,
            "kinds": [k.value for k in kinds],
        },
    )
    with log_context(job_id=job.pk, job=job_name):
        logger.info("job %s #%s started: %s..%s", job_name, job.pk, start, end)
        assets, unknown = _assets_selected(symbols=symbols, market=market)
        plan = IngestPlan.for_range(start, end, kinds)
        targets: list[_Target] = []
        for asset in assets:
            name = forced_name or asset.preferred_source
            if symbols is None and forced_name:
                # Without a symbol list, a named provider collects only what it offers.
                try:
                    offered = providers.get(name).supports(asset_ref(asset, name), DataKind.DAILY)
                except ProviderError:
                    offered = True  # let the asset fail with the provider's reason
                if not offered:
                    continue
            targets.append(_Target(asset.symbol, asset, plan, name))
        for symbol in unknown:
            name = forced_name or settings.DEFAULT_PROVIDER
            target = _Target(symbol, None, plan, name)
            if register_missing:
                try:
                    with log_context(asset=symbol):
                        target.asset = _register_missing(symbol, providers, name)
                except ProviderError as exc:
                    target.error = f"cannot register: {exc}"
            else:
                target.error = "not registered; run `stockvis assets add` first"
            targets.append(target)
        results = _run(job=job, targets=targets, providers=providers, today=end, progress=progress)
        _job_finish(job, results, alert=alert)
    return JobReport(job=job, results=results, elapsed=time.monotonic() - started)


def plan_run(
    *,
    job_name: str,
    provider: MarketDataProvider,
    plans: Sequence[tuple[Asset, IngestPlan]],
    today: dt.date,
    parameters: dict[str, object] | None = None,
    alert: bool = True,
) -> JobReport:
    """Run explicit per-asset plans from one provider as a job (the demo loader's top-up)."""
    started = time.monotonic()
    job = _job_start(job_name=job_name, provider=provider.name, parameters=parameters or {})
    with log_context(job_id=job.pk, job=job_name):
        targets = [_Target(a.symbol, a, plan, provider.name) for a, plan in plans]
        results = _run(job=job, targets=targets, providers=_Providers(provider), today=today)
        _job_finish(job, results, alert=alert)
    return JobReport(job=job, results=results, elapsed=time.monotonic() - started)


def prices_import(
    *, frame: pd.DataFrame, symbol: str, source: str, warnings: Sequence[str] = ()
) -> JobReport:
    """Store bars read from a file as one job (``import-prices``), validated like any ingest."""
    started = time.monotonic()
    canonical = normalize_symbol(symbol)
    job = _job_start(job_name="import_prices", provider=source, parameters={"symbol": canonical})
    result = AssetResult(symbol=canonical, provider=source, warnings=list(warnings))
    with log_context(job_id=job.pk, job="import_prices", asset=canonical):
        asset = Asset.objects.filter(symbol=canonical).first()
        if asset is None:
            result.fail(f"{canonical} is not registered; run `stockvis assets add {canonical}`")
        else:
            try:
                with transaction.atomic():
                    _daily_write(asset=asset, frame=frame, source=source, job=job, result=result)
                if result.rejected:
                    result.status = "partial"
            except Exception as exc:
                logger.exception("importing %s failed", canonical)
                result.rolled_back()
                result.fail(f"{type(exc).__name__}: {exc}")
        _job_finish(job, [result])
    return JobReport(job=job, results=[result], elapsed=time.monotonic() - started)


# --- backfill --------------------------------------------------------------------------------


@dataclass
class BackfillReport:
    report: JobReport
    coverage: list[Coverage]


def _chunks(missing: Sequence[dt.date], chunk_days: int) -> list[tuple[dt.date, dt.date]]:
    """Missing sessions grouped into requests spanning at most ``chunk_days`` calendar days.

    Nearby holes share a request (re-reading the stored days between them costs nothing but an
    unchanged count), so scattered holes do not each spend a call of the daily quota.
    """
    chunks: list[tuple[dt.date, dt.date]] = []
    for day in missing:
        if chunks and (day - chunks[-1][0]).days < chunk_days:
            chunks[-1] = (chunks[-1][0], day)
        else:
            chunks.append((day, day))
    return chunks


def _backfill_asset(
    *,
    job: JobRun,
    target: _Target,
    providers: _Providers,
    start: dt.date,
    end: dt.date,
    coverage_end: dt.date,
    chunk_days: int,
    result: AssetResult,
) -> None:
    """Fetch the missing sessions chunk by chunk; each chunk commits on its own so a rerun
    resumes where this one stopped."""
    asset = target.asset
    assert asset is not None
    stored_any = False
    try:
        provider = providers.get(target.provider_name)
        ref = asset_ref(asset, provider.name)
        first = max(start, asset.listing_date or start)
        missing = selectors.missing_sessions(
            asset=asset, source=provider.name, start=first, end=coverage_end
        )
        if (
            coverage_end < end
            and is_session(asset.exchange, end)
            and not DailyPrice.objects.filter(asset=asset, source=provider.name, date=end).exists()
        ):
            # Today's session may already be out; ask for it too, but do not demand it.
            missing.append(end)
        chunks = _chunks(missing, chunk_days)
        if not provider.supports(ref, DataKind.DAILY):
            raise ProviderError(
                f"{provider.name} has no daily prices for {asset.symbol}",
                permanent=True,
                provider=provider.name,
            )
        for lo, hi in chunks:
            with log_context(chunk=f"{lo}..{hi}"):
                frame = provider.daily_prices(ref, lo, hi)
                with transaction.atomic():
                    _daily_write(
                        asset=asset, frame=frame, source=provider.name, job=job, result=result
                    )
            stored_any = True
        if chunks and provider.supports(ref, DataKind.WEEKLY):
            monday = chunks[0][0] - dt.timedelta(days=chunks[0][0].weekday())
            weekly = provider.weekly_prices(ref, monday, end)
            with transaction.atomic():
                _weekly_write(asset=asset, frame=weekly, source=provider.name, result=result)
        if result.rejected:
            result.status = "partial"
    except Exception as exc:
        if not isinstance(exc, ProviderError):
            logger.exception("backfilling %s failed", target.symbol)
        reason = str(exc) if isinstance(exc, ProviderError) else f"{type(exc).__name__}: {exc}"
        quota = isinstance(exc, ProviderError) and exc.quota_exhausted
        transient = isinstance(exc, ProviderError) and not exc.permanent and not quota
        if stored_any:
            result.status = "partial"
            result.error = reason
            result.quota_exhausted = quota
            result.transient = transient
        else:
            result.rolled_back()
            result.fail(reason, quota=quota, transient=transient)


def backfill(
    *,
    years: int,
    today: dt.date,
    now: dt.datetime | None = None,
    symbols: Sequence[str] | None = None,
    provider_name: str | None = None,
    provider: MarketDataProvider | None = None,
    chunk_days: int | None = None,
    progress: Progress | None = None,
) -> BackfillReport:
    """Fill ``years`` of daily history up to ``today`` with only what is missing, then report
    per asset the rows, first and last date, sessions expected by the calendar and missing."""
    started = time.monotonic()
    now = now or timezone.now()
    chunk_days = max(chunk_days or settings.BACKFILL_CHUNK_DAYS, 1)
    start = years_before(today, years)
    providers = _Providers(provider)
    forced_name = provider.name if provider is not None else provider_name
    job = _job_start(
        job_name="backfill",
        provider=forced_name or "",
        parameters={
            "years": years,
            "start": start.isoformat(),
            "end": today.isoformat(),
            "symbols": list(symbols) if symbols is not None else None,
            "chunk_days": chunk_days,
        },
    )
    coverage: list[Coverage] = []
    with log_context(job_id=job.pk, job="backfill"):
        assets, unknown = _assets_selected(symbols=symbols, market=None)
        targets = [
            _Target(a.symbol, a, IngestPlan(), forced_name or a.preferred_source) for a in assets
        ]
        targets += [_Target(s, None, IngestPlan(), "", error="not registered") for s in unknown]
        ends: dict[str, dt.date] = {}

        def run_one(target: _Target, result: AssetResult) -> None:
            assert target.asset is not None
            try:
                coverage_end = selectors.expected_latest_date(
                    exchange=target.asset.exchange, now=now
                )
            except UnknownExchange:  # no calendar to say what is expected: count up to today
                coverage_end = today
            coverage_end = min(coverage_end, today)
            ends[target.symbol] = coverage_end
            _backfill_asset(
                job=job,
                target=target,
                providers=providers,
                start=start,
                end=today,
                coverage_end=coverage_end,
                chunk_days=chunk_days,
                result=result,
            )

        results = _run(
            job=job,
            targets=targets,
            providers=providers,
            today=today,
            progress=progress,
            runner=run_one,
        )
        for target in targets:
            if target.asset is not None:
                source = forced_name or target.asset.preferred_source or target.provider_name
                first = max(start, target.asset.listing_date or start)
                coverage.append(
                    selectors.coverage_of(
                        asset=target.asset,
                        source=source,
                        start=first,
                        end=ends.get(target.symbol, today),
                    )
                )
        _job_finish(job, results)
    return BackfillReport(
        JobReport(job=job, results=results, elapsed=time.monotonic() - started), coverage
    )


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# --- health check ----------------------------------------------------------------------------


@dataclass
class HealthReport:
    job: JobRun
    rows: list[Freshness]

    @property
    def stale(self) -> list[Freshness]:
        return [r for r in self.rows if r.stale]

    @property
    def exit_code(self) -> int:
        return 1 if self.stale else 0


def healthcheck_run(
    *, now: dt.datetime | None = None, symbols: Sequence[str] | None = None, alert: bool = True
) -> HealthReport:
    """Compare each asset's newest bar with the expected date, record it as a job run and alert
    on stale assets."""
    now = now or timezone.now()
    wanted = [normalize_symbol(s) for s in symbols] if symbols else None
    job = _job_start(job_name="healthcheck", provider="", parameters={"symbols": wanted})
    with log_context(job_id=job.pk, job="healthcheck"):
        rows = selectors.freshness_of_assets(now=now, symbols=wanted)
        stale = [r for r in rows if r.stale]
        if not stale:
            job.status = JobStatus.SUCCESS
        elif len(stale) == len(rows):
            job.status = JobStatus.FAILURE
        else:
            job.status = JobStatus.PARTIAL_FAILURE
        job.ended_at = timezone.now()
        job.results = {
            r.symbol: {
                "status": r.status,
                "latest": r.latest.isoformat() if r.latest else None,
                "expected": r.expected.isoformat() if r.expected else None,
                "detail": r.detail,
            }
            for r in rows
        }
        job.error_summary = (
            {
                "stale": {r.symbol: r.detail for r in stale},
                "message": f"{len(stale)} of {len(rows)} assets are stale: "
                + ", ".join(r.symbol for r in stale[:30]),
            }
            if stale
            else {}
        )
        job.save(update_fields=["status", "ended_at", "results", "error_summary"])
        for row in stale:
            with log_context(asset=row.symbol):
                logger.warning(
                    "%s is stale: latest %s, expected %s", row.symbol, row.latest, row.expected
                )
        if stale and alert:
            alerts.alert_post(
                title=f"Stock-Vis health check: {len(stale)} stale assets",
                description=alerts.lines(
                    [
                        f"{r.symbol}: latest {r.latest or 'none'}, expected {r.expected}"
                        for r in stale
                    ]
                ),
                fields={
                    "job": "healthcheck",
                    "status": job.status,
                    "stale assets": ", ".join(r.symbol for r in stale),
                    "time": now.isoformat(timespec="seconds"),
                },
                color=alerts.AMBER,
            )
    return HealthReport(job=job, rows=rows)
