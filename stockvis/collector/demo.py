"""Load and top up the offline demo universe from the synthetic provider."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction

from stockvis.collector import services
from stockvis.market.models import SYNTHETIC_SOURCE, CompanyProfile, DailyPrice, WeeklyPrice
from stockvis.providers.base import AssetRef, Category, StatementKind
from stockvis.providers.synthetic import SyntheticProvider
from stockvis.providers.synthetic.universe import DEMO_UNIVERSE

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoLoadReport:
    assets: int
    daily: services.UpsertCounts
    weekly: services.UpsertCounts
    statements: services.UpsertCounts


def demo_load(*, today: dt.date, years: int) -> DemoLoadReport:
    """Register the demo assets and fill what is missing up to ``today``; nothing loads twice."""
    provider = SyntheticProvider()
    first_day = today.replace(year=today.year - years)
    daily = weekly = statements = services.UpsertCounts()
    for demo in DEMO_UNIVERSE:
        info = provider.describe_asset(demo.symbol)
        ref = AssetRef(demo.symbol, demo.exchange, demo.category, demo.currency, demo.symbol)
        with transaction.atomic():
            asset = services.asset_register(
                info=info,
                market=demo.market,
                source=SYNTHETIC_SOURCE,
                provider_symbols={"fdr": demo.fdr_symbol} if demo.fdr_symbol else {},
            )
            last = services.last_stored_date(asset=asset, source=SYNTHETIC_SOURCE)
            start = last + dt.timedelta(days=1) if last else first_day
            if start <= today:
                daily += services.prices_upsert(
                    asset=asset,
                    frame=provider.daily_prices(ref, start, today),
                    source=SYNTHETIC_SOURCE,
                )
            last_week = services.last_stored_date(
                asset=asset, source=SYNTHETIC_SOURCE, model=WeeklyPrice
            )
            # Re-aggregate the last stored (possibly partial) week too: it may have gained days.
            week_start = (
                (last_week - dt.timedelta(days=last_week.weekday())) if last_week else first_day
            )
            if last is None or start <= today:
                weekly += services.prices_upsert(
                    asset=asset,
                    frame=provider.weekly_prices(ref, week_start, today),
                    source=SYNTHETIC_SOURCE,
                    model=WeeklyPrice,
                )
            if (
                demo.category == Category.STOCK
                and not CompanyProfile.objects.filter(asset=asset).exists()
            ):
                services.profile_upsert(
                    asset=asset, overview=provider.company_overview(ref), source=SYNTHETIC_SOURCE
                )
                for kind in StatementKind:
                    statements += services.statements_upsert(
                        asset=asset,
                        reports=provider.statements(ref, kind, today=today),
                        source=SYNTHETIC_SOURCE,
                    )
    logger.info(
        "demo data ready: %d assets, %d daily bars inserted, %d weekly bars inserted",
        len(DEMO_UNIVERSE),
        daily.inserted,
        weekly.inserted,
    )
    return DemoLoadReport(len(DEMO_UNIVERSE), daily, weekly, statements)


def demo_is_loaded() -> bool:
    return DailyPrice.objects.filter(source=SYNTHETIC_SOURCE).exists()
