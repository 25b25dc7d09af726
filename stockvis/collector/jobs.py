"""Job runs of collection: start and finish a ``JobRun``, what it did per asset, alerts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from stockvis.collector.models import JobRun, JobStatus
from stockvis.collector.upsert import UpsertCounts
from stockvis.core import alerts

logger = logging.getLogger(__name__)

_MAX_WARNINGS = 50


@dataclass
class AssetResult:
    """What one job did for one asset. ``status``: ok | partial | failed.

    ``partial`` means stored, but rows were rejected by validation or (backfill) some chunks
    failed after others committed; ``failed`` means nothing of this run was stored for the asset.
    """

    symbol: str
    provider: str = ""
    status: str = "ok"
    counts: dict[str, UpsertCounts] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    quota_exhausted: bool = False
    #: The error may pass on its own (timeout, 5xx, throttling): worth retrying the task.
    transient: bool = False
    flags: int = 0
    rejected: int = 0
    #: What the job did beyond the counts (e.g. weeks rebuilt from stored daily bars).
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> UpsertCounts:
        return sum(self.counts.values(), UpsertCounts())

    def fail(self, reason: str, *, quota: bool = False, transient: bool = False) -> None:
        self.status = "failed"
        self.error = reason
        self.quota_exhausted = self.quota_exhausted or quota
        self.transient = transient and not quota

    def rolled_back(self) -> None:
        """The asset's transaction was rolled back: nothing it counted was stored."""
        self.counts.clear()
        self.flags = 0
        self.notes.clear()

    def as_json(self) -> dict[str, object]:
        total = self.total
        return {
            "status": self.status,
            "provider": self.provider,
            **total.as_dict(),
            "kinds": {kind: counts.as_dict() for kind, counts in self.counts.items()},
            "rejected": self.rejected,
            "flags": self.flags,
            "warnings": self.warnings[:_MAX_WARNINGS],
            "warning_count": len(self.warnings),
            "notes": self.notes,
            "error": self.error,
            "quota_exhausted": self.quota_exhausted,
            "transient": self.transient,
        }


@dataclass
class JobReport:
    job: JobRun
    results: list[AssetResult]
    elapsed: float

    def _count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def ok(self) -> int:
        return self._count("ok")

    @property
    def partial(self) -> int:
        return self._count("partial")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def totals(self) -> UpsertCounts:
        return sum((r.total for r in self.results), UpsertCounts())

    @property
    def warnings(self) -> int:
        return sum(len(r.warnings) for r in self.results)

    @property
    def exit_code(self) -> int:
        """0 all succeeded, 1 partial failure, 2 total failure."""
        return {JobStatus.SUCCESS: 0, JobStatus.PARTIAL_FAILURE: 1}.get(
            JobStatus(self.job.status), 2
        )

    def kind_totals(self, kind: str) -> UpsertCounts:
        return sum((r.counts.get(kind, UpsertCounts()) for r in self.results), UpsertCounts())


def job_start(*, job_name: str, provider: str, parameters: dict[str, object]) -> JobRun:
    return JobRun.objects.create(
        job_name=job_name,
        status=JobStatus.RUNNING,
        provider=provider,
        parameters=parameters,
        started_at=timezone.now(),
    )


def job_finish(job: JobRun, results: Sequence[AssetResult], *, alert: bool = True) -> None:
    # An asset with an error counts as failed for the job, even when a backfill stored some of
    # its chunks before the error (its status is then "partial").
    failed = [r for r in results if r.error]
    if not failed:
        job.status = JobStatus.SUCCESS
    elif all(r.status == "failed" for r in results):
        job.status = JobStatus.FAILURE
    else:
        job.status = JobStatus.PARTIAL_FAILURE
    job.ended_at = timezone.now()
    job.results = {r.symbol: r.as_json() for r in results}
    exhausted = sorted({r.provider for r in results if r.quota_exhausted})
    reasons = "; ".join(f"{r.symbol} ({r.error})" for r in failed[:20])
    job.error_summary = (
        {
            "failed": {r.symbol: r.error for r in failed},
            "quota_exhausted": exhausted,
            "message": f"{len(failed)} of {len(results)} assets failed: {reasons}",
        }
        if failed
        else {}
    )
    job.save(update_fields=["status", "ended_at", "results", "error_summary"])
    logger.info(
        "job %s #%s ended %s: %d assets, %d failed",
        job.job_name,
        job.pk,
        job.status,
        len(results),
        len(failed),
        extra={"job_id": job.pk, "status": job.status},
    )
    if alert and failed:
        job_alert(job=job)


def job_alert(*, job: JobRun) -> bool:
    """Post a failed or partly failed job to the alert webhook (no URL: nothing happens)."""
    failed = job.error_summary.get("failed", {}) if isinstance(job.error_summary, dict) else {}
    ended = job.ended_at or timezone.now()
    return alerts.alert_post(
        title=f"Stock-Vis job {job.job_name} #{job.pk}: {job.status}",
        description=alerts.lines([f"{symbol}: {reason}" for symbol, reason in failed.items()]),
        fields={
            "job": job.job_name,
            "status": job.status,
            "failed assets": ", ".join(failed) or "-",
            "time": ended.isoformat(timespec="seconds"),
        },
        color=alerts.RED if job.status == JobStatus.FAILURE else alerts.AMBER,
    )
