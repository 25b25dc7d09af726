"""Whether an exchange is trading at a given instant (for the 5-minute snapshots)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import exchange_calendars as xcals
import pandas as pd

from stockvis.core.calendars import EVERY_DAY, WEEKDAYS, is_known_exchange


@lru_cache(maxsize=16)
def _calendar(code: str) -> xcals.ExchangeCalendar:
    return xcals.get_calendar(code)


def is_open_at(code: str, at: dt.datetime) -> bool:
    """True while ``code`` trades at the aware instant ``at``: 24/7 always, 24/5 on UTC weekdays."""
    if at.tzinfo is None:
        raise ValueError("is_open_at needs an aware datetime")
    if code == EVERY_DAY:
        return True
    if code == WEEKDAYS:
        return at.astimezone(dt.UTC).weekday() < 5
    if not is_known_exchange(code):
        return False
    calendar = _calendar(code)
    minute = pd.Timestamp(at).tz_convert("UTC").floor("min")
    if not calendar.first_minute <= minute <= calendar.last_minute:
        return False
    return bool(calendar.is_open_on_minute(minute))


def local_date(code: str, at: dt.datetime) -> dt.date:
    """The date at ``at`` in the exchange's own time zone (UTC for 24/7 and 24/5)."""
    if code in (EVERY_DAY, WEEKDAYS) or not is_known_exchange(code):
        return at.astimezone(dt.UTC).date()
    return at.astimezone(_calendar(code).tz).date()
