"""What a user owns: portfolios, holdings, transactions, watchlists, alerts, notifications, snapshots."""

# Every model here belongs to exactly one user, directly (``owner``) or through its portfolio or
# watchlist. Reads go through ``stockvis.portfolios.access`` so no query forgets the owner.

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from stockvis.accounts.models import Currency
from stockvis.market.models import Asset

# Quantities allow fractional crypto (10 decimals); prices sub-cent quotes (8); stored money 4.
# Exact Decimal in PostgreSQL.


class PortfolioMode(models.TextChoices):
    # One clear model per portfolio: holdings typed in directly, or derived from the ledger.
    HOLDINGS = "holdings", "Holdings entered directly"
    LEDGER = "ledger", "Holdings derived from transactions"


class Portfolio(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portfolios"
    )
    name = models.CharField(max_length=80)
    base_currency = models.CharField(max_length=3, choices=Currency.choices)
    mode = models.CharField(
        max_length=8, choices=PortfolioMode.choices, default=PortfolioMode.HOLDINGS
    )
    is_default = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A new random value whenever a transaction of this portfolio is written or deleted, in the
    # same database transaction as the change: decoded ledgers are cached under it
    # (``stockvis.portfolios.ledger_cache``). Random, not a counter, so a change that is rolled
    # back can never leave a cached ledger under a version a later change would reuse.
    ledger_version = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        ordering = ("-is_default", "name", "id")
        constraints = (
            models.UniqueConstraint(fields=("owner", "name"), name="portfolio_name_per_owner"),
            models.UniqueConstraint(
                fields=("owner",), condition=Q(is_default=True), name="one_default_portfolio"
            ),
        )

    def __str__(self) -> str:
        return f"{self.name} ({self.owner_id})"


class Holding(models.Model):
    """A position. In ledger mode the row is rebuilt from the transactions after every change."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="holdings")
    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="+")
    quantity = models.DecimalField(max_digits=28, decimal_places=10)
    average_price = models.DecimalField(max_digits=28, decimal_places=8)
    acquired_on = models.DateField(
        help_text="When the position was opened; the reconstructed history starts here."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("portfolio_id", "asset__symbol")
        constraints = (
            models.UniqueConstraint(fields=("portfolio", "asset"), name="holding_unique_asset"),
        )

    def __str__(self) -> str:
        return f"{self.asset_id} × {self.quantity}"


class TransactionKind(models.TextChoices):
    BUY = "buy", "Buy"
    SELL = "sell", "Sell"
    DIVIDEND = "dividend", "Dividend"
    FEE = "fee", "Fee"


def ledger_changed(portfolio_ids: Iterable[int]) -> None:
    """Give these portfolios a new ``ledger_version`` (every write of their transactions)."""
    ids = set(portfolio_ids)
    if ids:
        Portfolio.objects.filter(pk__in=ids).update(ledger_version=uuid.uuid4())


class TransactionQuerySet(models.QuerySet["Transaction"]):
    """Every way the ORM writes transactions changes their portfolios' ``ledger_version``: these
    bulk paths here, ``save()`` and ``delete()`` on the model (the admin's included). A portfolio's
    own deletion removes its transactions without either, and its cached ledger with it."""

    def bulk_create(
        self, objs: Iterable[Transaction], *args: Any, **kwargs: Any
    ) -> list[Transaction]:
        created = super().bulk_create(objs, *args, **kwargs)
        ledger_changed(tx.portfolio_id for tx in created)
        return created

    def bulk_update(self, objs: Iterable[Transaction], *args: Any, **kwargs: Any) -> int:
        objs = list(objs)
        updated = super().bulk_update(objs, *args, **kwargs)
        ledger_changed(tx.portfolio_id for tx in objs)
        return updated

    def update(self, **kwargs: Any) -> int:
        portfolios = set(self.values_list("portfolio_id", flat=True))
        moved_to = kwargs.get("portfolio", kwargs.get("portfolio_id"))
        if moved_to is not None:
            portfolios.add(getattr(moved_to, "pk", moved_to))
        updated = super().update(**kwargs)
        ledger_changed(portfolios)
        return updated

    def delete(self) -> tuple[int, dict[str, int]]:
        portfolios = set(self.values_list("portfolio_id", flat=True))
        deleted = super().delete()
        ledger_changed(portfolios)
        return deleted


class Transaction(models.Model):
    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="transactions")
    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=8, choices=TransactionKind.choices)
    date = models.DateField()
    quantity = models.DecimalField(max_digits=28, decimal_places=10)
    price = models.DecimalField(max_digits=28, decimal_places=8)
    fee = models.DecimalField(max_digits=28, decimal_places=8, default=0)
    currency = models.CharField(max_length=3)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TransactionQuerySet.as_manager()

    class Meta:
        ordering = ("date", "id")
        indexes = (models.Index(fields=("portfolio", "date"), name="transaction_by_date"),)

    def __str__(self) -> str:
        return f"{self.kind} {self.asset_id} {self.date}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        previous = None
        if self.pk is not None and not self._state.adding:
            # Moved to another portfolio: both ledgers changed.
            previous = (
                Transaction.objects.filter(pk=self.pk)
                .values_list("portfolio_id", flat=True)
                .first()
            )
        super().save(*args, **kwargs)
        ledger_changed({self.portfolio_id, *([previous] if previous is not None else [])})

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        portfolio_id = self.portfolio_id
        deleted = super().delete(*args, **kwargs)
        ledger_changed([portfolio_id])
        return deleted


class PortfolioSnapshot(models.Model):
    """The portfolio's value at one moment, in its base currency."""

    class Kind(models.TextChoices):
        INTRADAY = "intraday", "While a market is open"
        CLOSE = "close", "After a market's close"

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="snapshots")
    taken_at = models.DateTimeField()
    kind = models.CharField(max_length=8, choices=Kind.choices)
    as_of = models.DateField(help_text="The valuation date (the close the prices belong to).")
    currency = models.CharField(max_length=3)
    total_value = models.DecimalField(max_digits=30, decimal_places=4)
    total_cost = models.DecimalField(max_digits=30, decimal_places=4)
    pnl = models.DecimalField(max_digits=30, decimal_places=4)
    pnl_pct = models.DecimalField(max_digits=12, decimal_places=4, null=True)

    class Meta:
        ordering = ("portfolio_id", "taken_at")
        indexes = (models.Index(fields=("portfolio", "taken_at"), name="snapshot_by_time"),)

    def __str__(self) -> str:
        return f"{self.portfolio_id} {self.taken_at:%Y-%m-%d %H:%M} {self.total_value}"


