"""The PostgreSQL bar upsert's two paths: COPY straight into the table for a window with nothing
stored, the merge for the rest. Whatever path a batch takes, rows and counts are the merge's."""

from __future__ import annotations

import datetime as dt
import threading
import time

import numpy as np
import pytest
from django.db import connection, connections, transaction

from stockvis.collector import upsert
from stockvis.collector.upsert import BarColumns, UpsertCounts, bars_upsert
from stockvis.market.models import Asset, DailyPrice

pytestmark = pytest.mark.integration

T0 = dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC)
T1 = T0 + dt.timedelta(hours=1)


def make_asset(symbol: str) -> Asset:
    return Asset.objects.create(
        symbol=symbol, name=symbol, category="stock", exchange="XNYS", currency="USD"
    )


def bars(asset_ids: list[int], first: str, days: int, close: float = 10.0) -> BarColumns:
    """``days`` consecutive bars from ``first`` for each asset; close grows by 1 a day."""
    dates = np.tile(np.datetime64(first, "D") + np.arange(days), len(asset_ids))
    closes = np.tile(close + np.arange(days, dtype=float), len(asset_ids))
    return BarColumns(
        asset_ids=np.repeat(np.asarray(asset_ids, dtype=np.int64), days),
        dates=dates,
        values={
            "open": closes - 0.5,
            "high": closes + 1,
            "low": closes - 1,
            "close": closes,
            "volume": np.full(len(dates), 1000.0),
        },
    )


def last(batch: BarColumns, count: int) -> BarColumns:
    return batch.subset(np.arange(len(batch)) >= len(batch) - count)


def stored(asset: Asset) -> list[tuple[object, ...]]:
    return list(
        DailyPrice.objects.filter(asset=asset, source="test")
        .order_by("date")
        .values_list("date", "open", "high", "low", "close", "volume", "ingested_at")
    )


def merged(batch: BarColumns, now: dt.datetime) -> UpsertCounts:
    """The merge path alone, as every batch took it before the COPY path existed."""
    with transaction.atomic():
        return upsert._postgres_merge(connection, DailyPrice, batch, "test", now)


def copy_path_taken(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the size of every batch COPYed straight into the table."""
    sizes: list[int] = []
    real = upsert._copy_into_table

    def spy(raw, table, batch, source, now):  # type: ignore[no-untyped-def]
        sizes.append(len(batch))
        real(raw, table, batch, source, now)

    monkeypatch.setattr(upsert, "_copy_into_table", spy)
    return sizes


@pytest.mark.django_db
def test_a_fresh_window_is_copied_and_stores_what_the_merge_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast, slow = make_asset("FAST"), make_asset("SLOW")
    copied = copy_path_taken(monkeypatch)
    counts = bars_upsert(
        model=DailyPrice, bars=bars([fast.pk], "2026-01-05", 5), source="test", now=T0
    )
    assert copied == [5]
    assert counts == UpsertCounts(inserted=5)
    assert merged(bars([slow.pk], "2026-01-05", 5), T0) == counts
    assert stored(fast) == stored(slow)
    assert {row[-1] for row in stored(fast)} == {T0}


@pytest.mark.django_db
def test_an_overlapping_window_takes_the_merge_and_the_days_after_the_stored_ones_the_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asset, twin = make_asset("OVER"), make_asset("TWIN")
    for target in (asset, twin):
        bars_upsert(
            model=DailyPrice, bars=bars([target.pk], "2026-01-05", 5), source="test", now=T0
        )
    copied = copy_path_taken(monkeypatch)
    # Days 3..7: 3 and 4 stored and unchanged, 5 stored with another close, 6 and 7 new.
    again = bars([asset.pk], "2026-01-07", 5, close=12.0)
    again.values["close"][2] += 0.25
    counts = bars_upsert(model=DailyPrice, bars=again, source="test", now=T1)
    assert copied == []
    twin_again = bars([twin.pk], "2026-01-07", 5, close=12.0)
    twin_again.values["close"][2] += 0.25
    assert counts == merged(twin_again, T1) == UpsertCounts(inserted=2, updated=1, unchanged=2)
    assert stored(asset) == stored(twin)
    # The days after the last stored one overlap nothing: straight into the table.
    later = bars_upsert(
        model=DailyPrice, bars=bars([asset.pk], "2026-01-12", 3), source="test", now=T1
    )
    assert copied == [3]
    assert later == UpsertCounts(inserted=3)
    assert len(stored(asset)) == 10


@pytest.mark.django_db
def test_a_batch_of_many_assets_copies_the_fresh_ones_and_merges_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = make_asset("OLD"), make_asset("NEW")
    bars_upsert(model=DailyPrice, bars=bars([old.pk], "2026-01-05", 4), source="test", now=T0)
    copied = copy_path_taken(monkeypatch)
    counts = bars_upsert(
        model=DailyPrice, bars=bars([old.pk, new.pk], "2026-01-05", 6), source="test", now=T1
    )
    assert copied == [6]
    assert counts == UpsertCounts(inserted=8, updated=0, unchanged=4)
    assert [row[-1] for row in stored(old)] == [T0] * 4 + [T1] * 2
    assert len(stored(new)) == 6
    # Another source of the same asset and days is its own series: nothing of it is stored.
    other = bars_upsert(
        model=DailyPrice, bars=bars([old.pk], "2026-01-05", 4), source="other", now=T1
    )
    assert copied == [6, 4]
    assert other == UpsertCounts(inserted=4)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("close", [10.0, 20.0], ids=["same values", "other values"])
def test_rows_a_concurrent_writer_stores_meanwhile_fall_back_to_the_merge(
    monkeypatch: pytest.MonkeyPatch, close: float
) -> None:
    """The overlap check finds nothing, a concurrent transaction holds the same keys uncommitted,
    the COPY waits for it and fails on the unique constraint once it commits: the savepoint undoes
    the COPY and the merge counts and stores exactly what it would have with those rows stored."""
    asset, twin = make_asset("RACE"), make_asset("TWIN")
    copied = copy_path_taken(monkeypatch)
    racing = threading.Event()
    errors: list[BaseException] = []

    def rival() -> None:
        try:
            with transaction.atomic():
                bars_upsert(
                    model=DailyPrice,
                    bars=last(bars([asset.pk], "2026-01-05", 5, close=close), 3),
                    source="test",
                    now=T0,
                )
                racing.set()
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline and not _waiting_on_a_lock():
                    time.sleep(0.05)
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            racing.set()
            connections.close_all()

    thread = threading.Thread(target=rival)
    thread.start()
    racing.wait(10)
    counts = bars_upsert(
        model=DailyPrice, bars=bars([asset.pk], "2026-01-05", 5), source="test", now=T1
    )
    thread.join()
    assert errors == []
    assert copied == [3, 5]  # the rival's COPY, then ours that the unique constraint stopped
    merged(last(bars([twin.pk], "2026-01-05", 5, close=close), 3), T0)
    assert counts == merged(bars([twin.pk], "2026-01-05", 5), T1)
    changed = 0 if close == 10.0 else 3
    assert counts == UpsertCounts(inserted=2, updated=changed, unchanged=3 - changed)
    assert stored(asset) == stored(twin)
    assert DailyPrice.objects.filter(asset=asset).count() == 5


def _waiting_on_a_lock() -> bool:
    """Whether another session of this database waits for a lock (our COPY on the rival's keys)."""
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
        )
        return bool(cursor.fetchone()[0])
