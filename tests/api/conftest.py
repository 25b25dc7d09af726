"""Fixtures of the API tests: the demo universe loaded once per module, rolled back after it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from rest_framework.throttling import SimpleRateThrottle

from stockvis.collector.demo import demo_load

# A fixed "today" keeps every bar, date and count in these tests reproducible.
DEMO_TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_market(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """One year of the synthetic demo universe, shared by a module's tests (each test still runs
    in its own savepoint) and rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load(today=DEMO_TODAY, years=1)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def market(demo_market: None, db: None) -> None:
    """The demo universe, for a test that reads it through the API."""


@pytest.fixture
def throttle_rates(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The throttle rates DRF reads, replaceable per test (it binds them at import time)."""
    rates = dict(SimpleRateThrottle.THROTTLE_RATES)
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)
    return rates
