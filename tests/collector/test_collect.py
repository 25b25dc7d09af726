"""The collect service end to end on SQLite with the synthetic provider and scripted faults."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from typing import Any

import pytest

from stockvis.collector.collect import collect
from stockvis.collector.models import DataQualityFlag, JobRun
from stockvis.core.logging import ContextFilter, JsonFormatter
from stockvis.market.models import (
    Asset,
    BalanceSheet,
    CashFlowStatement,
    CompanyProfile,
    DailyPrice,
    IncomeStatement,
    WeeklyPrice,
)
from stockvis.market.signals import prices_changed
from stockvis.providers.base import DataKind, ProviderError, empty_price_frame
from tests.collector.conftest import ScriptedProvider, bars, transient

pytestmark = pytest.mark.django_db

START, END = dt.date(2026, 10, 1), dt.date(2026, 10, 30)


@pytest.fixture
def scripted() -> ScriptedProvider:
    return ScriptedProvider()


def test_collecting_unregistered_demo_symbols_registers_them_and_stores_every_kind() -> None:
    report = collect(
        start=START, end=END, symbols=["aapl", "btc/krw", "005930"], provider_name="synthetic"
    )
    assert report.job.status == "success"
    assert report.exit_code == 0
    aapl = Asset.objects.get(symbol="AAPL")
    assert (aapl.exchange, aapl.market, aapl.preferred_source) == ("XNYS", "US", "synthetic")
    assert Asset.objects.get(symbol="005930").market == "KR"
    assert aapl.daily_prices.count() == 22  # NYSE sessions in October 2026
    assert Asset.objects.get(symbol="BTC-KRW").daily_prices.count() == 30
    assert aapl.weekly_prices.exists()
    assert CompanyProfile.objects.filter(asset=aapl).exists()
    assert BalanceSheet.objects.filter(asset=aapl).exists()
    assert IncomeStatement.objects.filter(asset=aapl).exists()
    assert CashFlowStatement.objects.filter(asset=aapl).exists()
    # Crypto has no fundamentals; not offered is not a failure.
    assert not CompanyProfile.objects.filter(asset__symbol="BTC-KRW").exists()
    job = JobRun.objects.get(pk=report.job.pk)
    assert job.ended_at is not None
    assert job.ended_at >= job.started_at
    assert job.results["AAPL"]["kinds"]["daily"] == {"inserted": 22, "updated": 0, "unchanged": 0}
    assert job.results["AAPL"]["status"] == "ok"


def test_collecting_the_same_window_twice_leaves_the_same_rows_and_counts_them_unchanged() -> None:
    first = collect(start=START, end=END, symbols=["AAPL", "KS11"], provider_name="synthetic")
    rows = (DailyPrice.objects.count(), WeeklyPrice.objects.count(), BalanceSheet.objects.count())
    stamps = dict(DailyPrice.objects.values_list("pk", "ingested_at"))
    second = collect(start=START, end=END, symbols=["AAPL", "KS11"], provider_name="synthetic")
    assert (
        DailyPrice.objects.count(),
        WeeklyPrice.objects.count(),
        BalanceSheet.objects.count(),
    ) == rows
    assert second.totals.inserted == second.totals.updated == 0
    assert second.totals.unchanged == first.totals.inserted
    # Unchanged rows are not rewritten, so their ingested_at stays.
    assert dict(DailyPrice.objects.values_list("pk", "ingested_at")) == stamps


def test_overlapping_windows_only_add_the_new_days() -> None:
    collect(
        start=START, end=END, symbols=["AAPL"], provider_name="synthetic", kinds=[DataKind.DAILY]
    )
    later = collect(
        start=dt.date(2026, 10, 20),
        end=dt.date(2026, 11, 6),
        symbols=["AAPL"],
        provider_name="synthetic",
        kinds=[DataKind.DAILY],
    )
    assert (later.totals.inserted, later.totals.unchanged) == (5, 9)
    assert DailyPrice.objects.count() == 27


def test_prices_changed_is_sent_after_commit_for_symbols_whose_bars_changed(
    django_capture_on_commit_callbacks: Any,
) -> None:
    heard: list[tuple[list[str], str]] = []

    def listener(sender: Any, symbols: list[str], kind: str, **_: Any) -> None:
        heard.append((symbols, kind))

    prices_changed.connect(listener, dispatch_uid="test-listener")
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            collect(start=START, end=END, symbols=["MSFT"], provider_name="synthetic")
        assert heard == []  # nothing before the commit
        for callback in callbacks:
            callback()
        assert (["MSFT"], "daily") in heard
        assert (["MSFT"], "weekly") in heard
        heard.clear()
        with django_capture_on_commit_callbacks(execute=True):
            collect(start=START, end=END, symbols=["MSFT"], provider_name="synthetic")
        assert heard == []  # an unchanged re-ingest announces nothing
    finally:
        prices_changed.disconnect(dispatch_uid="test-listener")


def test_a_bad_ohlc_row_is_rejected_with_a_warning_and_the_rest_is_stored(
    scripted: ScriptedProvider,
) -> None:
    scripted.daily["AAPL"] = bars(
        [
            ("2026-10-01", 10, 11, 9, 10.5, 100),
            ("2026-10-02", 10, 9.5, 9, 10.2, 100),  # high below open and close
            ("2026-10-05", 10.2, 10.8, 10.0, 10.6, -5),  # negative volume
            ("2026-10-06", 10.6, 10.9, 10.4, 10.7, 100),
        ]
    )
    report = collect(
        start=START,
        end=dt.date(2026, 10, 6),
        symbols=["AAPL"],
        provider=scripted,
        kinds=[DataKind.DAILY],
        register_missing=True,
    )
    result = report.results[0]
    assert result.status == "partial"
    assert result.rejected == 2
    assert report.job.status == "success"
    assert sorted(DailyPrice.objects.values_list("date", flat=True)) == [
        dt.date(2026, 10, 1),
        dt.date(2026, 10, 6),
    ]
    assert any("rejected" in w and "high < max(open, close)" in w for w in result.warnings)
    assert set(DataQualityFlag.objects.values_list("date", "kind")) >= {
        (dt.date(2026, 10, 2), "ohlc"),
        (dt.date(2026, 10, 5), "ohlc"),
    }


def test_gaps_and_spikes_are_stored_flagged_and_flagged_only_once(
    scripted: ScriptedProvider,
) -> None:
    scripted.daily["AAPL"] = bars(
        [
            ("2026-10-01", 10, 11, 9, 10, 100),
            ("2026-10-02", 10, 11, 9, 10, 100),
            # 5th and 6th missing: a gap of two NYSE sessions
            ("2026-10-07", 10, 15, 9.5, 14, 100),  # +40%: a spike
            ("2026-10-08", 14, 14.5, 13.5, 14, 100),
        ]
    )
    for _ in range(2):
        report = collect(
            start=START,
            end=dt.date(2026, 10, 8),
            symbols=["AAPL"],
            provider=scripted,
            kinds=[DataKind.DAILY],
        )
    assert DailyPrice.objects.count() == 4  # gaps and spikes are stored, not rejected
    flags = {(f.kind, f.date): f.detail for f in DataQualityFlag.objects.all()}
    assert set(flags) == {("gap", dt.date(2026, 10, 5)), ("spike", dt.date(2026, 10, 7))}
    assert "2 missing XNYS sessions" in flags[("gap", dt.date(2026, 10, 5))]
    assert DataQualityFlag.objects.get(kind="spike").job_run_id == report.job.pk
    assert any(w.startswith("daily gap") for w in report.results[0].warnings)


def test_an_asset_failing_midway_stores_nothing_and_the_others_still_succeed(
    scripted: ScriptedProvider,
) -> None:
    scripted.weekly["MSFT"] = transient("TIME_SERIES_WEEKLY: HTTP 500")
    report = collect(start=START, end=END, symbols=["AAPL", "MSFT", "IBM"], provider=scripted)
    assert report.job.status == "partial_failure"
    assert report.exit_code == 1
    assert ("daily", "MSFT") in scripted.calls  # the daily bars were fetched, then weekly failed
    msft = Asset.objects.get(symbol="MSFT")
    assert not DailyPrice.objects.filter(asset=msft).exists()
    assert not CompanyProfile.objects.filter(asset=msft).exists()
    assert DailyPrice.objects.filter(asset__symbol="AAPL").count() == 22
    assert DailyPrice.objects.filter(asset__symbol="IBM").count() == 22
    job = JobRun.objects.get(pk=report.job.pk)
    assert job.error_summary["failed"] == {"MSFT": "scripted: TIME_SERIES_WEEKLY: HTTP 500"}
    assert "MSFT" in job.error_summary["message"]
    assert job.results["MSFT"]["inserted"] == 0
    assert job.results["MSFT"]["transient"] is True


def test_every_asset_failing_is_a_total_failure(scripted: ScriptedProvider) -> None:
    scripted.daily["AAPL"] = ProviderError("no data for AAPL", permanent=True)
    report = collect(start=START, end=END, symbols=["AAPL", "NOPE"], provider=scripted)
    assert report.job.status == "failure"
    assert report.exit_code == 2
    assert "not in the synthetic demo universe" in report.job.error_summary["failed"]["NOPE"]


def test_a_spent_daily_quota_is_recorded_and_not_spun_on(scripted: ScriptedProvider) -> None:
    scripted.daily["AAPL"] = ProviderError("daily quota spent", quota_exhausted=True)
    report = collect(
        start=START,
        end=END,
        symbols=["AAPL", "MSFT", "IBM"],
        provider=scripted,
        kinds=[DataKind.DAILY],
    )
    assert [c for c in scripted.calls if c[0] == "daily"] == [("daily", "AAPL")]
    assert report.job.status == "failure"
    assert report.job.error_summary["quota_exhausted"] == ["scripted"]
    assert report.job.error_summary["failed"]["MSFT"].startswith("skipped:")
    assert DailyPrice.objects.count() == 0


def test_a_moving_weekly_label_replaces_the_unfinished_week(scripted: ScriptedProvider) -> None:
    scripted.weekly["AAPL"] = bars([("2026-10-07", 10, 11, 9, 10, 100)])  # Wednesday
    collect(start=START, end=END, symbols=["AAPL"], provider=scripted, kinds=[DataKind.WEEKLY])
    scripted.weekly["AAPL"] = bars([("2026-10-09", 10, 12, 9, 11, 300)])  # the same week, Friday
    collect(start=START, end=END, symbols=["AAPL"], provider=scripted, kinds=[DataKind.WEEKLY])
    assert list(WeeklyPrice.objects.values_list("date", "close")) == [(dt.date(2026, 10, 9), 11.0)]


def test_json_log_lines_carry_the_job_id_and_the_asset(scripted: ScriptedProvider) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ContextFilter())
    logger = logging.getLogger("stockvis.collector")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    scripted.daily["MSFT"] = transient()
    try:
        report = collect(
            start=START,
            end=END,
            symbols=["AAPL", "MSFT"],
            provider=scripted,
            kinds=[DataKind.DAILY],
        )
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines
    assert all(line["job_id"] == report.job.pk for line in lines)
    per_asset = {line["asset"]: line for line in lines if "asset" in line}
    assert per_asset["AAPL"]["level"] == "INFO"
    assert per_asset["MSFT"]["level"] == "WARNING"
    assert "HTTP 500" in per_asset["MSFT"]["message"]


def test_a_collection_that_stored_nothing_for_an_asset_is_not_a_success(
    scripted: ScriptedProvider,
) -> None:
    scripted.daily["AAPL"] = empty_price_frame()
    report = collect(
        start=START, end=END, symbols=["AAPL"], provider=scripted, kinds=[DataKind.DAILY]
    )
    assert report.job.status == "failure"
    assert report.results[0].error == (
        "no data: scripted returned nothing for AAPL from 2026-10-01 to 2026-10-30"
    )


def test_an_empty_window_without_sessions_is_not_a_failure(scripted: ScriptedProvider) -> None:
    saturday, sunday = dt.date(2026, 10, 3), dt.date(2026, 10, 4)
    report = collect(
        start=saturday, end=sunday, symbols=["AAPL"], provider=scripted, kinds=[DataKind.DAILY]
    )
    assert report.job.status == "success"


def test_a_scheduled_collection_names_an_unresolved_asset_instead_of_inventing_a_source() -> None:
    Asset.objects.create(
        symbol="VOO", name="VOO", category="stock", exchange="XNYS", currency="USD",
        preferred_source="",
    )  # fmt: skip
    report = collect(start=START, end=END, register_missing=False, kinds=[DataKind.DAILY])
    assert report.job.status == "failure"
    assert report.results[0].error == (
        "unresolved: no provider has described it yet; run `stockvis assets add VOO`"
    )
    assert not DailyPrice.objects.exists()
