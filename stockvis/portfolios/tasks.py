"""Celery entry points: alert evaluation, Discord delivery, portfolio snapshots.

Tasks take ids or symbols, re-fetch, and return quietly when the object is gone.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils import timezone

from stockvis.core.calendars import UnknownExchange, is_session
from stockvis.portfolios import markets, selectors, services
from stockvis.portfolios.discord import discord_post
from stockvis.portfolios.models import Notification, PortfolioSnapshot

logger = logging.getLogger(__name__)


@shared_task(name="stockvis.portfolios.tasks.evaluate_price_alerts")
def evaluate_price_alerts(*, symbols: list[str]) -> int:
    """Evaluate the alerts of ``symbols`` after new prices; returns how many fired."""
    fired = services.alerts_evaluate(symbols=symbols, now=timezone.now())
    return len(fired)


@shared_task(name="stockvis.portfolios.tasks.deliver_discord_notification")
def deliver_discord_notification(*, notification_id: int) -> bool:
    notification = Notification.objects.select_related("owner").filter(pk=notification_id).first()
    if notification is None or not notification.owner.discord_webhook_url:
        return False
    content = f"**{notification.title}**\n{notification.message}"
    if notification.data.get("synthetic"):
        content += "\n(synthetic demo data)"
    return discord_post(url=notification.owner.discord_webhook_url, content=content)


@shared_task(name="stockvis.portfolios.tasks.take_intraday_snapshots")
def take_intraday_snapshots() -> int:
    """Every 5 minutes: snapshot the portfolios that hold an asset of a market open right now."""
    now = timezone.now()
    open_now = [code for code in selectors.exchanges_held() if markets.is_open_at(code, now)]
    if not open_now:
        return 0
    taken = 0
    for portfolio in selectors.portfolios_holding_exchanges(open_now):
        kind = PortfolioSnapshot.Kind.INTRADAY
        taken += services.snapshot_take(portfolio=portfolio, kind=kind, at=now) is not None
    return taken


@shared_task(name="stockvis.portfolios.tasks.take_close_snapshots")
def take_close_snapshots(exchange: str) -> int:
    """After ``exchange``'s close on a session day: one close snapshot of each portfolio holding it.

    Safe to run more than once a day (the beat entry runs twice around a DST-dependent close):
    nothing happens while the market is still open, and a portfolio that already has today's
    close snapshot is skipped.
    """
    now = timezone.now()
    today = markets.local_date(exchange, now)
    try:
        trading_day = is_session(exchange, today)
    except UnknownExchange:
        logger.warning("close snapshots asked for unknown exchange %s", exchange)
        return 0
    if not trading_day or markets.is_open_at(exchange, now):
        return 0
    kind = PortfolioSnapshot.Kind.CLOSE
    done = set(
        PortfolioSnapshot.objects.filter(kind=kind, as_of=today).values_list(
            "portfolio_id", flat=True
        )
    )
    taken = 0
    for portfolio in selectors.portfolios_holding_exchanges([exchange]):
        if portfolio.pk in done:
            continue
        taken += services.snapshot_take(portfolio=portfolio, kind=kind, at=now) is not None
    return taken
