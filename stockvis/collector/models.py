"""Records of collection: every job run, and the data-quality flags it raised."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from stockvis.market.models import Asset


class JobStatus(models.TextChoices):
    RUNNING = "running", "Running"
    SUCCESS = "success", "Success"
    PARTIAL_FAILURE = "partial_failure", "Partial failure"
    FAILURE = "failure", "Failure"


class JobRun(models.Model):
    """One run of a collection job. ``results`` holds per-asset outcomes keyed by symbol."""

    job_name = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=JobStatus.choices, default=JobStatus.RUNNING)
    provider = models.CharField(max_length=32, blank=True)
    parameters = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    results = models.JSONField(default=dict, blank=True)
    error_summary = models.JSONField(default=dict, blank=True)
    # Who runs it and when it last showed signs of life: a job whose process was killed never
    # finishes by itself, so ``jobs_reap`` marks it failed from these.
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    # When that process started, in clock ticks since the machine booted (Linux's /proc): with
    # the pid, it names the process exactly, so a later process given the same pid is not it.
    pid_started = models.BigIntegerField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-started_at",)
        indexes = (models.Index(fields=("job_name", "-started_at")),)

    def __str__(self) -> str:
        return f"{self.job_name} #{self.pk} {self.status}"

    @property
    def duration_seconds(self) -> float | None:
        if self.ended_at is None:
            return None
        return (self.ended_at - self.started_at).total_seconds()


class FlagKind(models.TextChoices):
    GAP = "gap", "Date gap"
    SPIKE = "spike", "Price spike"
    OHLC = "ohlc", "OHLC sanity"


class DataQualityFlag(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="quality_flags")
    date = models.DateField()
    kind = models.CharField(max_length=8, choices=FlagKind.choices)
    detail = models.CharField(max_length=500)
    source = models.CharField(max_length=32, blank=True)
    job_run = models.ForeignKey(JobRun, null=True, blank=True, on_delete=models.SET_NULL)
    reviewed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-date",)
        constraints = (
            models.UniqueConstraint(fields=("asset", "date", "kind"), name="quality_flag_unique"),
        )

    def __str__(self) -> str:
        return f"{self.kind} {self.asset_id} {self.date}"
