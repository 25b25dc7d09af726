"""Collection from providers: plan, fetch, write per asset, and the run loop every job shares.

Every ingest (``collect``, ``backfill``, ``prices_import``, the demo loader) goes through the same
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

import pandas as pd
from django.conf import settings
from django.db import transaction

from stockvis.collector.ingest import (
    actions_write,
    daily_write,
    profile_upsert,
    statements_upsert,
    weekly_rebuild,
    weekly_write,
)
from stockvis.collector.jobs import (
    AssetResult,
    JobReport,
    job_finish,
    job_heartbeat,
    job_start,
)
from stockvis.collector.models import JobRun
from stockvis.collector.registration import asset_add, asset_ref
from stockvis.core.calendars import UnknownExchange, sessions_between
from stockvis.core.logging import log_context
from stockvis.core.symbols import normalize_symbol
from stockvis.market.models import Asset
from stockvis.providers.base import (
    AssetRef,
    CompanyOverview,
    CorporateActionRecord,
    CorporateActionSource,
    DataKind,
    MarketDataProvider,
    ProviderError,
    StatementKind,
    StatementReport,
)
from stockvis.providers.registry import provider_build
from stockvis.providers.synthetic import SyntheticProvider

logger = logging.getLogger(__name__)

ALL_KINDS: tuple[DataKind, ...] = (
    DataKind.DAILY,
    DataKind.WEEKLY,
    DataKind.OVERVIEW,
    DataKind.STATEMENTS,
    DataKind.ACTIONS,
)

Progress = Callable[[int, int, AssetResult], None]


@dataclass(frozen=True)
class IngestPlan:
    """What to fetch for one asset: date ranges for bars, flags for the rest."""

    daily: tuple[dt.date, dt.date] | None = None
    weekly: tuple[dt.date, dt.date] | None = None
    overview: bool = False
    statements: bool = False
    actions: bool = False

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
            actions=DataKind.ACTIONS in wanted,
        )


@dataclass
class _Fetched:
    daily: pd.DataFrame | None = None
    weekly: pd.DataFrame | None = None
    #: Weeks to rebuild from the stored daily bars (providers that aggregate weekly bars).
    weekly_rebuild: tuple[dt.date, dt.date] | None = None
    #: Daily bars of those weeks fetched but not to be stored (outside the daily window).
    weekly_extra: pd.DataFrame | None = None
    overview: CompanyOverview | None = None
    statements: list[StatementReport] | None = None
    actions: list[CorporateActionRecord] | None = None
    warnings: list[str] = field(default_factory=list)


def weekly_aggregated(provider: MarketDataProvider) -> bool:
    """Whether the provider's weekly bars are its daily ones aggregated (it has no weekly
    endpoint), so the collector builds them from stored daily bars instead."""
    return bool(getattr(provider, "weekly_aggregated", False))


def _span(*windows: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date]:
    present = [w for w in windows if w is not None]
    return min(w[0] for w in present), max(w[1] for w in present)


def _within(frame: pd.DataFrame, window: tuple[dt.date, dt.date] | None) -> pd.Series:
    if window is None:
        return pd.Series(False, index=frame.index)
    return (frame["date"] >= pd.Timestamp(window[0])) & (frame["date"] <= pd.Timestamp(window[1]))


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
    if (
        plan.actions
        and isinstance(provider, CorporateActionSource)
        and provider.supports(ref, DataKind.ACTIONS)
    ):
        fetched.actions = provider.corporate_actions(ref)
    daily_window = plan.daily
    weekly_wanted = plan.weekly is not None and provider.supports(ref, DataKind.WEEKLY)
    if plan.weekly is not None and weekly_wanted and weekly_aggregated(provider):
        # Its weekly bars are its daily bars aggregated: read the dailies of the whole window
        # once, store those of the daily window, and rebuild every week the window touches from
        # storage (see ``weekly_rebuild``).
        daily_window = fetched.weekly_rebuild = _span(plan.daily, plan.weekly)
    if daily_window and provider.supports(ref, DataKind.DAILY):
        frame = provider.daily_prices(ref, *daily_window)
        dropped = int(frame.attrs.get("dropped_all_nan_rows", 0) or 0)
        if dropped:
            fetched.warnings.append(f"daily: provider sent {dropped} all-NaN rows, dropped")
        if daily_window == plan.daily:
            fetched.daily = frame
        else:
            kept = _within(frame, plan.daily)
            fetched.daily = frame.loc[kept].reset_index(drop=True) if plan.daily else None
            fetched.weekly_extra = frame.loc[~kept].reset_index(drop=True)
    if plan.weekly and weekly_wanted and fetched.weekly_rebuild is None:
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


def _write(
    *, asset: Asset, fetched: _Fetched, source: str, job: JobRun | None, result: AssetResult
) -> None:
    """All of one asset in one transaction: it lands whole or not at all."""
    with transaction.atomic():
        if fetched.actions is not None:
            # First, so the spike check of the bars below knows this asset's splits.
            actions_write(asset=asset, records=fetched.actions, source=source, result=result)
        if fetched.daily is not None:
            daily_write(asset=asset, frame=fetched.daily, source=source, job=job, result=result)
        if fetched.weekly is not None:
            weekly_write(asset=asset, frame=fetched.weekly, source=source, result=result)
        if fetched.weekly_rebuild is not None:
            first, last = fetched.weekly_rebuild
            weekly_rebuild(
                asset=asset,
                source=source,
                start=first,
                end=last,
                extra=fetched.weekly_extra,
                result=result,
            )
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


@dataclass
class Target:
    symbol: str
    asset: Asset | None
    plan: IngestPlan
    provider_name: str
    error: str | None = None


class Providers:
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


Runner = Callable[[Target, AssetResult], None]


def targets_run(
    *,
    job: JobRun,
    targets: Sequence[Target],
    providers: Providers,
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
        job_heartbeat(job)
        if progress is not None:
            progress(done, len(targets), result)
    return results


def _asset_run(
    *,
    job: JobRun,
    target: Target,
    providers: Providers,
    today: dt.date,
    result: AssetResult,
) -> None:
    assert target.asset is not None
    try:
        provider = providers.get(target.provider_name)
        fetched = _fetch(provider, asset_ref(target.asset, provider.name), target.plan, today)
        _write(asset=target.asset, fetched=fetched, source=provider.name, job=job, result=result)
        empty = _nothing_collected(target.asset, target.plan, result)
        if empty and result.rejected:
            result.fail(f"no data: every row {provider.name} returned was rejected ({empty})")
        elif empty:
            result.fail(f"no data: {provider.name} returned nothing for {target.symbol} {empty}")
    except ProviderError as exc:
        result.rolled_back()
        result.fail(str(exc), quota=exc.quota_exhausted, transient=not exc.permanent)
    except Exception as exc:  # one asset's bug or bad data never stops the others
        logger.exception("collecting %s failed", target.symbol)
        result.rolled_back()
        result.fail(f"{type(exc).__name__}: {exc}")


def _nothing_collected(asset: Asset, plan: IngestPlan, result: AssetResult) -> str:
    """Why a run that asked for bars and got no row at all is a failure ("" when it is not):
    only when the window held sessions of the asset's exchange, so a weekend is no failure."""
    windows = [w for w in (plan.daily, plan.weekly) if w is not None]
    if not windows or result.total.total or result.status == "failed":
        return ""
    first, last = _span(*windows)
    try:
        if not sessions_between(asset.exchange, first, last):
            return ""
    except UnknownExchange:
        pass  # no calendar to excuse it: an empty answer is still nothing collected
    return f"from {first} to {last}"


