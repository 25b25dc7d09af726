import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.schedule import build_beat_schedule, parse_crontab


def test_every_beat_entry_survives_the_pickling_beat_does_to_persist_its_schedule() -> None:
    schedule = build_beat_schedule()
    assert {"collect-kr", "collect-us", "collector-healthcheck"} <= set(schedule)
    for name, entry in schedule.items():
        restored = pickle.loads(pickle.dumps(entry["schedule"]))
        assert restored == entry["schedule"], name
        assert entry["options"]["expires"] > 0


def test_a_market_entry_fires_at_its_local_close_whatever_the_server_zone() -> None:
    seoul = parse_crontab("0 18 * * 1-5", tz="Asia/Seoul")
    assert seoul.nowfun().utcoffset() == dt.timedelta(hours=9)
    # 18:00 in Seoul is 09:00 UTC: the next run after 17:59 KST is a minute away.
    last_run = dt.datetime(2026, 11, 23, 17, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    assert seoul.remaining_delta(last_run)[0].tzinfo is not None
    due, _ = seoul.is_due(dt.datetime(2026, 11, 22, 18, 0, tzinfo=ZoneInfo("Asia/Seoul")))
    assert isinstance(due, bool)


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
