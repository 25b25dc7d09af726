"""The SQLite bar upsert: the stored window read once and compared in bulk, only new and changed
rows written, counts and ``ingested_at`` as the rule says."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from django.db import connection

from stockvis.collector.upsert import BarColumns, UpsertCounts, bars_upsert
from stockvis.market.models import Asset, DailyPrice

T0 = dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC)
T1 = T0 + dt.timedelta(hours=1)


def make_asset(symbol: str) -> Asset:
    return Asset.objects.create(
        symbol=symbol, name=symbol, category="stock", exchange="XNYS", currency="USD"
    )


def bars(rows: list[tuple[int, str, float]]) -> BarColumns:
    """One bar per (asset id, day, close); the other prices follow from the close."""
    closes = np.array([close for _, _, close in rows])
    return BarColumns(
        asset_ids=np.array([asset for asset, _, _ in rows], dtype=np.int64),
        dates=np.array([day for _, day, _ in rows], dtype="datetime64[D]"),
        values={
            "open": closes - 0.5,
            "high": closes + 1,
            "low": closes - 1,
            "close": closes,
            "volume": np.full(len(rows), 1000.0),
        },
    )


def stored(asset: Asset) -> dict[dt.date, tuple[float, dt.datetime]]:
    return {
        day: (close, stamp)
        for day, close, stamp in DailyPrice.objects.filter(asset=asset, source="test").values_list(
            "date", "close", "ingested_at"
        )
    }


@pytest.mark.django_db
def test_a_mixed_batch_writes_only_new_and_changed_rows_and_counts_each_kind() -> None:
    assert connection.vendor == "sqlite"
    a, b = make_asset("AAA"), make_asset("BBB")
    first = bars([(a.pk, "2026-01-05", 1.0), (a.pk, "2026-01-06", 2.0), (b.pk, "2026-01-05", 3.0)])
    assert bars_upsert(model=DailyPrice, bars=first, source="test", now=T0) == UpsertCounts(3)
    # Interleaved assets, out of date order: b unchanged, a's 6th changed, a's 5th unchanged,
    # a's 7th and b's 2nd new (b's 2nd is before anything stored of b).
    again = bars(
        [
            (b.pk, "2026-01-05", 3.0),
            (a.pk, "2026-01-07", 4.0),
            (a.pk, "2026-01-06", 2.5),
            (b.pk, "2026-01-02", 0.5),
            (a.pk, "2026-01-05", 1.0),
        ]
    )
    counts = bars_upsert(model=DailyPrice, bars=again, source="test", now=T1)
    assert counts == UpsertCounts(inserted=2, updated=1, unchanged=2)
    assert stored(a) == {
        dt.date(2026, 1, 5): (1.0, T0),
        dt.date(2026, 1, 6): (2.5, T1),
        dt.date(2026, 1, 7): (4.0, T1),
    }
    assert stored(b) == {dt.date(2026, 1, 2): (0.5, T1), dt.date(2026, 1, 5): (3.0, T0)}


@pytest.mark.django_db
def test_an_unchanged_history_is_counted_unchanged_and_a_change_in_any_price_is_seen() -> None:
    asset = make_asset("HIST")
    days = np.datetime64("2020-01-01") + np.arange(1500)
    history = bars([(asset.pk, str(day), 100.0 + i / 7) for i, day in enumerate(days)])
    bars_upsert(model=DailyPrice, bars=history, source="test", now=T0)
    again = bars_upsert(model=DailyPrice, bars=history, source="test", now=T1)
    assert again == UpsertCounts(unchanged=1500)
    for i, field in enumerate(("open", "high", "low", "close", "volume")):
        history.values[field][100 * i] += 0.001
    changed = bars_upsert(model=DailyPrice, bars=history, source="test", now=T1)
    assert changed == UpsertCounts(updated=5, unchanged=1495)
    stamps = DailyPrice.objects.filter(asset=asset, ingested_at=T1).values_list("date", flat=True)
    assert sorted(stamps) == [days[100 * i].item() for i in range(5)]
    # Another source of the same days is its own series.
    other = bars_upsert(model=DailyPrice, bars=history, source="other", now=T1)
    assert other == UpsertCounts(inserted=1500)
