"""Input fields every API shares: dates a user sends are bounded, so no date drives a loop over
centuries or an overflow; out-of-range dates are a 400 naming the allowed range."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from rest_framework import serializers

# Nothing Stock-Vis stores is older (the validators refuse bars before it too).
EARLIEST_DATE = dt.date(1900, 1, 1)
# Every zone is at most 14 hours ahead of UTC, so "today" anywhere is at most UTC's tomorrow.
FUTURE_SLACK = dt.timedelta(days=1)


def latest_date() -> dt.date:
    return timezone.now().date() + FUTURE_SLACK


class BoundedDateField(serializers.DateField):
    """A date from ``EARLIEST_DATE`` to today (in any zone); the future means nothing here."""

    def to_internal_value(self, value: Any) -> dt.date:
        parsed: dt.date = super().to_internal_value(value)
        latest = latest_date()
        if not EARLIEST_DATE <= parsed <= latest:
            raise serializers.ValidationError(
                f"must be between {EARLIEST_DATE.isoformat()} and {latest.isoformat()}"
            )
        return parsed


class BoundedDateTimeField(serializers.DateTimeField):
    """An ISO 8601 date-time in the same range; one without a zone is taken as UTC."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("default_timezone", dt.UTC)
        super().__init__(**kwargs)

    def to_internal_value(self, value: Any) -> dt.datetime:
        # DRF refuses what overflows in UTC (9999-12-31T23:59:59-14:00) as out of range.
        parsed: dt.datetime = super().to_internal_value(value)
        if not EARLIEST_DATE <= parsed.date() <= latest_date():
            raise serializers.ValidationError(
                f"must be between {EARLIEST_DATE.isoformat()} and {latest_date().isoformat()}"
            )
        return parsed
