"""Take the synthetic demo data out again (`stockvis seed_demo --remove`), and remember it did."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import models, transaction
from django.db.models import ProtectedError, Q, RestrictedError

from stockvis.collector.models import DataQualityFlag, JobRun, JobStatus
from stockvis.market.models import (
    STATEMENT_MODELS,
    SYNTHETIC_SOURCE,
    Asset,
    CompanyProfile,
    DailyPrice,
    WeeklyPrice,
)
from stockvis.market.selectors import serving_source
from stockvis.market.signals import prices_changed
from stockvis.providers.synthetic.universe import DEMO_UNIVERSE

logger = logging.getLogger(__name__)

LOAD_JOB = "seed_demo"
REMOVE_JOB = "seed_demo_remove"


@dataclass(frozen=True)
class DemoRemoveReport:
    daily: int
    weekly: int
    profiles: int
    statements: int
    flags: int
    #: Demo assets deleted: nothing but demo data referred to them.
    assets_removed: tuple[str, ...]
    #: Demo assets kept, each with why (real data, held in a portfolio, watched, alerted).
    assets_kept: dict[str, str]
    job_id: int


def _delete_synthetic(model: type[models.Model]) -> int:
    _total, by_model = model._default_manager.filter(source=SYNTHETIC_SOURCE).delete()
    return by_model.get(model._meta.label, 0)


def _has_data(asset: Asset) -> bool:
    """Anything left of a source other than the demo's: bars, a profile or statements."""
    models_with_source: list[type[models.Model]] = [
        DailyPrice,
        WeeklyPrice,
        CompanyProfile,
        *STATEMENT_MODELS.values(),
    ]
    return any(model._default_manager.filter(asset=asset).exists() for model in models_with_source)


def _stop_synthetic_collection(asset: Asset) -> None:
    """A kept asset must not be refilled with demo bars by the next scheduled collection: it
    moves to its real source, else to DEFAULT_PROVIDER, else it is no longer collected."""
    if asset.preferred_source != SYNTHETIC_SOURCE:
        return
    real = serving_source(asset)
    if real is not None and real != SYNTHETIC_SOURCE:
        asset.preferred_source = real
    elif settings.DEFAULT_PROVIDER != SYNTHETIC_SOURCE:
        asset.preferred_source = settings.DEFAULT_PROVIDER
    else:
        asset.is_active = False
    asset.save(update_fields=["preferred_source", "is_active", "updated_at"])


def demo_remove(*, now: dt.datetime) -> DemoRemoveReport:
    """Delete every synthetic bar, profile, statement and quality flag, then each demo asset
    nothing else refers to. Real data, and assets held, watched or alerted on, stay.

    Recorded as a ``seed_demo_remove`` job run: ``stockvis serve`` does not load the demo again
    after it (an explicit ``stockvis seed_demo`` does). Listeners hear ``prices_changed`` for the
    kept symbols, so cached charts and indicator snapshots follow at once.
    """
    demo_symbols = [demo.symbol for demo in DEMO_UNIVERSE]
    with transaction.atomic():
        job = JobRun.objects.create(
            job_name=REMOVE_JOB, provider=SYNTHETIC_SOURCE, started_at=now, parameters={}
        )
        synthetic = Q(source=SYNTHETIC_SOURCE)
        touched = set(
            Asset.objects.filter(
                Q(daily_prices__source=SYNTHETIC_SOURCE)
                | Q(weekly_prices__source=SYNTHETIC_SOURCE)
                | Q(symbol__in=demo_symbols)
            ).values_list("symbol", flat=True)
        )
        daily = _delete_synthetic(DailyPrice)
        weekly = _delete_synthetic(WeeklyPrice)
        profiles = _delete_synthetic(CompanyProfile)
        statements = sum(_delete_synthetic(model) for model in STATEMENT_MODELS.values())
        flags = (
            DataQualityFlag.objects.filter(synthetic)
            .delete()[1]
            .get(DataQualityFlag._meta.label, 0)
        )
        removed: list[str] = []
        kept: dict[str, str] = {}
        for asset in Asset.objects.filter(symbol__in=demo_symbols).order_by("symbol"):
            if _has_data(asset):
                kept[asset.symbol] = "has real data"
                _stop_synthetic_collection(asset)
                continue
            try:
                with transaction.atomic():
                    asset.delete()
            except (ProtectedError, RestrictedError):
                # Holdings, transactions, watchlists and alerts protect their asset: a user's
                # data is never deleted with the demo's.
                kept[asset.symbol] = "used by a portfolio, watchlist or alert"
                _stop_synthetic_collection(asset)
                continue
            removed.append(asset.symbol)
        job.status = JobStatus.SUCCESS
        job.ended_at = now
        job.results = {
            "daily": daily,
            "weekly": weekly,
            "profiles": profiles,
            "statements": statements,
            "flags": flags,
            "assets_removed": removed,
            "assets_kept": kept,
        }
        job.save(update_fields=["status", "ended_at", "results"])
        changed = sorted(touched - set(removed))
        if changed:
            transaction.on_commit(
                partial(prices_changed.send, sender=Asset, symbols=changed, kind="daily")
            )
    logger.info(
        "demo data removed: %d daily and %d weekly bars, %d profiles, %d statements; "
        "assets removed: %s; kept: %s",
        daily,
        weekly,
        profiles,
        statements,
        ", ".join(removed) or "none",
        ", ".join(kept) or "none",
    )
    return DemoRemoveReport(
        daily, weekly, profiles, statements, flags, tuple(removed), kept, job.pk
    )


def demo_was_removed() -> bool:
    """Whether the last demo job was a removal (so start-up should not load it again)."""
    latest = (
        JobRun.objects.filter(job_name__in=[LOAD_JOB, REMOVE_JOB])
        .order_by("-started_at", "-pk")
        .values_list("job_name", flat=True)
        .first()
    )
    return latest == REMOVE_JOB
