"""Admin for job runs and data-quality flags (review flags here)."""

from django.contrib import admin

from stockvis.collector.models import DataQualityFlag, JobRun


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ("id", "job_name", "status", "provider", "started_at", "ended_at")
    list_filter = ("status", "job_name", "provider")
    readonly_fields = ("results", "error_summary", "parameters")


@admin.register(DataQualityFlag)
class DataQualityFlagAdmin(admin.ModelAdmin):
    list_display = ("asset", "date", "kind", "detail", "reviewed")
    list_filter = ("kind", "reviewed")
    list_editable = ("reviewed",)
    search_fields = ("asset__symbol", "detail")
    raw_id_fields = ("asset", "job_run")
