"""Output shapes of the staff-only collection API: job runs, freshness rows, quality flags."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from stockvis.collector.models import DataQualityFlag, JobRun

FRESHNESS_STATUSES = (("OK", "OK"), ("STALE", "Stale"), ("UNKNOWN", "Unknown exchange"))


class JobRunSerializer(serializers.ModelSerializer[JobRun]):
    """A run without its per-asset results (the list); counts say how many there are."""

    duration_seconds = serializers.FloatField(allow_null=True, read_only=True)
    asset_count = serializers.SerializerMethodField()

    class Meta:
        model = JobRun
        fields: tuple[str, ...] = (
            "id",
            "job_name",
            "status",
            "provider",
            "parameters",
            "started_at",
            "ended_at",
            "duration_seconds",
            "asset_count",
            "error_summary",
        )

    def get_asset_count(self, run: JobRun) -> int:
        return len(run.results) if isinstance(run.results, dict) else 0


class JobRunDetailSerializer(JobRunSerializer):
    """A run with ``results``: per asset symbol, what the job did (shape depends on the job)."""

    results = serializers.SerializerMethodField()

    class Meta(JobRunSerializer.Meta):
        fields = (*JobRunSerializer.Meta.fields, "results")

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "object"}})
    def get_results(self, run: JobRun) -> dict[str, Any]:
        return run.results if isinstance(run.results, dict) else {}


class FreshnessRowSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField()
    exchange = serializers.CharField()
    latest = serializers.DateField(allow_null=True, help_text="Newest stored daily bar.")
    expected = serializers.DateField(
        allow_null=True, help_text="The session the newest bar should be from by now."
    )
    status = serializers.ChoiceField(choices=FRESHNESS_STATUSES)
    detail = serializers.CharField(allow_blank=True)


class QualityFlagRowSerializer(serializers.ModelSerializer[DataQualityFlag]):
    symbol = serializers.CharField(source="asset.symbol", read_only=True)

    class Meta:
        model = DataQualityFlag
        fields = ("id", "symbol", "date", "kind", "detail", "source", "job_run", "reviewed")
