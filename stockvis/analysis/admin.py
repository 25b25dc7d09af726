"""Admin for the screener's indicator snapshots: read-only, they are rebuilt from the bars."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from stockvis.analysis.models import IndicatorSnapshot


@admin.register(IndicatorSnapshot)
class IndicatorSnapshotAdmin(admin.ModelAdmin):
    list_display = ("asset", "as_of", "close", "change_percent", "rsi", "score", "label", "source")
    list_filter = ("label", "asset__category", "asset__market", "source")
    search_fields = ("asset__symbol", "asset__name")
    ordering = ("-score",)
    list_select_related = ("asset",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
