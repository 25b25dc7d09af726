"""Admin for the asset master, prices, profiles and statements."""

from django.contrib import admin

from stockvis.market import models


@admin.register(models.Asset)
class AssetAdmin(admin.ModelAdmin):
    list_display = (
        "symbol",
        "name",
        "name_local",
        "category",
        "market",
        "exchange",
        "currency",
        "preferred_source",
        "is_active",
    )
    list_filter = ("category", "market", "exchange", "preferred_source", "is_active")
    search_fields = ("symbol", "name", "name_local")


class PriceAdmin(admin.ModelAdmin):
    list_display = (
        "asset",
        "date",
        "source",
        "open",
        "high",
        "low",
        "close",
        "volume",
        "ingested_at",
    )
    list_filter = ("source",)
    search_fields = ("asset__symbol",)
    date_hierarchy = "date"
    list_select_related = ("asset",)
    raw_id_fields = ("asset",)


admin.site.register(models.DailyPrice, PriceAdmin)
admin.site.register(models.WeeklyPrice, PriceAdmin)


@admin.register(models.CompanyProfile)
class CompanyProfileAdmin(admin.ModelAdmin):
    list_display = ("asset", "name", "sector", "industry", "market_capitalization", "source")
    search_fields = ("asset__symbol", "name")
    raw_id_fields = ("asset",)


class StatementAdmin(admin.ModelAdmin):
    list_display = ("asset", "period_type", "fiscal_date_ending", "reported_currency", "source")
    list_filter = ("period_type", "source")
    search_fields = ("asset__symbol",)
    raw_id_fields = ("asset",)


for _model in models.STATEMENT_MODELS.values():
    admin.site.register(_model, StatementAdmin)


@admin.register(models.CorporateAction)
class CorporateActionAdmin(admin.ModelAdmin):
    list_display = ("asset", "ex_date", "kind", "ratio", "amount", "source", "ingested_at")
    list_filter = ("kind", "source")
    search_fields = ("asset__symbol",)
    date_hierarchy = "ex_date"
    list_select_related = ("asset",)
