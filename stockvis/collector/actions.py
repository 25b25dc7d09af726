"""Writes of corporate actions (splits, dividends) reported by providers and price files."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.utils import timezone

from stockvis.collector.upsert import UpsertCounts
from stockvis.market.models import Asset, CorporateAction, CorporateActionKind
from stockvis.providers.base import ActionKind, CorporateActionRecord

_COMPARED = ("ratio", "amount", "in_prices")


def _values(record: CorporateActionRecord) -> dict[str, object]:
    # Through str: a float's binary noise (1.046 → 1.04600000000000004) is not a change.
    value = Decimal(str(record.value)).quantize(Decimal("1e-10"))
    split = record.kind == ActionKind.SPLIT
    return {
        "ratio": value if split else None,
        "amount": None if split else value,
        "in_prices": record.in_prices,
    }


def corporate_actions_upsert(
    *, asset: Asset, records: Iterable[CorporateActionRecord], source: str
) -> UpsertCounts:
    """Idempotent upsert keyed on (asset, ex_date, kind, source); unchanged rows are not written."""
    latest = {(r.ex_date, CorporateActionKind(r.kind.value)): r for r in records}
    if not latest:
        return UpsertCounts()
    stored = {
        (row["ex_date"], row["kind"]): row
        for row in CorporateAction.objects.filter(asset=asset, source=source).values(
            "ex_date", "kind", *_COMPARED
        )
    }
    counts = UpsertCounts()
    now = timezone.now()
    to_write = []
    for (ex_date, kind), record in latest.items():
        values = _values(record)
        old = stored.get((ex_date, kind))
        if old is not None and all(old[name] == values[name] for name in _COMPARED):
            counts = counts + UpsertCounts(unchanged=1)
            continue
        counts = counts + (UpsertCounts(updated=1) if old else UpsertCounts(inserted=1))
        to_write.append(
            CorporateAction(
                asset=asset, ex_date=ex_date, kind=kind, source=source, ingested_at=now, **values
            )
        )
    CorporateAction.objects.bulk_create(
        to_write,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["asset", "ex_date", "kind", "source"],
        update_fields=[*_COMPARED, "ingested_at"],
    )
    return counts
