"""The chart's ``period=1d``: today's one-minute bars from the feed, when it saw any."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from stockvis.core import calendars
from stockvis.market.models import SYNTHETIC_SOURCE, Asset
from stockvis.market.serializers import synthetic_notice
from stockvis.realtime.models import IntradayBar


def intraday_chart_payload(asset: Asset, now: dt.datetime | None = None) -> dict[str, Any] | None:
    """The chart body for the asset's latest day with intraday bars (within the retention), in
    the exchange's own day, ``time`` as Unix seconds (what lightweight-charts takes for
    intraday); None when the feed has none, so the caller falls back to daily bars."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=settings.INTRADAY_RETENTION_DAYS)
    bars = IntradayBar.objects.filter(asset=asset, start__gte=since)
    newest = bars.order_by("-start").values_list("start", "source").first()
    if newest is None:
        return None
    start, source = newest
    try:
        zone = calendars.exchange_zone(asset.exchange)
    except calendars.UnknownExchange:
        zone = dt.UTC
    day = start.astimezone(zone).date()
    day_start = dt.datetime.combine(day, dt.time(), tzinfo=zone)
    rows = list(
        bars.filter(source=source, start__gte=day_start, start__lt=day_start + dt.timedelta(days=1))
        .order_by("start")
        .values_list("start", "open", "high", "low", "close", "volume")
    )
    out = [
        {"time": int(t.timestamp()), "open": o, "high": h, "low": lo, "close": c, "volume": v}
        for t, o, h, lo, c, v in rows
    ]
    synthetic = source == SYNTHETIC_SOURCE
    return {
        "symbol": asset.symbol,
        "name": asset.name,
        "name_local": asset.name_local,
        "category": asset.category,
        "currency": asset.currency,
        "type": "intraday",
        "interval": "1m",
        "period": "1d",
        "days": None,
        "source": source,
        "synthetic": synthetic,
        "notice": synthetic_notice(synthetic),
        "count": len(out),
        "first_date": day.isoformat(),
        "last_date": day.isoformat(),
        "bars": out,
    }
