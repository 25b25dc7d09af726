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
    "stockvis.ml.schedule",
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
    return ZonedCrontab(**fields, zone=tz)


class ZonedCrontab(crontab):
    """A crontab whose minute and hour are read in one market's zone (``18:00`` in Asia/Seoul
    is 09:00 UTC), while the app itself runs in UTC.

    Celery reads a crontab's fields in ``self.tz``, the app's timezone, and only takes the
    current time from ``nowfun``, so swapping the clock is not enough: the zone itself must
    change. Beat pickles its schedule, so the zone travels in the pickled state too.
    """

    def __init__(self, *args: Any, zone: str = "UTC", **kwargs: Any) -> None:
        ZoneInfo(zone)  # an unknown zone fails here, at start-up
        self.zone = zone
        super().__init__(*args, **kwargs)

    @property
    def tz(self) -> dt.tzinfo:
        return ZoneInfo(self.zone)

    def __reduce__(self) -> Any:
        cls, args, _ = super().__reduce__()
        return (cls, args, {"zone": self.zone})

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        self.zone = state.pop("zone", "UTC")
        super().__setstate__(state)

    # Beat compares schedules to tell whether an entry changed.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, ZonedCrontab) and other.zone == self.zone and super().__eq__(other)

    def __hash__(self) -> int:
        return hash((self.zone, str(self)))


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
