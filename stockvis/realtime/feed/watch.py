"""Which symbols the feed polls, most important first: open sockets, then holdings, then
watchlists, then alerts; only while the asset's market is open."""

from __future__ import annotations

import datetime as dt

from stockvis.core import calendars
from stockvis.market.models import Asset, DailyPrice
from stockvis.market.selectors import serving_source
from stockvis.portfolios.models import Holding, PriceAlert, WatchlistItem
from stockvis.providers.base import AssetRef, Category
from stockvis.realtime import quotes
from stockvis.realtime.feed.sources import Watched

SOCKETS, HOLDINGS, WATCHLISTS, ALERTS = range(4)


def _open_now(asset: Asset, now: dt.datetime) -> bool:
    try:
        return calendars.is_open_at(asset.exchange, now)
    except calendars.UnknownExchange:
        return False


# (asset id, local date) -> previous close: one query per asset and day, not one per refresh.
_previous: dict[tuple[int, dt.date], float | None] = {}


def _previous_close(asset: Asset, now: dt.datetime) -> float | None:
    """The close before today's session (the walk starts there; the day change is against it)."""
    try:
        today = calendars.local_date(asset.exchange, now)
    except calendars.UnknownExchange:
        return None
    key = (asset.pk, today)
    if key not in _previous:
        if len(_previous) > 10_000:
            _previous.clear()
        _previous[key] = _stored_close_before(asset, today)
    return _previous[key]


def _stored_close_before(asset: Asset, today: dt.date) -> float | None:
    row = (
        # The serving source (real data before synthetic), as the chart and valuation read it.
        DailyPrice.objects.filter(asset=asset, source=serving_source(asset), date__lt=today)
        .order_by("-date")
        .values_list("close", flat=True)
        .first()
    )
    return None if row is None else float(row)


def watched_assets(now: dt.datetime) -> list[Watched]:
    active = {a.symbol: a for a in Asset.objects.filter(is_active=True)}
    ranked: dict[str, int] = {}
    for symbol in sorted(quotes.symbols_with_sockets(active)):
        ranked.setdefault(symbol, SOCKETS)
    groups = (
        (HOLDINGS, Holding.objects.filter(quantity__gt=0).values_list("asset__symbol", flat=True)),
        (WATCHLISTS, WatchlistItem.objects.values_list("asset__symbol", flat=True)),
        (
            ALERTS,
            PriceAlert.objects.filter(is_active=True).values_list("asset__symbol", flat=True),
        ),
    )
    for priority, symbols in groups:
        for symbol in sorted(set(symbols)):
            ranked.setdefault(symbol, priority)
    out = []
    for symbol, priority in sorted(ranked.items(), key=lambda item: (item[1], item[0])):
        asset = active.get(symbol)
        if asset is None or not _open_now(asset, now):
            continue
        ref = AssetRef(
            symbol=asset.symbol,
            exchange=asset.exchange,
            category=Category(asset.category),
            currency=asset.currency,
            provider_symbol=asset.provider_symbol(asset.preferred_source),
        )
        out.append(Watched(ref, asset.preferred_source, _previous_close(asset, now), priority))
    return out
