"""Live portfolio values for ``/ws/portfolio/``: each portfolio of one user valued at the feed's
latest quotes (stored closes for symbols the feed has not seen), in its base currency."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils import timezone

from stockvis.portfolios import selectors as portfolio_selectors
from stockvis.portfolios.models import Holding, Portfolio
from stockvis.portfolios.reports import ValuationUnavailable, jsonable, portfolio_valuation
from stockvis.realtime import quotes

PORTFOLIO_UPDATE = "portfolio_update"


def _portfolio_entry(
    portfolio: Portfolio, live: dict[str, portfolio_selectors.Quote], today: dt.date
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": portfolio.pk,
        "name": portfolio.name,
        "base_currency": portfolio.base_currency,
    }
    try:
        report = portfolio_valuation(portfolio=portfolio, on=today, live=live)
    except ValuationUnavailable as exc:
        return {**entry, "error": str(exc.detail)}
    total = report.valuation.total
    shown = total.to_display()
    return jsonable(
        {
            **entry,
            "market_value": shown["market_value"],
            "cost": shown["cost"],
            "day_change": shown["day_change"],
            "day_change_pct": shown["day_change_pct"],
            "unrealised_pnl": shown["unrealised_pnl"],
            "unrealised_pnl_pct": shown["unrealised_pnl_pct"],
            "realised_pnl": shown["realised_pnl"],
            "live_symbols": sorted(s for s in live if s in report.quotes),
            "unpriced": report.unpriced,
            "synthetic": report.synthetic,
        }
    )


def portfolio_message(*, user_id: int, now: dt.datetime | None = None) -> dict[str, Any]:
    """``{"type": "portfolio_update", "timestamp", "portfolios": [...]}`` for one user."""
    now = now or timezone.now()
    portfolios = list(Portfolio.objects.filter(owner_id=user_id).order_by("created_at", "pk"))
    held = set(
        Holding.objects.filter(portfolio__owner_id=user_id).values_list("asset__symbol", flat=True)
    )
    live = {s: portfolio_selectors.Quote.from_live(q) for s, q in quotes.quotes_live(held).items()}
    # Bars are dated by the exchange's day, which may already be tomorrow in UTC.
    today = now.date() + dt.timedelta(days=1)
    return {
        "type": PORTFOLIO_UPDATE,
        "timestamp": now.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "portfolios": [_portfolio_entry(p, live, today) for p in portfolios],
    }


def owners_holding(symbols: Iterable[str]) -> set[int]:
    return set(
        Holding.objects.filter(asset__symbol__in=list(symbols), quantity__gt=Decimal(0))
        .values_list("portfolio__owner_id", flat=True)
        .distinct()
    )
