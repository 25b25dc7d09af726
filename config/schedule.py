"""The Celery beat schedule, in code. Each app lists its entries in ``<app>/schedule.py`` as
``BEAT_ENTRIES``; each entry can be overridden from the environment by ``SCHEDULE_<NAME>``
(upper case, dashes as underscores) set to a crontab ``"minute hour day month weekday"`` or
``off``. Every entry expires before its next run so a stopped beat never releases a burst."""

from __future__ import annotations

import datetime as dt
import importlib
import os
from typing import Any
from zoneinfo import ZoneInfo

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

SCHEDULE_MODULES = (
    "stockvis.collector.schedule",
    "stockvis.portfolios.schedule",
    "stockvis.analysis.schedule",
)


def env_name(entry: str) -> str:
    return "SCHEDULE_" + entry.upper().replace("-", "_")


def parse_crontab(text: str, *, tz: str | None = None, name: str = "") -> crontab:
    parts = text.split()
    if len(parts) != 5:
        raise ImproperlyConfigured(
            f"{name or 'schedule'} must be 'minute hour day month weekday' or 'off', not {text!r}"
        )
    minute, hour, day, month, weekday = parts
    fields = {
        "minute": minute,
        "hour": hour,
        "day_of_month": day,
        "month_of_year": month,
        "day_of_week": weekday,
    }
    if not tz:
        return crontab(**fields)
    # The app runs in UTC; an entry tied to a market's close reads the clock in that market's zone.
    return crontab(**fields, nowfun=ZoneClock(tz))


class ZoneClock:
    """``now`` in one zone. A class, not a lambda: beat pickles every entry into its schedule
    file, and a lambda cannot be pickled (beat would exit at start-up)."""

    def __init__(self, tz: str) -> None:
        self.tz = tz
        ZoneInfo(tz)  # an unknown zone fails here, at start-up

    def __call__(self) -> dt.datetime:
        return dt.datetime.now(ZoneInfo(self.tz))

    def __reduce__(self) -> tuple[type[ZoneClock], tuple[str]]:
        return (ZoneClock, (self.tz,))

    # Beat compares schedules (their clocks included) to tell whether an entry changed.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, ZoneClock) and other.tz == self.tz

    def __hash__(self) -> int:
        return hash(self.tz)


def build_beat_schedule(modules: tuple[str, ...] = SCHEDULE_MODULES) -> dict[str, dict[str, Any]]:
    schedule: dict[str, dict[str, Any]] = {}
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        for name, entry in module.BEAT_ENTRIES.items():
            override = os.environ.get(env_name(name), "").strip()
            if override.lower() == "off":
                continue
            cron = override or entry["cron"]
            schedule[name] = {
                "task": entry["task"],
                "schedule": parse_crontab(cron, tz=entry.get("tz"), name=env_name(name)),
                "args": entry.get("args", ()),
                "kwargs": entry.get("kwargs", {}),
                "options": {"expires": entry.get("expires", 3600)},
            }
    return schedule
