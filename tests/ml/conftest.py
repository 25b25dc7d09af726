"""Fixtures of the ML tests: assets whose bars follow a known process, small walk-forwards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from stockvis.analysis.indicators import Bars
from stockvis.core.calendars import sessions_between
from stockvis.market.models import Asset, DailyPrice


@pytest.fixture(autouse=True)
def small_walk_forward(settings: Any, tmp_path: Path) -> None:
    settings.ML_MODELS_DIR = tmp_path / "models"
    settings.ML_MIN_TRAIN = 250
    settings.ML_RETRAIN_EVERY = 150
    settings.ALERT_WEBHOOK_URL = ""


def store_bars(
    symbol: str,
    bars: Bars,
    *,
    exchange: str = "XNYS",
    market: str = "US",
    currency: str = "USD",
    source: str = "csv",
    end: dt.date = dt.date(2026, 11, 20),
) -> Asset:
    """Store ``bars`` as the daily bars of ``symbol``, on the exchange's sessions ending at ``end``."""
    asset, _ = Asset.objects.get_or_create(
        symbol=symbol,
        defaults={
            "name": symbol,
            "category": "index" if symbol in {"US500", "KS11"} else "stock",
            "market": market,
            "exchange": exchange,
            "currency": currency,
            "preferred_source": source,
        },
    )
    days = sessions_between(exchange, end - dt.timedelta(days=len(bars) * 2 + 30), end)[
        -len(bars) :
    ]
    DailyPrice.objects.bulk_create(
        DailyPrice(
            asset=asset,
            date=day,
            source=source,
            open=float(o),
            high=float(h),
            low=float(lo),
            close=float(c),
            volume=float(v),
        )
        for day, o, h, lo, c, v in zip(
            days, bars.open, bars.high, bars.low, bars.close, bars.volume, strict=True
        )
    )
    return asset


def tail(bars: Bars, n: int) -> Bars:
    return Bars(
        open=bars.open[-n:],
        high=bars.high[-n:],
        low=bars.low[-n:],
        close=bars.close[-n:],
        volume=bars.volume[-n:],
    )


def constant_close(n: int) -> np.ndarray:
    return np.full(n, 100.0)
