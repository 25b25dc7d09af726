"""Shared set-up of the analysis API tests: demo data at a fixed date, stored bars as arrays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
import time_machine

from stockvis.collector.demo import demo_load
from stockvis.market.models import Asset, DailyPrice, PriceBarBase

DEMO_TODAY = dt.date(2026, 11, 20)  # a Friday
# Saturday noon UTC: every demo bar up to Friday is closed, crypto's Friday bar included.
AFTER_THE_CLOSE = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def after_the_close() -> Iterator[None]:
    with time_machine.travel(AFTER_THE_CLOSE, tick=False):
        yield


@pytest.fixture
def demo(db: Any, after_the_close: None, django_capture_on_commit_callbacks: Any) -> None:
    """Two years of demo bars; the ingest's `prices_changed` runs, as after a real commit."""
    with django_capture_on_commit_callbacks(execute=True):
        demo_load(today=DEMO_TODAY, years=2)


def stored_bars(symbol: str, model: type[PriceBarBase] = DailyPrice) -> dict[str, Any]:
    """The stored bars of `symbol` as float64 columns plus ISO dates, oldest first."""
    rows = list(
        model._default_manager.filter(asset=Asset.objects.by_symbol(symbol))
        .order_by("date")
        .values_list("date", "open", "high", "low", "close", "volume")
    )
    dates, *columns = zip(*rows, strict=True)
    bars: dict[str, Any] = {
        name: np.asarray(column, dtype=np.float64)
        for name, column in zip(("open", "high", "low", "close", "volume"), columns, strict=True)
    }
    bars["dates"] = [day.isoformat() for day in dates]
    return bars


def as_array(values: list[float | None]) -> np.ndarray:
    return np.array([np.nan if value is None else value for value in values], dtype=np.float64)
