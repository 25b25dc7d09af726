"""Which stored bars are closed: today's daily bar and this week's weekly bar may still be forming."""

# Pure: no Django, no clock (`now` is passed in). Signals read closed bars only (see `Bars`), so
# the indicator API and the snapshots cut the series at the last bar whose session has ended by
# the exchange's own calendar. Only the newest bars can be open, so only the tail is checked.

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import exchange_calendars as xcals
import pandas as pd

from stockvis.core.calendars import EVERY_DAY, WEEKDAYS, UnknownExchange, exchange_calendar
from stockvis.core.calendars import session_close as exchange_session_close


def _calendar(code: str) -> xcals.ExchangeCalendar | None:
    try:
        return exchange_calendar(code)
    except UnknownExchange:
        return None


def session_close(exchange: str, day: dt.date) -> dt.datetime:
    """When the session of `day` ends; midnight UTC for 24-hour markets and unknown calendars."""
    try:
        return exchange_session_close(exchange, day)
    except UnknownExchange:
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


def _last_session_of_week(exchange: str, day: dt.date) -> dt.date:
    # Weekly bars run Monday to Sunday and carry the date of their latest session so far.
    sunday = day + dt.timedelta(days=6 - day.weekday())
    if exchange == EVERY_DAY:
        return sunday
    if exchange == WEEKDAYS:
        return max(day, sunday - dt.timedelta(days=2))
    calendar = _calendar(exchange)
    if calendar is None:
        return sunday
    try:
        sessions = calendar.sessions_in_range(pd.Timestamp(day), pd.Timestamp(sunday))
    except (ValueError, xcals.errors.DateOutOfBounds):
        return sunday
    return sessions[-1].date() if len(sessions) else day


def bar_close(exchange: str, bar_type: str, day: dt.date) -> dt.datetime:
    """When the bar dated `day` stops changing: its session's close, or its week's last close."""
    if bar_type == "weekly":
        day = _last_session_of_week(exchange, day)
    return session_close(exchange, day)


def closed_bar_count(
    dates: Sequence[dt.date], *, exchange: str, bar_type: str, now: dt.datetime
) -> int:
    """How many of `dates` (oldest first) are closed bars at `now` (an aware datetime)."""
    count = len(dates)
    while count and bar_close(exchange, bar_type, dates[count - 1]) > now:
        count -= 1
    return count