def assets_selected(
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


def _registered(
    symbol: str,
    plan: IngestPlan,
    providers: Providers,
    forced_name: str | None,
    register: bool,
    *,
    unresolved: bool = False,
) -> Target:
    """A target for a symbol no provider has described yet: described (and registered) by the
    named provider or DEFAULT_PROVIDER, or failed with the reason; never invented."""
    name = forced_name or settings.DEFAULT_PROVIDER
    target = Target(symbol, None, plan, name)
    if not register:
        target.error = (
            f"unresolved: no provider has described it yet; run `stockvis assets add {symbol}`"
            if unresolved
            else "not registered; run `stockvis assets add` first"
        )
        return target
    try:
        with log_context(asset=symbol):
            target.asset = asset_add(symbol=symbol, provider=providers.get(name)).asset
    except ProviderError as exc:
        target.error = f"cannot register: {exc}"
    return target


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
    providers = Providers(provider)
    forced_name = provider.name if provider is not None else provider_name
    job = job_start(
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
        assets, unknown = assets_selected(symbols=symbols, market=market)
        plan = IngestPlan.for_range(start, end, kinds)
        targets: list[Target] = []
        for asset in assets:
            if not asset.preferred_source:
                # Unresolved: added by a user before any provider described it.
                targets.append(
                    _registered(
                        asset.symbol,
                        plan,
                        providers,
                        forced_name,
                        register_missing,
                        unresolved=True,
                    )
                )
                continue
            name = forced_name or asset.preferred_source
            if symbols is None:
                # Without a symbol list, a provider collects only what it offers (a CSV folder
                # without the asset's file is not a failure every night).
                try:
                    offered = providers.get(name).supports(asset_ref(asset, name), DataKind.DAILY)
                except ProviderError:
                    offered = True  # let the asset fail with the provider's reason
                if not offered:
                    continue
            targets.append(Target(asset.symbol, asset, plan, name))
        for symbol in unknown:
            targets.append(_registered(symbol, plan, providers, forced_name, register_missing))
        results = targets_run(
            job=job, targets=targets, providers=providers, today=end, progress=progress
        )
        job_finish(job, results, alert=alert)
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
    job = job_start(job_name=job_name, provider=provider.name, parameters=parameters or {})
    with log_context(job_id=job.pk, job=job_name):
        targets = [Target(a.symbol, a, plan, provider.name) for a, plan in plans]
        results = targets_run(job=job, targets=targets, providers=Providers(provider), today=today)
        job_finish(job, results, alert=alert)
    return JobReport(job=job, results=results, elapsed=time.monotonic() - started)
