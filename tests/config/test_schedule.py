import datetime as dt
import pickle

import pytest
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from config.schedule import build_beat_schedule, parse_crontab


def test_every_beat_entry_survives_the_pickling_beat_does_to_persist_its_schedule() -> None:
    schedule = build_beat_schedule()
    assert {"collect-kr", "collect-us", "collector-healthcheck"} <= set(schedule)
    for name, entry in schedule.items():
        restored = pickle.loads(pickle.dumps(entry["schedule"]))
        assert restored == entry["schedule"], name
        assert entry["options"]["expires"] > 0


def next_run(schedule: crontab, last_run: dt.datetime) -> dt.datetime:
    start, delta, _ = schedule.remaining_delta(last_run)
    return (start + delta).astimezone(dt.UTC)


def test_a_market_entry_fires_at_its_local_close_whatever_the_server_zone() -> None:
    friday_evening = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
    seoul = parse_crontab("0 18 * * 1-5", tz="Asia/Seoul")
    # After Friday 18:00 in Seoul (09:00 UTC), the next weekday run is Monday 18:00 KST.
    assert next_run(seoul, friday_evening) == dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    new_york = parse_crontab("30 17 * * 1-5", tz="America/New_York")
    # 17:30 in New York is 22:30 UTC in winter: after the 16:00 close, not at 17:30 UTC.
    morning = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
    assert next_run(new_york, morning) == dt.datetime(2026, 11, 20, 22, 30, tzinfo=dt.UTC)
    plain = parse_crontab("30 17 * * 1-5")
    assert next_run(plain, morning) == dt.datetime(2026, 11, 20, 17, 30, tzinfo=dt.UTC)


def test_a_pickled_market_entry_keeps_its_zone() -> None:
    seoul = parse_crontab("0 18 * * 1-5", tz="Asia/Seoul")
    restored = pickle.loads(pickle.dumps(seoul))
    assert restored == seoul
    assert restored != parse_crontab("0 18 * * 1-5")
    friday = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
    assert next_run(restored, friday) == next_run(seoul, friday)


def test_an_environment_variable_overrides_or_turns_off_an_entry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCHEDULE_COLLECT_US", "off")
    monkeypatch.setenv("SCHEDULE_COLLECT_KR", "15 19 * * 1-5")
    schedule = build_beat_schedule()
    assert "collect-us" not in schedule
    assert schedule["collect-kr"]["schedule"].hour == {19}
    assert schedule["collect-kr"]["schedule"].minute == {15}


def test_a_malformed_override_is_a_clear_configuration_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCHEDULE_COLLECT_KR", "every evening")
    with pytest.raises(ImproperlyConfigured, match="SCHEDULE_COLLECT_KR"):
        build_beat_schedule()


def test_every_beat_entry_names_a_task_a_worker_has() -> None:
    from config.celery import app

    app.loader.import_default_modules()  # what a worker does at start: import every tasks.py
    for name, entry in build_beat_schedule().items():
        assert entry["task"] in app.tasks, f"{name} schedules unknown task {entry['task']}"
