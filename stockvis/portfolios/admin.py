"""Admin for what users own (read mostly; support staff look, users change through the API)."""

from django.contrib import admin

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


class HoldingInline(admin.TabularInline):
    model = Holding
    extra = 0
    raw_id_fields = ("asset",)


@admin.register(Portfolio)
class PortfolioAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "base_currency", "mode", "is_default", "created_at")
    list_filter = ("mode", "base_currency")
    search_fields = ("name", "owner__username")
    inlines = (HoldingInline,)


@admin.register(Transaction)
class TransactionAdmin(admin.ModelAdmin):
    list_display = ("portfolio", "asset", "kind", "date", "quantity", "price", "fee", "currency")
    list_filter = ("kind",)
    raw_id_fields = ("portfolio", "asset")


@admin.register(PortfolioSnapshot)
class PortfolioSnapshotAdmin(admin.ModelAdmin):
    list_display = ("portfolio", "taken_at", "kind", "total_value", "pnl", "pnl_pct")
    list_filter = ("kind",)


class WatchlistItemInline(admin.TabularInline):
    model = WatchlistItem
    extra = 0
    raw_id_fields = ("asset",)


@admin.register(Watchlist)
class WatchlistAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "created_at")
    inlines = (WatchlistItemInline,)


@admin.register(PriceAlert)
class PriceAlertAdmin(admin.ModelAdmin):
    list_display = ("owner", "asset", "kind", "threshold", "is_active", "condition_met")
    list_filter = ("kind", "is_active")
    raw_id_fields = ("asset",)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("owner", "title", "created_at", "read_at")
