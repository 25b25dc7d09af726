"""Weekly bars of providers that aggregate them from daily ones are rebuilt from stored dailies."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Sum

from stockvis.collector.backfill import backfill
from stockvis.collector.collect import collect
from stockvis.market.models import Asset, DailyPrice, WeeklyPrice
from stockvis.providers.base import DataKind

pytestmark = pytest.mark.django_db

BARS = [DataKind.DAILY, DataKind.WEEKLY]
# 2026-03-30 is a Monday; NYSE is shut on Good Friday, 2026-04-03, so that week ends on Thursday.
WEEK = (dt.date(2026, 3, 30), dt.date(2026, 4, 5))


def daily_volume(start: dt.date, end: dt.date) -> float:
    rows = DailyPrice.objects.filter(asset__symbol="AAPL", date__gte=start, date__lte=end)
    return float(rows.aggregate(total=Sum("volume"))["total"])


def weekly_bars(start: dt.date, end: dt.date) -> list[tuple[dt.date, float]]:
    rows = WeeklyPrice.objects.filter(asset__symbol="AAPL", date__gte=start, date__lte=end)
    return list(rows.order_by("date").values_list("date", "volume"))


def test_a_window_ending_on_a_tuesday_leaves_the_stored_whole_week_intact() -> None:
    collect(
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 4, 10),
        symbols=["AAPL"],
        provider_name="synthetic",
        kinds=BARS,
    )
    whole = weekly_bars(*WEEK)
    assert whole == [(dt.date(2026, 4, 2), daily_volume(*WEEK))]

    report = collect(
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 3, 31),  # a Tuesday
        symbols=["AAPL"],
        provider_name="synthetic",
        kinds=BARS,
    )

    assert report.job.status == "success"
    assert weekly_bars(*WEEK) == whole
    assert not WeeklyPrice.objects.filter(date=dt.date(2026, 3, 31)).exists()
    notes = report.results[0].notes
    assert len(notes) == 1
    assert notes[0].startswith("weekly: 14 weeks 2025-12-29..2026-04-05 rebuilt from")
    assert report.job.results["AAPL"]["notes"] == notes


def test_every_weekly_bar_sums_the_stored_dailies_of_its_week() -> None:
    collect(
        start=dt.date(2026, 3, 4),  # a Wednesday
        end=dt.date(2026, 3, 24),
        symbols=["AAPL"],
        provider_name="synthetic",
        kinds=BARS,
    )
    collect(
        start=dt.date(2026, 3, 18),
        end=dt.date(2026, 4, 7),  # a Tuesday
        symbols=["AAPL"],
        provider_name="synthetic",
        kinds=BARS,
    )
    for label, volume in weekly_bars(dt.date(2026, 3, 9), dt.date(2026, 4, 12)):
        monday = label - dt.timedelta(days=label.weekday())
        assert volume == daily_volume(monday, monday + dt.timedelta(days=6))


def test_a_first_window_starting_mid_week_stores_a_whole_first_week_but_only_its_own_dailies() -> (
    None
):
    collect(
        start=dt.date(2026, 3, 4),  # a Wednesday
        end=dt.date(2026, 3, 13),
        symbols=["AAPL"],
        provider_name="synthetic",
        kinds=BARS,
    )
    aapl = Asset.objects.get(symbol="AAPL")
    assert aapl.daily_prices.order_by("date").first().date == dt.date(2026, 3, 4)
    first_week = weekly_bars(dt.date(2026, 3, 2), dt.date(2026, 3, 8))
    assert [label for label, _ in first_week] == [dt.date(2026, 3, 6)]
    # The bar's open is Monday's: the week was read whole although only Wednesday on was stored.
    monday = collect(
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 2),
        symbols=["AAPL"],
        provider_name="synthetic",
        kinds=[DataKind.DAILY],
    )
    assert monday.job.status == "success"
    stored_monday = DailyPrice.objects.get(asset=aapl, date=dt.date(2026, 3, 2))
    assert WeeklyPrice.objects.get(asset=aapl, date=dt.date(2026, 3, 6)).open == stored_monday.open


def test_backfill_rebuilds_the_weeks_it_touched_from_the_stored_dailies() -> None:
    collect(
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 31),
        symbols=["AAPL"],
        provider_name="synthetic",
        kinds=BARS,
    )
    DailyPrice.objects.filter(date=dt.date(2026, 3, 11)).delete()  # a hole mid-week
    backfill(
        years=1,
        today=dt.date(2026, 3, 31),
        now=dt.datetime(2026, 3, 31, 23, tzinfo=dt.UTC),
        symbols=["AAPL"],
        provider_name="synthetic",
    )
    assert weekly_bars(dt.date(2026, 3, 9), dt.date(2026, 3, 15)) == [
        (dt.date(2026, 3, 13), daily_volume(dt.date(2026, 3, 9), dt.date(2026, 3, 15)))
    ]
