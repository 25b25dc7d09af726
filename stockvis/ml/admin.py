"""Admin for the model registry: read it, change a status; artifacts are written by training only."""

from __future__ import annotations

from django.contrib import admin

from stockvis.ml.models import ModelPrediction, PredictionModel, TrainingRun


@admin.register(PredictionModel)
class PredictionModelAdmin(admin.ModelAdmin):
    list_display = (
        "asset",
        "model_type",
        "horizon",
        "version",
        "algorithm",
        "status",
        "created_at",
    )
    list_filter = ("model_type", "status", "algorithm", "horizon")
    search_fields = ("asset__symbol",)
    list_select_related = ("asset",)
    readonly_fields = ("artifact_path", "artifact_sha256", "data_fingerprint", "backtest")


@admin.register(TrainingRun)
class TrainingRunAdmin(admin.ModelAdmin):
    list_display = ("pk", "status", "started_at", "ended_at")
    list_filter = ("status",)


@admin.register(ModelPrediction)
class ModelPredictionAdmin(admin.ModelAdmin):
    list_display = (
        "asset",
        "model_type",
        "horizon",
        "served_by",
        "as_of",
        "target_date",
        "value",
        "realised",
    )
    list_filter = ("model_type", "horizon")
    search_fields = ("asset__symbol",)
    list_select_related = ("asset",)
