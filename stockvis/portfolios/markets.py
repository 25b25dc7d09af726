"""Whether an exchange is trading at a given instant (for the 5-minute snapshots).

The calendars live in ``stockvis.core.calendars`` (loaded once per process); this module keeps
the portfolio tasks' vocabulary and treats an exchange no calendar knows as closed.
"""

from __future__ import annotations

import datetime as dt

from stockvis.core import calendars


def is_open_at(code: str, at: dt.datetime) -> bool:
    """True while ``code`` trades at the aware instant ``at``: 24/7 always, 24/5 on UTC weekdays."""
    if not calendars.is_known_exchange(code):
        if at.tzinfo is None:
            raise ValueError("is_open_at needs an aware datetime")
        return False
    return calendars.is_open_at(code, at)


def local_date(code: str, at: dt.datetime) -> dt.date:
    """The date at ``at`` in the exchange's own time zone (UTC for 24/7, 24/5 and unknown codes)."""
    if not calendars.is_known_exchange(code):
        return at.astimezone(dt.UTC).date()
    return calendars.local_date(code, at)
