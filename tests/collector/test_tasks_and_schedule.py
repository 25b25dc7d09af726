"""Celery tasks run eagerly, and the beat entries of collection."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest
import time_machine

from config.schedule import build_beat_schedule
from stockvis.collector import tasks
from stockvis.collector.schedule import BEAT_ENTRIES
from stockvis.market.models import Asset, CompanyProfile, DailyPrice


def test_beat_collects_each_market_after_its_close_then_checks_health() -> None:
    schedule = build_beat_schedule(("stockvis.collector.schedule",))
    kr, us = schedule["collect-kr"]["schedule"], schedule["collect-us"]["schedule"]
    assert (kr.hour, kr.minute, kr.day_of_week) == ({18}, {0}, {1, 2, 3, 4, 5})
    assert BEAT_ENTRIES["collect-kr"]["tz"] == "Asia/Seoul"
    assert (us.hour, us.minute, us.day_of_week) == ({17}, {30}, {1, 2, 3, 4, 5})
    assert BEAT_ENTRIES["collect-us"]["tz"] == "America/New_York"
    # The hours are read in those zones: 17:30 in New York is 21:30 or 22:30 UTC.
    offset = dt.datetime.now(us.tz).utcoffset()
    assert offset is not None
    assert offset.total_seconds() in (-4 * 3600, -5 * 3600)
    health = schedule["collector-healthcheck"]["schedule"]
    # 01:30 UTC: after the US evening run (at most 22:30 UTC) and the 00:30 UTC global run.
    assert (health.hour, health.minute) == ({1}, {30})
    assert BEAT_ENTRIES["collect-kr"]["kwargs"] == {"market": "KR"}
    assert BEAT_ENTRIES["collect-us"]["kwargs"] == {"market": "US"}
    names = {tasks.collect_assets.name, tasks.healthcheck.name}
    assert {entry["task"] for entry in BEAT_ENTRIES.values()} <= names


def test_the_beat_schedule_can_be_stored_by_celery_beat() -> None:
    # PersistentScheduler pickles every entry into its schedule file.
    pickle.dumps(build_beat_schedule(("stockvis.collector.schedule",)))


def test_a_beat_entry_can_be_moved_or_switched_off_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCHEDULE_COLLECT_KR", "15 19 * * 1-5")
    monkeypatch.setenv("SCHEDULE_COLLECT_GLOBAL", "off")
    schedule = build_beat_schedule(("stockvis.collector.schedule",))
    assert "collect-global" not in schedule
    assert schedule["collect-kr"]["schedule"].hour == {19}


def test_the_task_names_other_apps_enqueue_are_stable() -> None:
    assert tasks.collect_symbol.name == "stockvis.collector.tasks.collect_symbol"
    assert tasks.collect_assets.name == "stockvis.collector.tasks.collect_assets"


@pytest.mark.django_db
def test_collect_symbol_registers_a_demo_symbol_and_collects_its_history(settings: Any) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with time_machine.travel(dt.datetime(2026, 10, 9, 22, 0, tzinfo=dt.UTC), tick=False):
        outcome = tasks.collect_symbol.apply(args=["nvda"], kwargs={"years": 1}).get()
        again = tasks.collect_symbol.apply(args=["NVDA"], kwargs={"years": 1}).get()
    assert outcome["status"] == again["status"] == "success"
    nvda = Asset.objects.get(symbol="NVDA")
    assert nvda.preferred_source == "synthetic"
    assert DailyPrice.objects.filter(asset=nvda).count() == 252  # 2025-10-09..2026-10-09
    assert CompanyProfile.objects.filter(asset=nvda).exists()


@pytest.mark.django_db
def test_collect_assets_of_a_market_takes_only_that_market() -> None:
    with time_machine.travel(dt.datetime(2026, 10, 9, 22, 0, tzinfo=dt.UTC), tick=False):
        for symbol in ("AAPL", "005930"):
            tasks.collect_symbol.apply(args=[symbol], kwargs={"years": 1}).get()
        DailyPrice.objects.filter(date__gte=dt.date(2026, 10, 5)).delete()
        outcome = tasks.collect_assets.apply(kwargs={"market": "KR"}).get()
    assert outcome["status"] == "success"
    assert (
        DailyPrice.objects.filter(asset__symbol="005930", date__gte=dt.date(2026, 10, 5)).count()
        == 3
    )
    assert not DailyPrice.objects.filter(
        asset__symbol="AAPL", date__gte=dt.date(2026, 10, 5)
    ).exists()
