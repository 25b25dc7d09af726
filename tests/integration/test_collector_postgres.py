"""The collector on real PostgreSQL: the COPY-based upsert, job runs and concurrent collects."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from stockvis.collector.collect import collect
from stockvis.collector.ingest import prices_upsert
from stockvis.collector.jobs import JobReport
from stockvis.collector.models import JobRun
from stockvis.collector.selectors import collection_problem_of
from stockvis.market.models import Asset, DailyPrice
from stockvis.providers.base import DataKind, price_frame
from tests.collector.conftest import ScriptedProvider, transient

pytestmark = pytest.mark.integration

START, END = dt.date(2026, 10, 1), dt.date(2026, 10, 30)


def ibm() -> Asset:
    return Asset.objects.create(
        symbol="IBM", name="IBM", category="stock", exchange="XNYS", currency="USD"
    )


def two_bars(close: float = 2.5):  # type: ignore[no-untyped-def]
    return price_frame(
        ["2026-11-19", "2026-11-20"], [1, 2], [2, 3], [0.5, 1.5], [1.5, close], [10, 20]
    )


@pytest.mark.django_db
def test_upserting_the_same_bars_twice_leaves_one_row_each() -> None:
    assert connection.vendor == "postgresql"
    asset = ibm()
    first = prices_upsert(asset=asset, frame=two_bars(), source="alphavantage")
    second = prices_upsert(asset=asset, frame=two_bars(), source="alphavantage")
    assert (first.inserted, first.updated, first.unchanged) == (2, 0, 0)
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, 2)
    assert DailyPrice.objects.filter(asset=asset).count() == 2


@pytest.mark.django_db
def test_re_ingesting_a_changed_bar_updates_its_values_and_ingested_at_only() -> None:
    asset = ibm()
    t0 = dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC)
    t1 = t0 + dt.timedelta(hours=1)
    prices_upsert(asset=asset, frame=two_bars(), source="alphavantage", now=t0)
    counts = prices_upsert(asset=asset, frame=two_bars(close=2.75), source="alphavantage", now=t1)
    assert (counts.inserted, counts.updated, counts.unchanged) == (0, 1, 1)
    stamps = dict(DailyPrice.objects.filter(asset=asset).values_list("date", "ingested_at"))
    assert stamps[dt.date(2026, 11, 20)] == t1  # rewritten: new value, new ingested_at
    assert stamps[dt.date(2026, 11, 19)] == t0  # unchanged: not rewritten
    assert DailyPrice.objects.get(asset=asset, date=dt.date(2026, 11, 20)).close == 2.75


@pytest.mark.django_db
def test_a_collect_is_recorded_as_a_job_run_and_a_partial_failure_names_the_asset() -> None:
    provider = ScriptedProvider()
    ok = collect(start=START, end=END, symbols=["AAPL"], provider=provider)
    assert JobRun.objects.get(pk=ok.job.pk).status == "success"
    provider.daily["MSFT"] = transient("TIME_SERIES_DAILY: HTTP 503")
    partial = collect(start=START, end=END, symbols=["AAPL", "MSFT"], provider=provider)
    job = JobRun.objects.get(pk=partial.job.pk)
    assert job.status == "partial_failure"
    assert job.ended_at is not None
    assert job.error_summary["failed"] == {"MSFT": "scripted: TIME_SERIES_DAILY: HTTP 503"}
    assert job.results["AAPL"]["unchanged"] > 0
    assert not DailyPrice.objects.filter(asset__symbol="MSFT").exists()
    # The status endpoint's reason comes from a JSON key lookup that PostgreSQL must answer too.
    problem = collection_problem_of(symbol="MSFT")
    assert problem is not None
    assert (problem.job_id, problem.reason) == (job.pk, "scripted: TIME_SERIES_DAILY: HTTP 503")
    assert collection_problem_of(symbol="AAPL") is None


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_collects_of_the_same_asset_leave_no_duplicates_and_no_error() -> None:
    collect(
        start=START,
        end=START,
        symbols=["AAPL"],
        provider=ScriptedProvider(),
        kinds=[DataKind.DAILY],
    )
    barrier = threading.Barrier(2)
    reports: list[JobReport] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            reports.append(
                collect(
                    start=START,
                    end=END,
                    symbols=["AAPL"],
                    provider=ScriptedProvider(),
                    kinds=[DataKind.DAILY, DataKind.WEEKLY],
                )
            )
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [r.job.status for r in reports] == ["success", "success"]
    assert DailyPrice.objects.filter(asset__symbol="AAPL").count() == 22
    inserted = sum(r.totals.inserted for r in reports)
    assert sum(r.kind_totals("daily").inserted for r in reports) == 21  # each new bar once
    assert inserted >= 21
