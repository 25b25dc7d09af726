"""Trading calendars: which dates are sessions for an asset's exchange.

Pure (no Django, no clock): callers pass the dates. Exchange codes are exchange_calendars codes
(XNYS, XKRX, ...) plus two of our own: ``24/7`` (crypto, every day) and ``24/5`` (FX, weekdays).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import exchange_calendars as xcals
import pandas as pd

EVERY_DAY = "24/7"
WEEKDAYS = "24/5"
_OWN_CALENDARS = {EVERY_DAY, WEEKDAYS}


class UnknownExchange(ValueError):
    """An exchange code that no calendar knows."""


@lru_cache(maxsize=16)
def _calendar(code: str) -> xcals.ExchangeCalendar:
    # Loading a calendar takes up to two seconds (XKRX): once per process, shared by every caller.
    try:
        return xcals.get_calendar(code)
    except xcals.errors.InvalidCalendarName as exc:
        raise UnknownExchange(f"unknown exchange calendar {code!r}") from exc


def exchange_calendar(code: str) -> xcals.ExchangeCalendar:
    """The exchange_calendars calendar of ``code`` (not for ``24/7`` and ``24/5``)."""
    return _calendar(code)


# Coverage is widened in whole decades so a history of any length needs at most a few builds.
_COVERAGE_STEP_YEARS = 10


@lru_cache(maxsize=32)
def _calendar_from(code: str, first_year: int, last_year: int) -> xcals.ExchangeCalendar:
    try:
        cls = type(_calendar(code))
        # Some calendars record holidays only from a given year (XKRX: 1956): start there.
        bound = cls.bound_min() if hasattr(cls, "bound_min") else None
        start = pd.Timestamp(first_year, 1, 1)
        if bound is not None and start < bound:
            start = pd.Timestamp(bound)
        return xcals.get_calendar(code, start=start, end=pd.Timestamp(last_year, 12, 31))
    except xcals.errors.InvalidCalendarName as exc:
        raise UnknownExchange(f"unknown exchange calendar {code!r}") from exc


def calendar_covering(code: str, start: dt.date, end: dt.date) -> xcals.ExchangeCalendar:
    """A calendar of ``code`` whose sessions span ``start``..``end`` wherever the exchange has any.

    The default calendar starts 20 years before today, so checks against it silently skip older
    history and give answers that change with the clock. This one is built to cover the dates
    asked for (widened to whole decades, cached per coverage, once per process).
    """
    default = _calendar(code)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if default.first_session <= first and last <= default.last_session:
        return default
    step = _COVERAGE_STEP_YEARS
    first_year = min(start.year, default.first_session.year) // step * step
    last_year = max(end.year, default.last_session.year) // step * step + step - 1
    return _calendar_from(code, first_year, last_year)


def exchange_zone(code: str) -> dt.tzinfo:
    """The zone an exchange's trading day is counted in (UTC for 24/7 and 24/5 markets)."""
    if code in _OWN_CALENDARS:
        return dt.UTC
    return ZoneInfo(str(_calendar(code).tz))


def local_date(code: str, at: dt.datetime) -> dt.date:
    """The date at the aware instant ``at`` in the exchange's own zone."""
    return at.astimezone(exchange_zone(code)).date()


def _end_of_day_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


def session_close(code: str, day: dt.date) -> dt.datetime:
    """When the session of ``day`` ends (aware, UTC); midnight UTC for 24/7, 24/5 and non-sessions."""
    if code in _OWN_CALENDARS:
        return _end_of_day_utc(day)
    calendar = _calendar(code)
    stamp = pd.Timestamp(day)
    if calendar.first_session <= stamp <= calendar.last_session and calendar.is_session(stamp):
        close: dt.datetime = calendar.session_close(stamp).to_pydatetime()
        return close
    return _end_of_day_utc(day)


def is_open_at(code: str, at: dt.datetime) -> bool:
    """True while ``code`` trades at the aware instant ``at``: 24/7 always, 24/5 on UTC weekdays."""
    if at.tzinfo is None:
        raise ValueError("is_open_at needs an aware datetime")
    if code == EVERY_DAY:
        return True
    if code == WEEKDAYS:
        return at.astimezone(dt.UTC).weekday() < 5
    calendar = _calendar(code)
    minute = pd.Timestamp(at).tz_convert("UTC").floor("min")
    if not calendar.first_minute <= minute <= calendar.last_minute:
        return False
    return bool(calendar.is_open_on_minute(minute))


def is_known_exchange(code: str) -> bool:
    if code in _OWN_CALENDARS:
        return True
    return code in xcals.get_calendar_names(include_aliases=True)


def sessions_between(code: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """Every session date from ``start`` to ``end`` inclusive, oldest first."""
    if end < start:
        return []
    if code == EVERY_DAY:
        return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    if code == WEEKDAYS:
        days = (start + dt.timedelta(days=i) for i in range((end - start).days + 1))
        return [d for d in days if d.weekday() < 5]
    cal = calendar_covering(code, start, end)
    lo = max(pd.Timestamp(start), cal.first_session)
    hi = min(pd.Timestamp(end), cal.last_session)
    if hi < lo:
        return []
    return [ts.date() for ts in cal.sessions_in_range(lo, hi)]


def is_session(code: str, day: dt.date) -> bool:
    return bool(sessions_between(code, day, day))


def previous_session(code: str, day: dt.date) -> dt.date:
    """The last session strictly before ``day``."""
    window = sessions_between(code, day - dt.timedelta(days=30), day - dt.timedelta(days=1))
    if not window:
        raise UnknownExchange(f"no session of {code!r} in the 30 days before {day}")
    return window[-1]


def latest_session_on_or_before(code: str, day: dt.date) -> dt.date:
    window = sessions_between(code, day - dt.timedelta(days=30), day)
    if not window:
        raise UnknownExchange(f"no session of {code!r} in the 30 days up to {day}")
    return window[-1]


def next_open(code: str, at: dt.datetime) -> dt.datetime | None:
    """When ``code`` next opens after the aware instant ``at`` (UTC); None for 24/7 markets."""
    if at.tzinfo is None:
        raise ValueError("next_open needs an aware datetime")
    at = at.astimezone(dt.UTC)
    if code == EVERY_DAY:
        return None
    if code == WEEKDAYS:
        day = at.date() + dt.timedelta(days=1)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    calendar = _calendar(code)
    minute = pd.Timestamp(at).floor("min")
    if not calendar.first_minute <= minute < calendar.last_minute:
        return None
    opened: dt.datetime = calendar.next_open(minute).to_pydatetime()
    return opened.astimezone(dt.UTC)


def session_bounds(code: str, at: dt.datetime) -> tuple[dt.datetime, dt.datetime] | None:
    """Open and close (aware, UTC) of the session trading at ``at``; None while closed.

    24/7 and 24/5 markets count their sessions as UTC days."""
    if not is_open_at(code, at):
        return None
    at = at.astimezone(dt.UTC)
    if code in _OWN_CALENDARS:
        start = dt.datetime.combine(at.date(), dt.time(), tzinfo=dt.UTC)
        return start, start + dt.timedelta(days=1)
    calendar = _calendar(code)
    session = calendar.minute_to_session(pd.Timestamp(at).floor("min"))
    opened: dt.datetime = calendar.session_open(session).to_pydatetime()
    closed: dt.datetime = calendar.session_close(session).to_pydatetime()
    return opened.astimezone(dt.UTC), closed.astimezone(dt.UTC)
