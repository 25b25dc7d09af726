"""Write paths of collection: register assets and upsert what providers return."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from django.db import transaction
from django.utils import timezone

from stockvis.market.models import (
    STATEMENT_MODELS,
    Asset,
    CompanyProfile,
    DailyPrice,
    PriceBarBase,
)
from stockvis.providers.base import AssetInfo, CompanyOverview, StatementReport

PRICE_FIELDS = ("open", "high", "low", "close", "volume")
_BATCH = 2000


@dataclass(frozen=True)
class UpsertCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: UpsertCounts) -> UpsertCounts:
        return UpsertCounts(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )


def asset_register(
    *, info: AssetInfo, market: str, source: str, provider_symbols: dict[str, str] | None = None
) -> Asset:
    """Create or refresh an asset from what a provider says about it."""
    asset, _ = Asset.objects.update_or_create(
        symbol=info.symbol,
        defaults={
            "name": info.name,
            "name_local": info.name_local,
            "category": info.category.value,
            "market": market,
            "exchange": info.exchange,
            "currency": info.currency,
            "preferred_source": source,
            "listing_date": info.listing_date,
            "provider_symbols": provider_symbols or {},
        },
    )
    return asset


def prices_upsert(
    *,
    asset: Asset,
    frame: pd.DataFrame,
    source: str,
    model: type[PriceBarBase] = DailyPrice,
) -> UpsertCounts:
    """Idempotent upsert keyed on (asset, date, source); changed rows get a new ``ingested_at``."""
    if frame.empty:
        return UpsertCounts()
    dates = [ts.date() for ts in frame["date"]]
    existing = {
        row[0]: row[1:]
        for row in model._default_manager.filter(
            asset=asset, source=source, date__gte=min(dates), date__lte=max(dates)
        )
        .values_list("date", *PRICE_FIELDS)
        .iterator(chunk_size=_BATCH)
    }
    now = timezone.now()
    to_write: list[PriceBarBase] = []
    inserted = updated = unchanged = 0
    columns = [frame[c].to_numpy(dtype="float64") for c in PRICE_FIELDS]
    for i, day in enumerate(dates):
        values = tuple(float(col[i]) for col in columns)
        old = existing.get(day)
        if old is None:
            inserted += 1
        elif tuple(old) == values:
            unchanged += 1
            continue
        else:
            updated += 1
        to_write.append(
            model(
                asset=asset,
                date=day,
                source=source,
                ingested_at=now,
                **dict(zip(PRICE_FIELDS, values, strict=True)),
            )
        )
    with transaction.atomic():
        model._default_manager.bulk_create(
            to_write,
            batch_size=_BATCH,
            update_conflicts=True,
            unique_fields=["asset", "date", "source"],
            update_fields=[*PRICE_FIELDS, "ingested_at"],
        )
    return UpsertCounts(inserted, updated, unchanged)


def profile_upsert(*, asset: Asset, overview: CompanyOverview, source: str) -> None:
    CompanyProfile.objects.update_or_create(
        asset=asset, defaults={**overview.fields, "source": source, "ingested_at": timezone.now()}
    )


def statements_upsert(
    *, asset: Asset, reports: Iterable[StatementReport], source: str
) -> UpsertCounts:
    counts = UpsertCounts()
    now = timezone.now()
    for report in reports:
        model = STATEMENT_MODELS[report.kind.value]
        ending = report.fiscal_date_ending
        _, created = model._default_manager.update_or_create(
            asset=asset,
            period_type=report.period_type.value,
            fiscal_date_ending=ending,
            defaults={
                **report.values,
                "fiscal_year": ending.year,
                "fiscal_quarter": (ending.month - 1) // 3 + 1
                if report.period_type.value == "quarterly"
                else None,
                "reported_currency": report.reported_currency,
                "source": source,
                "ingested_at": now,
            },
        )
        counts = counts + (UpsertCounts(inserted=1) if created else UpsertCounts(updated=1))
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