class Watchlist(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watchlists"
    )
    name = models.CharField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name", "id")
        constraints = (
            models.UniqueConstraint(fields=("owner", "name"), name="watchlist_name_per_owner"),
        )

    def __str__(self) -> str:
        return self.name


class WatchlistItem(models.Model):
    watchlist = models.ForeignKey(Watchlist, on_delete=models.CASCADE, related_name="items")
    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("added_at", "id")
        constraints = (
            models.UniqueConstraint(fields=("watchlist", "asset"), name="watchlist_unique_asset"),
        )

    def __str__(self) -> str:
        return f"{self.watchlist_id}: {self.asset_id}"


class AlertKind(models.TextChoices):
    PRICE_ABOVE = "price_above", "Price at or above"
    PRICE_BELOW = "price_below", "Price at or below"
    CHANGE_UP = "change_up", "Daily change at or above +threshold %"
    CHANGE_DOWN = "change_down", "Daily change at or below −threshold %"
    RSI_ABOVE = "rsi_above", "RSI at or above"
    RSI_BELOW = "rsi_below", "RSI at or below"


class PriceAlert(models.Model):
    """Edge-triggered: fires when the condition turns true, re-arms when it turns false again."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="price_alerts"
    )
    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=AlertKind.choices)
    threshold = models.DecimalField(max_digits=28, decimal_places=8)
    rsi_period = models.PositiveSmallIntegerField(default=14)
    is_active = models.BooleanField(default=True)
    # The last evaluated state of the condition; null until prices were first seen.
    condition_met = models.BooleanField(null=True)
    last_value = models.DecimalField(max_digits=28, decimal_places=8, null=True)
    last_evaluated_at = models.DateTimeField(null=True)
    last_triggered_at = models.DateTimeField(null=True)
    trigger_count = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=("asset", "is_active"), name="alert_by_asset"),)

    def __str__(self) -> str:
        return f"{self.asset_id} {self.kind} {self.threshold}"


class Notification(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    alert = models.ForeignKey(
        PriceAlert, on_delete=models.SET_NULL, null=True, related_name="notifications"
    )
    kind = models.CharField(max_length=32, default="price_alert")
    title = models.CharField(max_length=200)
    message = models.TextField()
    data = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=("owner", "read_at"), name="notification_unread"),)

    def __str__(self) -> str:
        return self.title
