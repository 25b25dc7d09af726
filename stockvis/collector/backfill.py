"""Backfill: fill years of daily history with only the sessions missing, chunk by chunk."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from stockvis.collector import selectors
from stockvis.collector.collect import (
    IngestPlan,
    Progress,
    Providers,
    Target,
    assets_selected,
    targets_run,
    weekly_aggregated,
)
from stockvis.collector.ingest import daily_write, weekly_rebuild, weekly_write
from stockvis.collector.jobs import AssetResult, JobReport, job_finish, job_start
from stockvis.collector.models import JobRun
from stockvis.collector.registration import asset_ref
from stockvis.collector.selectors import Coverage
from stockvis.core.calendars import UnknownExchange, is_session
from stockvis.core.logging import log_context
from stockvis.market.models import DailyPrice
from stockvis.providers.base import DataKind, MarketDataProvider, ProviderError

logger = logging.getLogger(__name__)


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
    target: Target,
    providers: Providers,
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
                    daily_write(
                        asset=asset, frame=frame, source=provider.name, job=job, result=result
                    )
            stored_any = True
        if chunks and provider.supports(ref, DataKind.WEEKLY):
            monday = chunks[0][0] - dt.timedelta(days=chunks[0][0].weekday())
            with transaction.atomic():
                if weekly_aggregated(provider):
                    weekly_rebuild(
                        asset=asset, source=provider.name, start=monday, end=end, result=result
                    )
                else:
                    weekly = provider.weekly_prices(ref, monday, end)
                    weekly_write(asset=asset, frame=weekly, source=provider.name, result=result)
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
    providers = Providers(provider)
    forced_name = provider.name if provider is not None else provider_name
    job = job_start(
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
        assets, unknown = assets_selected(symbols=symbols, market=None)
        targets = [
            Target(a.symbol, a, IngestPlan(), forced_name or a.preferred_source) for a in assets
        ]
        targets += [Target(s, None, IngestPlan(), "", error="not registered") for s in unknown]
        ends: dict[str, dt.date] = {}

        def run_one(target: Target, result: AssetResult) -> None:
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

        results = targets_run(
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
        job_finish(job, results)
    return BackfillReport(
        JobReport(job=job, results=results, elapsed=time.monotonic() - started), coverage
    )


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
