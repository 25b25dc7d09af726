"""Who may touch what: every user-owned object is reached only through these functions."""

# Zulip-style access checks: a few functions, one condition a line, so coverage proves each branch.
# Views never call ``Model.objects`` for user data; they start from the querysets below, which
# already hold only the requesting user's rows. Someone else's id therefore looks exactly like an
# id that does not exist: 404, never 403 (which would confirm that it exists).

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import QuerySet
from rest_framework.exceptions import NotFound

from stockvis.portfolios.models import (
    Holding,
    Notification,
    Portfolio,
    PortfolioSnapshot,
    PriceAlert,
    Transaction,
    Watchlist,
    WatchlistItem,
)

M = TypeVar("M", Portfolio, Watchlist)


def is_signed_in(user: Any) -> bool:
    if user is None:
        return False
    if not user.is_authenticated:
        return False
    return bool(user.is_active)


def owned_portfolios(user: Any) -> QuerySet[Portfolio]:
    if not is_signed_in(user):
        return Portfolio.objects.none()
    return Portfolio.objects.filter(owner=user)


def owned_holdings(user: Any) -> QuerySet[Holding]:
    if not is_signed_in(user):
        return Holding.objects.none()
    return Holding.objects.filter(portfolio__owner=user).select_related("asset", "portfolio")


def owned_transactions(user: Any) -> QuerySet[Transaction]:
    if not is_signed_in(user):
        return Transaction.objects.none()
    return Transaction.objects.filter(portfolio__owner=user).select_related("asset", "portfolio")


def owned_snapshots(user: Any) -> QuerySet[PortfolioSnapshot]:
    if not is_signed_in(user):
        return PortfolioSnapshot.objects.none()
    return PortfolioSnapshot.objects.filter(portfolio__owner=user)


def owned_watchlists(user: Any) -> QuerySet[Watchlist]:
    if not is_signed_in(user):
        return Watchlist.objects.none()
    return Watchlist.objects.filter(owner=user)


def owned_watchlist_items(user: Any) -> QuerySet[WatchlistItem]:
    if not is_signed_in(user):
        return WatchlistItem.objects.none()
    return WatchlistItem.objects.filter(watchlist__owner=user).select_related("asset")


def owned_alerts(user: Any) -> QuerySet[PriceAlert]:
    if not is_signed_in(user):
        return PriceAlert.objects.none()
    return PriceAlert.objects.filter(owner=user).select_related("asset")


def owned_notifications(user: Any) -> QuerySet[Notification]:
    if not is_signed_in(user):
        return Notification.objects.none()
    return Notification.objects.filter(owner=user)


def portfolio_for(user: Any, portfolio_id: object) -> Portfolio:
    """The user's portfolio ``portfolio_id`` (from a URL or a request body), else 404."""
    return _one_of(owned_portfolios(user), portfolio_id, "portfolio")


def watchlist_for(user: Any, watchlist_id: object) -> Watchlist:
    return _one_of(owned_watchlists(user), watchlist_id, "watchlist")


def default_portfolio_for(user: Any) -> Portfolio:
    found = owned_portfolios(user).filter(is_default=True).first()
    if found is None:
        found = owned_portfolios(user).first()
    if found is None:
        raise NotFound("you have no portfolio yet; create one first")
    return found


def _one_of(queryset: QuerySet[M], object_id: object, noun: str) -> M:
    try:
        key = int(str(object_id))
    except ValueError:
        raise NotFound(f"{noun} not found") from None
    found = queryset.filter(pk=key).first()
    if found is None:
        raise NotFound(f"{noun} not found")
    return found
