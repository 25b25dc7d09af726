"""Celery tasks of collection: thin entry points that take symbols or ids and call the services.

Every task is idempotent (an ingest is an upsert), so a redelivered or retried task only re-reads
what it already stored. Failures at the provider are recorded per asset in the job run by the
service; the task retries, with exponential backoff and jitter, only when transient errors left
assets behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from typing import Any

from celery import Task, shared_task
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

from stockvis.collector.backfill import backfill as backfill_history
from stockvis.collector.backfill import years_before
from stockvis.collector.collect import collect
from stockvis.collector.health import healthcheck_run
from stockvis.collector.jobs import JobReport
from stockvis.collector.models import JobStatus
from stockvis.market.models import SYNTHETIC_SOURCE, Asset
from stockvis.providers.base import DataKind, ProviderError
from stockvis.providers.registry import provider_build
from stockvis.providers.synthetic.universe import DEMO_BY_SYMBOL

logger = logging.getLogger(__name__)


def task_limits(global_limit: int, *, own: int = 31 * 60) -> tuple[int, int]:
    """(soft, hard) time limits of a collection task: its ``own`` hard limit, never above
    CELERY_TASK_TIME_LIMIT (a Redis broker's visibility timeout is twice that, so a task still
    running is never handed to a second worker), the soft one a tenth earlier (at most 60 s)."""
    hard = max(2, min(own, global_limit))
    return hard - max(1, min(60, hard // 10)), hard


# FinanceDataReader has no timeout of its own; the task's limit bounds a hung read.
_SOFT_LIMIT, _HARD_LIMIT = task_limits(settings.CELERY_TASK_TIME_LIMIT)
_COMMON: dict[str, Any] = {
    "bind": True,
    "acks_late": True,
    "soft_time_limit": _SOFT_LIMIT,
    "time_limit": _HARD_LIMIT,
    # A locked SQLite file or a dropped database connection is worth another try.
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 3,
}


def backoff_seconds(retries: int) -> float:
    """``base * 2**n * (1 + random() * 0.3)``, the same shape as provider retries."""
    return settings.PROVIDER_RETRY_BASE_DELAY * 60 * 2**retries * (1 + random.random() * 0.3)


def _retry_if_transient(task: Task, report: JobReport) -> None:
    """Retry the whole task when assets failed for a reason that may pass (not permanent, not
    a spent quota: that waits for the next scheduled run instead of spinning)."""
    transient = [r for r in report.results if r.error and r.transient]
    if transient and task.request.retries < settings.PROVIDER_MAX_RETRIES:
        raise task.retry(countdown=backoff_seconds(task.request.retries))


@shared_task(name="stockvis.collector.tasks.collect_assets", **_COMMON)
def collect_assets(
    self: Task,
    symbols: list[str] | None = None,
    *,
    days: int | None = None,
    start: str | None = None,
    end: str | None = None,
    market: str | None = None,
    kinds: list[str] | None = None,
    provider: str | None = None,
) -> dict[str, Any]:
    """Collect ``symbols`` (or every active asset of ``market``) over the last ``days`` days (or
    ``start``..``end``, ISO dates), each from its preferred source unless ``provider`` is named."""
    today = timezone.localdate()
    last = dt.date.fromisoformat(end) if end else today
    first = (
        dt.date.fromisoformat(start)
        if start
        else last - dt.timedelta(days=(days or settings.COLLECT_WINDOW_DAYS) - 1)
    )
    report = collect(
        start=first,
        end=last,
        symbols=symbols,
        market=market,
        provider_name=provider,
        kinds=[DataKind(k) for k in kinds] if kinds else [DataKind.DAILY, DataKind.WEEKLY],
        job_name=f"collect_{market.lower()}" if market and not symbols else "collect",
        register_missing=False,
    )
    _retry_if_transient(self, report)
    return {"job_id": report.job.pk, "status": report.job.status}


@shared_task(name="stockvis.collector.tasks.collect_symbol", **_COMMON)
def collect_symbol(self: Task, symbol: str, years: int | None = None) -> dict[str, Any]:
    """Make a symbol a user just added usable: register it if needed (demo symbols from the
    synthetic provider, others from DEFAULT_PROVIDER) and collect its history and fundamentals.

    Enqueued on commit by whoever adds the symbol; safe to run twice.
    """
    canonical = symbol.strip().upper().replace("/", "-")
    asset = Asset.objects.filter(symbol=canonical).first()
    # An asset a user added before any provider described it has no preferred source yet.
    resolved = asset is not None and bool(asset.preferred_source)
    name = (
        asset.preferred_source
        if asset is not None and resolved
        else (SYNTHETIC_SOURCE if canonical in DEMO_BY_SYMBOL else settings.DEFAULT_PROVIDER)
    )
    today = timezone.localdate()
    try:
        provider = None if resolved else provider_build(name)
    except ProviderError:
        provider = None  # collect names the provider it could not build as the reason
    report = collect(
        start=years_before(today, years or settings.COLLECT_HISTORY_YEARS),
        end=today,
        symbols=[canonical],
        provider=provider,
        provider_name=None if resolved else name,
        job_name="collect_symbol",
    )
    _retry_if_transient(self, report)
    return {"job_id": report.job.pk, "status": report.job.status}


@shared_task(name="stockvis.collector.tasks.backfill", **_COMMON)
def backfill(
    self: Task, symbols: list[str] | None = None, years: int = 3, provider: str | None = None
) -> dict[str, Any]:
    report = backfill_history(
        years=years, today=timezone.localdate(), symbols=symbols, provider_name=provider
    )
    return {"job_id": report.report.job.pk, "status": report.report.job.status}


@shared_task(name="stockvis.collector.tasks.healthcheck", **_COMMON)
def healthcheck(self: Task, symbols: list[str] | None = None) -> dict[str, Any]:
    report = healthcheck_run(symbols=symbols)
    return {
        "job_id": report.job.pk,
        "status": report.job.status,
        "stale": [r.symbol for r in report.stale],
        "ok": report.job.status == JobStatus.SUCCESS,
    }
