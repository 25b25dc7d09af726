"""On PostgreSQL a bar never outlives its asset or names one that does not exist, whichever way it
is written (the direct COPY, the merge, the ORM) and however a delete races an ingest."""

from __future__ import annotations

import datetime as dt
import threading

import numpy as np
import pytest
from django.db import IntegrityError, connection, connections, transaction

from stockvis.collector.upsert import BarColumns, bars_upsert
from stockvis.market.models import Asset, DailyPrice, WeeklyPrice

pytestmark = pytest.mark.integration

NOW = dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC)


def make_asset(symbol: str) -> Asset:
    return Asset.objects.create(
        symbol=symbol, name=symbol, category="stock", exchange="XNYS", currency="USD"
    )


def bars(asset_id: int, first: str, days: int) -> BarColumns:
    dates = np.datetime64(first, "D") + np.arange(days)
    closes = 10.0 + np.arange(days, dtype=float)
    return BarColumns(
        asset_ids=np.full(days, asset_id, dtype=np.int64),
        dates=dates,
        values={
            "open": closes,
            "high": closes + 1,
            "low": closes - 1,
            "close": closes,
            "volume": np.full(days, 100.0),
        },
    )


def missing_asset_id() -> int:
    return (Asset.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000


@pytest.mark.django_db
@pytest.mark.parametrize("model", [DailyPrice, WeeklyPrice])
def test_a_bar_of_an_asset_that_does_not_exist_is_refused_however_it_is_written(
    model: type[DailyPrice],
) -> None:
    assert connection.vendor == "postgresql"
    # The key is checked at commit; this test runs inside one transaction, so check at once.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    real, ghost = make_asset("REAL"), missing_asset_id()
    bars_upsert(model=model, bars=bars(real.pk, "2026-01-05", 3), source="test", now=NOW)
    mixed = BarColumns(
        asset_ids=np.array([real.pk, ghost], dtype=np.int64),
        dates=np.array(["2026-02-02", "2026-02-02"], dtype="datetime64[D]"),
        values={f: np.array([1.0, 1.0]) for f in ("open", "high", "low", "close", "volume")},
    )
    attempts = [
        # COPY straight into the table: nothing of the ghost is stored.
        lambda: bars_upsert(model=model, bars=bars(ghost, "2026-01-05", 3), source="test", now=NOW),
        # The merge path: the real asset's window overlaps what is stored.
        lambda: bars_upsert(model=model, bars=mixed, source="test", now=NOW),
        lambda: model.objects.create(
            asset_id=ghost,
            date=dt.date(2026, 1, 5),
            source="test",
            open=1,
            high=1,
            low=1,
            close=1,
            volume=1,
        ),
        lambda: model.objects.filter(asset=real).update(asset_id=ghost),
    ]
    for attempt in attempts:
        with pytest.raises(IntegrityError, match="market_asset"), transaction.atomic():
            attempt()
    assert model.objects.filter(asset_id=ghost).count() == 0
    assert model.objects.filter(asset=real).count() == 3


@pytest.mark.django_db(transaction=True)
def test_an_asset_deleted_in_sql_while_it_has_bars_is_refused_at_commit_and_the_orm_cascades() -> (
    None
):
    asset = make_asset("GONE")
    bars_upsert(model=DailyPrice, bars=bars(asset.pk, "2026-01-05", 3), source="test", now=NOW)
    with (
        pytest.raises(IntegrityError, match="still referenced"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM market_asset WHERE id = %s", [asset.pk])
    assert Asset.objects.filter(pk=asset.pk).exists()
    # The deferred check lets a transaction delete the asset before its bars, as the key did.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM market_asset WHERE id = %s", [asset.pk])
        cursor.execute("DELETE FROM market_dailyprice WHERE asset_id = %s", [asset.pk])
    other = make_asset("ORM")
    bars_upsert(model=DailyPrice, bars=bars(other.pk, "2026-01-05", 3), source="test", now=NOW)
    other.delete()
    assert DailyPrice.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_an_asset_deleted_while_its_bars_are_being_ingested_leaves_no_bar_without_its_asset() -> (
    None
):
    """The ingest writes and, before it commits, another session deletes the asset: exactly one
    of the two fails and no bar is left pointing at a missing asset."""
    asset = make_asset("RACE")
    ingested, deleted = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def ingest() -> None:
        try:
            with transaction.atomic():
                bars_upsert(
                    model=DailyPrice, bars=bars(asset.pk, "2026-01-05", 3), source="test", now=NOW
                )
                ingested.set()
                deleted.wait(10)
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            ingested.set()
            connections.close_all()

    thread = threading.Thread(target=ingest)
    thread.start()
    assert ingested.wait(10)
    try:
        # Its bars as Django's cascade sees them (none committed yet), then the asset itself.
        with transaction.atomic():
            DailyPrice.objects.filter(asset_id=asset.pk).delete()
            Asset.objects.filter(pk=asset.pk)._raw_delete(connection.alias)
    except IntegrityError as exc:
        errors.append(exc)
    finally:
        deleted.set()
    thread.join()
    assert len(errors) == 1, errors
    assert isinstance(errors[0], IntegrityError), errors
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM market_dailyprice b "
            "WHERE NOT EXISTS (SELECT 1 FROM market_asset a WHERE a.id = b.asset_id)"
        )
        assert cursor.fetchone()[0] == 0
    survivors = DailyPrice.objects.filter(asset_id=asset.pk).count()
    assert survivors == (3 if Asset.objects.filter(pk=asset.pk).exists() else 0)
