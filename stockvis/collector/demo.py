"""Load and top up the offline demo universe from the synthetic provider."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from stockvis.collector.collect import IngestPlan, plan_run
from stockvis.collector.ingest import last_stored_date
from stockvis.collector.registration import asset_register
from stockvis.collector.upsert import UpsertCounts
from stockvis.market.models import SYNTHETIC_SOURCE, Asset, CompanyProfile, DailyPrice, WeeklyPrice
from stockvis.providers.base import Category
from stockvis.providers.synthetic import SyntheticProvider
from stockvis.providers.synthetic.universe import DEMO_UNIVERSE, DemoAsset

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoLoadReport:
    assets: int
    daily: UpsertCounts
    weekly: UpsertCounts
    statements: UpsertCounts
    job_id: int | None = None
    #: Demo symbols left alone because they hold real bars: demo bars never go beside them.
    skipped: tuple[str, ...] = ()


def demo_register(*, provider: SyntheticProvider, demo: DemoAsset) -> Asset:
    return asset_register(
        info=provider.describe_asset(demo.symbol),
        market=demo.market,
        source=SYNTHETIC_SOURCE,
        provider_symbols={"fdr": demo.fdr_symbol} if demo.fdr_symbol else {},
    )


def _top_up_plan(*, asset: Asset, first_day: dt.date, today: dt.date) -> IngestPlan:
    """Only what is missing: bars after the last stored one, the profile and statements once."""
    last = last_stored_date(asset=asset, source=SYNTHETIC_SOURCE)
    start = last + dt.timedelta(days=1) if last else first_day
    last_week = last_stored_date(asset=asset, source=SYNTHETIC_SOURCE, model=WeeklyPrice)
    # Re-aggregate the last stored (possibly partial) week too: it may have gained days.
    week_start = (last_week - dt.timedelta(days=last_week.weekday())) if last_week else first_day
    needs_fundamentals = (
        asset.category == Category.STOCK and not CompanyProfile.objects.filter(asset=asset).exists()
    )
    return IngestPlan(
        daily=(start, today) if start <= today else None,
        weekly=(week_start, today) if start <= today else None,
        overview=needs_fundamentals,
        statements=needs_fundamentals,
    )


def demo_load(*, today: dt.date, years: int) -> DemoLoadReport:
    """Register the demo assets and fill what is missing up to ``today``; nothing loads twice.

    Goes through the collector's ingest path, so it is validated, recorded as a ``seed_demo``
    job run and announced with ``prices_changed`` like any other collection.
    """
    provider = SyntheticProvider()
    first_day = today.replace(year=today.year - years)
    plans = []
    skipped = []
    for demo in DEMO_UNIVERSE:
        existing = Asset.objects.filter(symbol=demo.symbol).first()
        if existing is not None and has_real_bars(existing):
            skipped.append(demo.symbol)
            continue
        asset = demo_register(provider=provider, demo=demo)
        plans.append((asset, _top_up_plan(asset=asset, first_day=first_day, today=today)))
    report = plan_run(
        job_name="seed_demo",
        provider=provider,
        plans=plans,
        today=today,
        parameters={"today": today.isoformat(), "years": years},
    )
    daily = report.kind_totals("daily")
    weekly = report.kind_totals("weekly")
    logger.info(
        "demo data ready: %d assets, %d daily bars inserted, %d weekly bars inserted; "
        "left alone (real data): %s",
        len(plans),
        daily.inserted,
        weekly.inserted,
        ", ".join(skipped) or "none",
    )
    return DemoLoadReport(
        len(plans),
        daily,
        weekly,
        report.kind_totals("statements"),
        report.job.pk,
        tuple(skipped),
    )


def has_real_bars(asset: Asset) -> bool:
    """Whether ``asset`` has daily or weekly bars from a source other than the demo's."""
    return any(
        model.objects.filter(asset=asset).exclude(source=SYNTHETIC_SOURCE).exists()
        for model in (DailyPrice, WeeklyPrice)
    )


def demo_is_loaded() -> bool:
    return DailyPrice.objects.filter(source=SYNTHETIC_SOURCE).exists()
